package com.retentiondesk.care;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import com.retentiondesk.casework.Staff;
import com.retentiondesk.web.DeskGroups;

/**
 * Start listener of each confirm task ({@code Task_ConfirmHolidayBatch}, {@code Task_ConfirmWeatherBatch}, one
 * per manager of the batch): the task's manager is the {@code loopCounter}-th of {@code managers}; sets, local to
 * the task, {@code managerId}, {@code teamGroup} and {@code batchSummary} (the manager's customers in the batch), and the form's
 * answers {@code send}, {@code excludedCustomers}, {@code confirmNote} empty, so that they stay local to the task.
 */
@Component("careBatchManager")
class BatchManagerListener implements ExecutionListener {

	private final CareBatches batches;
	private final Staff staff;

	BatchManagerListener(CareBatches batches, Staff staff) {
		this.batches = batches;
		this.staff = staff;
	}

	@Override
	public void notify(DelegateExecution execution) {
		String[] managers = String.valueOf(execution.getVariable(CareProcess.MANAGERS)).split(",");
		int index = ((Number) execution.getVariable("loopCounter")).intValue();
		String manager = managers[index];
		long batchId = ((Number) execution.getVariable(CareProcess.BATCH_ID)).longValue();
		execution.setVariableLocal(CareProcess.MANAGER_ID, manager);
		execution.setVariableLocal(CareProcess.TEAM_GROUP, staff.teamOf(manager).orElse(DeskGroups.PHONE_MANAGERS));
		execution.setVariableLocal(CareProcess.BATCH_SUMMARY, batches.summary(batchId, manager));
		// the form's answers stay with this manager's task (one manager's answer is no default for the next)
		execution.setVariableLocal(CareProcess.SEND, null);
		execution.setVariableLocal(CareProcess.EXCLUDED, null);
		execution.setVariableLocal(CareProcess.CONFIRM_NOTE, null);
	}
}
