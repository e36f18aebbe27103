package com.retentiondesk.casework;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The close-case service tasks ({@code ServiceTask_Close…}): records the outcome (their local input
 * {@code outcome}) and the reason, if the case wrote one ({@code outcomeReason}), on the case row.
 */
@Component("closeCase")
class CloseCaseDelegate implements JavaDelegate {

	private final CaseFiles files;

	CloseCaseDelegate(CaseFiles files) {
		this.files = files;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long caseId = CaseVariables.caseId(execution);
		CaseOutcome outcome = CaseOutcome.valueOf((String) execution.getVariableLocal(CaseVariables.OUTCOME));
		files.close(caseId, outcome, CaseVariables.outcomeReason(execution));
	}
}
