package com.retentiondesk.arrears;

import java.time.Clock;
import java.time.LocalDateTime;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.retentiondesk.casework.CaseVariables;
import com.retentiondesk.contact.ContactAttempt;
import com.retentiondesk.casework.ContactLog;
import com.retentiondesk.casework.Staff;
import com.retentiondesk.contact.ContactChannel;
import com.retentiondesk.customer.Customer;
import com.retentiondesk.customer.Customers;
import com.retentiondesk.customer.PaymentType;
import com.retentiondesk.notification.Channel;
import com.retentiondesk.notification.Notifications;
import com.retentiondesk.notification.SmsCategory;

/**
 * {@code ServiceTask_SendAutoReminderSms} and {@code ServiceTask_SendAutoReminderEmail} in
 * {@code SubProcess_AutoReminders}: one automatic reminder of a CDMA 普1 customer on one channel (e-mail
 * only with an address), sent once per case, reminder number and channel, and logged as sent by 系统 (the SMS
 * by the outbox, with its delivery receipt). Each
 * channel is a step of its own: a failed delivery retries and then becomes an incident of that step alone,
 * and neither the other channel nor the manager's first call (on its own timer) waits for it.
 */
@Component("arrearsAutoReminder")
class ArrearsAutoReminder implements JavaDelegate {

	private final Customers customers;
	private final Notifications notifications;
	private final ContactLog contacts;
	private final ArrearsSettings settings;
	private final Clock clock;

	ArrearsAutoReminder(Customers customers, Notifications notifications, ContactLog contacts,
			ArrearsSettings settings, Clock clock) {
		this.customers = customers;
		this.notifications = notifications;
		this.contacts = contacts;
		this.settings = settings;
		this.clock = clock;
	}

	/** The message key of reminder {@code number} (1, 2...) of a case on a channel. */
	static String key(long caseId, int number, Channel channel) {
		return "arrears-auto-" + (channel == Channel.SMS ? "sms" : "email") + ":" + caseId + ":" + number;
	}

	/** This reminder's number, from the multi-instance loop counter (0, 1...). */
	static int number(DelegateExecution execution) {
		return CaseVariables.intOf(execution, "loopCounter") + 1;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long caseId = CaseVariables.caseId(execution);
		int number = number(execution);
		String customerNo = CaseVariables.customerNo(execution);
		Customer customer = customers.findById(customerNo)
				.orElseThrow(() -> new IllegalStateException("customer " + customerNo + " of case " + caseId + " is gone"));
		String text = text(customer);
		if (ArrearsProcess.SERVICE_AUTO_REMINDER_SMS.equals(execution.getCurrentActivityId())) {
			// a service notice: goes to customers who opted out of care and marketing SMS too; the outbox writes
			// the contact log (SENT, then the delivery receipt's DELIVERED or FAILED)
			notifications.sendSms(new Notifications.SmsRequest(key(caseId, number, Channel.SMS), SmsCategory.SERVICE,
					customerNo, caseId, customer.getServiceNo(), "第" + number + "次自动提醒短信", text));
		} else if (customer.getEmail() != null) {
			notifications.send(key(caseId, number, Channel.EMAIL), Channel.EMAIL, customer.getEmail(),
					"【温馨提醒】您的话费" + (customer.getPaymentType() == PaymentType.PREPAID ? "余额不足" : "已欠费"), text);
			contacts.record(new ContactAttempt(customerNo, caseId, null, Staff.SYSTEM, LocalDateTime.now(clock),
					ContactChannel.EMAIL, "SENT", "第" + number + "次自动提醒邮件"));
		}
	}

	String text(Customer customer) {
		String situation = customer.getPaymentType() == PaymentType.PREPAID
				? "当前余额为" + customer.getBalance().toPlainString() + "元,已低于" + settings.prepaidBalanceBelow() + "元"
				: "已欠费" + settings.policy().amountOwed(customer).toPlainString() + "元(" + customer.getArrearsMonths()
						+ "个月)";
		return "【温馨提醒】尊敬的" + customer.getName() + "客户,您的号码" + customer.getServiceNo() + situation
				+ "。为避免停机给您带来不便,请及时缴费:可通过微信、支付宝、网上营业厅或就近营业厅缴费。如已缴费,请忽略本提醒。";
	}
}
