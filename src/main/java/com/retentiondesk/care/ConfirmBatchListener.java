package com.retentiondesk.care;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of the confirm tasks: a manager who does not send skips their whole part of the batch
 * (e.g. the company already sent one); one who sends takes out the customers listed in
 * {@code excludedCustomers} (checked by {@link ConfirmBatchForm} before).
 */
@Component("recordCareBatchConfirmation")
class ConfirmBatchListener implements TaskListener {

	private final CareBatches batches;

	ConfirmBatchListener(CareBatches batches) {
		this.batches = batches;
	}

	@Override
	public void notify(DelegateTask task) {
		long batchId = ((Number) task.getVariable(CareProcess.BATCH_ID)).longValue();
		String manager = String.valueOf(task.getVariable(CareProcess.MANAGER_ID));
		if (Boolean.TRUE.equals(ConfirmBatchForm.send(task.getVariable(CareProcess.SEND)))) {
			batches.trim(batchId, manager, ConfirmBatchForm.excluded(task.getVariable(CareProcess.EXCLUDED)));
		} else {
			batches.skip(batchId, manager);
		}
	}
}
