package com.retentiondesk.expiry;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.retentiondesk.casework.CaseVariables;
import com.retentiondesk.contract.Agreement;
import com.retentiondesk.contract.AgreementType;
import com.retentiondesk.contract.Agreements;
import com.retentiondesk.customer.Customer;
import com.retentiondesk.customer.Customers;
import com.retentiondesk.notification.Channel;
import com.retentiondesk.notification.Notifications;

/**
 * {@code ServiceTask_RenewAgreement} (async, retried): the accepted offer renews the agreement (a
 * new agreement of the same type ending {@code desk.expiry.renewal} after the old one) and, if the
 * customer left an e-mail address, confirms it once. Running twice renews once.
 */
@Component("renewAgreement")
class RenewAgreement implements JavaDelegate {

	private final Agreements agreements;
	private final Customers customers;
	private final Notifications notifications;
	private final ExpirySettings settings;
	private final Clock clock;

	RenewAgreement(Agreements agreements, Customers customers, Notifications notifications, ExpirySettings settings,
			Clock clock) {
		this.agreements = agreements;
		this.customers = customers;
		this.notifications = notifications;
		this.settings = settings;
		this.clock = clock;
	}

	/** The key (a prefix of nothing else) of the case's confirmation mail, sent by {@code ServiceTask_MailRenewalConfirmation}. */
	static String confirmationKey(long caseId) {
		return "expiry-renewal:" + caseId + ":confirmation";
	}

	@Override
	public void execute(DelegateExecution execution) {
		long caseId = CaseVariables.caseId(execution);
		Agreement old = agreements.findById(ExpiryProcess.agreementId(execution))
				.orElseThrow();
		LocalDate newEnd = old.getEndDate().plus(settings.renewal());
		if (!agreements.existsByCustomerNoAndAgreementTypeAndEndDate(old.getCustomerNo(), old.getAgreementType(), newEnd)) {
			agreements.save(new Agreement(old.getCustomerNo(), old.getAgreementType(), newEnd, LocalDateTime.now(clock)));
		}
		Customer customer = customers.findById(old.getCustomerNo()).orElseThrow();
		if (customer.getEmail() != null) {
			String kind = old.getAgreementType() == AgreementType.RECHARGE_BINDING ? "充值绑定协议" : "终端补贴协议";
			notifications.queue(confirmationKey(caseId), Channel.EMAIL, customer.getEmail(), "【续约确认】您的" + kind + "已续约",
					"尊敬的" + customer.getName() + "客户:\n\n感谢您继续选择我们。您号码" + customer.getServiceNo() + "的" + kind
							+ "已续约,新的到期日为 " + newEnd + "。所选方案: " + execution.getVariable(ExpiryProcess.OFFER_SCRIPT)
							+ "\n\n如有疑问,请致电您的专属电话经理或拨打10000。");
		}
	}
}
