package com.retentiondesk.care;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_SendTeamBatch} of the weekend, holiday and weather greetings: sends the next chunk of
 * {@code batchId}, team by team, adds to {@code sentCount} and writes {@code teamsLeft} (the loop's gateway: anything
 * left to send). One chunk per job: a crash repeats only that chunk's job, which skips what already went out.
 */
@Component("sendCareTeam")
class SendTeamBatchDelegate implements JavaDelegate {

	private final CareSender sender;
	private final CareBatches batches;

	SendTeamBatchDelegate(CareSender sender, CareBatches batches) {
		this.sender = sender;
		this.batches = batches;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long batchId = ((Number) execution.getVariable(CareProcess.BATCH_ID)).longValue();
		int sent = sender.sendNextChunk(batchId);
		Object before = execution.getVariable(CareProcess.SENT_COUNT);
		execution.setVariable(CareProcess.SENT_COUNT, (before instanceof Number n ? n.intValue() : 0) + sent);
		boolean left = batches.nextTeam(batchId).isPresent();
		if (!left) {
			batches.markSent(batchId);
		}
		execution.setVariable(CareProcess.TEAMS_LEFT, left);
	}
}
