package com.retentiondesk.arrears;

import java.time.Clock;
import java.time.LocalDateTime;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.retentiondesk.casework.CaseVariables;
import com.retentiondesk.contact.ContactAttempt;
import com.retentiondesk.casework.ContactLog;
import com.retentiondesk.contact.ContactChannel;
import com.retentiondesk.customer.Customer;
import com.retentiondesk.customer.Customers;
import com.retentiondesk.customer.PaymentType;
import com.retentiondesk.notification.Channel;
import com.retentiondesk.notification.Notifications;

/**
 * {@code ServiceTask_SendAutoReminder} (async, retried): the automatic reminder that CDMA tier-1
 * customers get before the call, by SMS and, if they left an address, by e-mail. Each message is sent
 * once per case however often the job runs (see {@link Notifications}).
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

	@Override
	public void execute(DelegateExecution execution) {
		long caseId = CaseVariables.caseId(execution);
		String customerNo = CaseVariables.customerNo(execution);
		Customer customer = customers.findById(customerNo)
				.orElseThrow(() -> new IllegalStateException("customer " + customerNo + " of case " + caseId + " is gone"));
		String text = text(customer);
		String managerId = CaseVariables.managerId(execution);

		if (customer.getEmail() != null) {
			notifications.send("arrears-auto-email:" + caseId, Channel.EMAIL, customer.getEmail(),
					"【温馨提醒】您的话费" + (customer.getPaymentType() == PaymentType.PREPAID ? "余额不足" : "已欠费"), text);
			contacts.record(new ContactAttempt(customerNo, caseId, null, managerId, LocalDateTime.now(clock),
					ContactChannel.EMAIL, "SENT", "自动提醒邮件"));
		}
		notifications.send("arrears-auto-sms:" + caseId, Channel.SMS, customer.getServiceNo(), null, text);
		contacts.record(new ContactAttempt(customerNo, caseId, null, managerId, LocalDateTime.now(clock),
				ContactChannel.SMS, "SENT", "自动提醒短信"));
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
