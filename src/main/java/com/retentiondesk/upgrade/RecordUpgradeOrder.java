package com.retentiondesk.upgrade;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.retentiondesk.calendar.WorkCalendar;
import com.retentiondesk.casework.CaseVariables;
import com.retentiondesk.casework.FormValues;
import com.retentiondesk.customer.Customer;
import com.retentiondesk.customer.Customers;
import com.retentiondesk.notification.Channel;
import com.retentiondesk.notification.Notifications;

/**
 * {@code ServiceTask_RecordUpgradeOrder} (async, retried): records the upgrade order once per case,
 * confirms it by e-mail once if the customer left an address, and sets when the manager verifies the
 * activation.
 */
@Component("recordUpgradeOrder")
class RecordUpgradeOrder implements JavaDelegate {

	private final UpgradeOrders orders;
	private final Customers customers;
	private final Notifications notifications;
	private final WorkCalendar calendar;
	private final UpgradeSettings settings;
	private final Clock clock;

	RecordUpgradeOrder(UpgradeOrders orders, Customers customers, Notifications notifications, WorkCalendar calendar,
			UpgradeSettings settings, Clock clock) {
		this.orders = orders;
		this.customers = customers;
		this.notifications = notifications;
		this.calendar = calendar;
		this.settings = settings;
		this.clock = clock;
	}

	/** The key (a prefix of nothing else) of the case's order confirmation mail, sent by {@code ServiceTask_MailOrderConfirmation}. */
	static String confirmationKey(long caseId) {
		return "upgrade-order:" + caseId + ":confirmation";
	}

	@Override
	public void execute(DelegateExecution execution) {
		long caseId = CaseVariables.caseId(execution);
		Customer customer = customers.findById(CaseVariables.customerNo(execution)).orElseThrow();
		Map<String, Object> values = execution.getVariables();
		UpgradeOrder order = orders.findByCaseId(caseId).orElseGet(() -> orders.save(new UpgradeOrder(caseId,
				customer.getCustomerNo(), FormValues.text(values, UpgradeProcess.HANDSET_MODEL),
				FormValues.date(values, UpgradeProcess.APPOINTMENT_DATE, "预约上门/办理日期"),
				Boolean.parseBoolean(String.valueOf(values.get(UpgradeProcess.STORE_VISIT))),
				CaseVariables.managerId(execution), LocalDateTime.now(clock))));
		if (customer.getEmail() != null) {
			notifications.queue(confirmationKey(caseId), Channel.EMAIL, customer.getEmail(), "【升级确认】小灵通升级CDMA订单",
					"尊敬的" + customer.getName() + "客户:\n\n您的小灵通号码" + customer.getServiceNo() + "升级CDMA的订单已登记。机型: "
							+ order.getHandsetModel() + (order.getAppointmentOn() != null ? ",预约办理日期: " + order.getAppointmentOn() : "")
							+ (order.isStoreVisit() ? ",请携带身份证到就近营业厅办理" : "")
							+ "。\n\n如有疑问,请致电您的专属电话经理或拨打10000。");
		}
		LocalDate verifyOn = LocalDate.now(clock.withZone(calendar.zone())).plus(settings.activationWait());
		execution.setVariable(UpgradeProcess.ACTIVATION_DUE_AT, Date.from(calendar.startOfCalling(verifyOn)));
	}
}
