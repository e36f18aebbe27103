package com.retentiondesk.survey;

import java.time.Clock;
import java.time.LocalDateTime;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.retentiondesk.casework.Staff;

/**
 * {@code ServiceTask_RecordResponse} of {@code CustomerSurveyProcess}: stores the answer in
 * {@code survey_response} (once per customer and month: a retried job finds its row) and writes
 * {@code lowScore} and, for a low score, the manager's supervisor as {@code supervisorId}.
 */
@Component("recordSurveyResponse")
class RecordSurveyResponse implements JavaDelegate {

	private final SurveyResponses responses;
	private final Staff staff;
	private final com.retentiondesk.casework.TeamSupervisors teamSupervisors;
	private final Clock clock;

	RecordSurveyResponse(SurveyResponses responses, Staff staff, com.retentiondesk.casework.TeamSupervisors teamSupervisors,
			Clock clock) {
		this.teamSupervisors = teamSupervisors;
		this.responses = responses;
		this.staff = staff;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String customerNo = (String) execution.getVariable(SurveyProcess.CUSTOMER_NO);
		String managerId = (String) execution.getVariable(SurveyProcess.MANAGER_ID);
		String month = (String) execution.getVariable(SurveyProcess.SURVEY_MONTH);
		boolean reached = Boolean.TRUE.equals(SatisfactionSurveyForm.reached(execution.getVariable(SurveyProcess.REACHED)));
		Integer score = reached ? SatisfactionSurveyForm.score(execution.getVariable(SurveyProcess.SCORE)) : null;
		Object comment = execution.getVariable(SurveyProcess.COMMENT);
		String text = comment == null || comment.toString().isBlank() ? null : comment.toString().trim();
		if (responses.findByCustomerNoAndSurveyMonth(customerNo, month).isEmpty()) {
			responses.save(new SurveyResponse(customerNo, managerId, month, reached, score, text, LocalDateTime.now(clock)));
		}
		boolean low = score != null && score <= SurveyProcess.LOW_SCORE;
		execution.setVariable(SurveyProcess.LOW_SCORE_FLAG, low);
		if (low) {
			java.util.Optional<String> team = staff.teamOf(managerId);
			execution.setVariable(SurveyProcess.SUPERVISOR_ID, team.flatMap(staff::supervisorOf).orElse(null));
			// offered to the team's supervisors only (every team's could read the customer's answer otherwise)
			execution.setVariable(com.retentiondesk.casework.CaseVariables.SUPERVISOR_GROUP,
					team.map(teamSupervisors::groupOf).orElse(com.retentiondesk.web.DeskGroups.SUPERVISORS));
		}
	}
}
