package com.retentiondesk.arrears;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.retentiondesk.casework.CaseBrief;
import com.retentiondesk.casework.CaseBriefs;
import com.retentiondesk.casework.CaseVariables;
import com.retentiondesk.customer.Customers;
import com.retentiondesk.notification.Channel;
import com.retentiondesk.notification.Notifications;

/**
 * Create listener of {@code Task_FirstReminderCall}: after automatic reminders, the brief tells the
 * manager which of them went out and which failed (自动提醒), with the reminders among the latest contacts.
 */
@Component("autoReminderBrief")
class AutoReminderBrief implements TaskListener {

	static final String LINE = "自动提醒";

	private final Notifications notifications;
	private final CaseBriefs briefs;
	private final Customers customers;

	AutoReminderBrief(Notifications notifications, CaseBriefs briefs, Customers customers) {
		this.notifications = notifications;
		this.briefs = briefs;
		this.customers = customers;
	}

	@Override
	public void notify(DelegateTask task) {
		if (!Boolean.TRUE.equals(task.getVariable(ArrearsProcess.AUTO_REMINDER))) {
			return;
		}
		long caseId = CaseVariables.caseId(task);
		int reminders = CaseVariables.intOf(task, ArrearsProcess.AUTO_REMINDERS);
		List<String> parts = new ArrayList<>();
		for (int number = 1; number <= reminders; number++) {
			parts.add("第" + number + "次 短信" + state(ArrearsAutoReminder.key(caseId, number, Channel.SMS))
					+ " 邮件" + state(ArrearsAutoReminder.key(caseId, number, Channel.EMAIL)));
		}
		// read again: the reminders are the customer's latest contacts now
		CaseBrief brief = briefs.refreshed(customers.findById(CaseVariables.customerNo(task)).orElseThrow(),
				briefs.of(task));
		briefs.store(task, brief.withCaseLine(LINE, String.join("; ", parts)));
	}

	private String state(String key) {
		return notifications.status(key).map(status -> switch (status) {
			case PENDING -> "发送失败";
			case SENT -> "已发出";
			default -> status.label();
		}).orElse("未发出");
	}
}
