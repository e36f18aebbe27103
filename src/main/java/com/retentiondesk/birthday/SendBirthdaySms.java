package com.retentiondesk.birthday;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.retentiondesk.casework.CaseVariables;
import com.retentiondesk.casework.Staff;
import com.retentiondesk.customer.Customer;
import com.retentiondesk.customer.Customers;
import com.retentiondesk.notification.Notifications;
import com.retentiondesk.notification.SmsCategory;

/**
 * {@code ServiceTask_SendGreetingSms}: the birthday greeting by SMS ({@code desk.care.birthday-text}, no offer), a
 * care message through the outbox: once per case also when the step is retried, not to a customer who opted out
 * (OPTED_OUT), and in the contact log with its outcome.
 */
@Component("sendBirthdaySms")
class SendBirthdaySms implements JavaDelegate {

	static final String LABEL = "生日祝福短信";

	private final Customers customers;
	private final Notifications notifications;
	private final Staff staff;
	private final BirthdaySettings settings;

	SendBirthdaySms(Customers customers, Notifications notifications, Staff staff, BirthdaySettings settings) {
		this.customers = customers;
		this.notifications = notifications;
		this.staff = staff;
		this.settings = settings;
	}

	/** The outbox key of a case's greeting SMS. */
	static String key(long caseId) {
		return "birthday-sms:" + caseId;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long caseId = CaseVariables.caseId(execution);
		String customerNo = CaseVariables.customerNo(execution);
		Customer customer = customers.findById(customerNo)
				.orElseThrow(() -> new IllegalStateException("customer " + customerNo + " of case " + caseId + " is gone"));
		String text = settings.textFor(customer.getName(), staff.nameOf(CaseVariables.managerId(execution)));
		notifications.sendSms(new Notifications.SmsRequest(key(caseId), SmsCategory.CARE, customerNo, caseId,
				customer.getServiceNo(), LABEL, text));
	}
}
