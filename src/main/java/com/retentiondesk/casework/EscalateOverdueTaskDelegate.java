package com.retentiondesk.casework;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Optional;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.retentiondesk.customer.Customer;
import com.retentiondesk.customer.Customers;
import com.retentiondesk.notification.Channel;
import com.retentiondesk.notification.Notifications;
import com.retentiondesk.web.DeskGroups;

/**
 * {@code ServiceTask_RecordEscalation} of every case process, reached from the non-interrupting
 * timer on a call task's due date: counts the escalation on the case and queues the e-mail to the
 * team's supervisor. The manager's task stays where it is; the process then creates the supervisor's
 * task and, on a branch of its own, sends the mail ({@link MailSupervisorDelegate}), so that a mail
 * server outage never holds the supervisor's task back.
 */
@Component("escalateOverdueTask")
class EscalateOverdueTaskDelegate implements JavaDelegate {

	static final String ESCALATED_TASK_ID = "escalatedTaskId";
	private static final Logger log = LoggerFactory.getLogger(EscalateOverdueTaskDelegate.class);
	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final RetentionCases cases;
	private final TaskService tasks;
	private final Staff staff;
	private final Notifications notifications;
	private final ZoneId zone;
	private final CaseMetrics metrics;
	private final SupervisorRouting supervisors;
	private final CaseBriefs briefs;
	private final Customers customers;

	EscalateOverdueTaskDelegate(RetentionCases cases, TaskService tasks, Staff staff, Notifications notifications,
			Clock clock, CaseMetrics metrics, SupervisorRouting supervisors, CaseBriefs briefs, Customers customers) {
		this.supervisors = supervisors;
		this.briefs = briefs;
		this.customers = customers;
		this.metrics = metrics;
		this.cases = cases;
		this.tasks = tasks;
		this.staff = staff;
		this.notifications = notifications;
		this.zone = clock.getZone();
	}

	/** The keys of a case's escalation mails start so. */
	static String mailKeyPrefix(long caseId) {
		return "escalation:" + caseId + ":";
	}

	@Override
	public void execute(DelegateExecution execution) {
		long caseId = CaseVariables.caseId(execution);
		RetentionCase file = cases.findById(caseId).orElseThrow(() -> new IllegalStateException("no case " + caseId));
		file.recordEscalation();
		metrics.escalated(file.getCaseType());
		Optional<Task> overdue = tasks.createTaskQuery()
				.processInstanceId(execution.getProcessInstanceId())
				.active()
				.list().stream()
				.filter(t -> !t.getTaskDefinitionKey().startsWith(DeskGroups.ESCALATION_TASK_PREFIX))
				.filter(t -> t.getDueDate() != null)
				.min(Comparator.comparing(Task::getDueDate));
		String taskId = overdue.map(Task::getId).orElse(execution.getId());
		execution.setVariableLocal(ESCALATED_TASK_ID, taskId);

		String supervisorId = supervisors.supervisorOf(CaseVariables.stringOf(execution, CaseVariables.TEAM_GROUP));
		Optional<String> email = supervisorId == null ? Optional.empty() : staff.emailOf(supervisorId);
		if (email.isEmpty()) {
			log.warn("case {}: escalation without e-mail, supervisor {} has no address", caseId, supervisorId);
			return;
		}
		String customer = customers.findById(file.getCustomerNo()).map(Customer::getName).orElse("") + "("
				+ file.getCustomerNo() + ")";
		String taskName = overdue.map(Task::getName).orElse("电话任务");
		String due = overdue.map(t -> WHEN.format(t.getDueDate().toInstant().atZone(zone))).orElse("-");
		String body = "主管您好:\n\n电话经理 " + staff.nameOf(file.getManagerId()) + " 的任务“" + taskName + "”已于 " + due
				+ " 到期仍未完成,现升级给您处理。经理的任务仍保留在其任务列表中。\n\n"
				+ briefs.of(execution).text()
				+ "\n\n请在任务列表(Tasklist)的“已升级”中处理。\n\n—— 保有工作台";
		notifications.queue(mailKeyPrefix(caseId) + taskId, Channel.EMAIL, email.get(),
				"【逾期升级】" + taskName + " - " + customer, body);
	}
}
