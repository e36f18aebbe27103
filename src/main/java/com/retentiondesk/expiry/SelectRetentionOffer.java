package com.retentiondesk.expiry;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import com.retentiondesk.billing.MonthlyBill;
import com.retentiondesk.billing.MonthlyBills;
import com.retentiondesk.casework.CaseBriefs;
import com.retentiondesk.casework.CaseVariables;
import com.retentiondesk.contract.Agreement;
import com.retentiondesk.contract.Agreements;
import com.retentiondesk.customer.Customer;
import com.retentiondesk.customer.Customers;

/**
 * {@code ServiceTask_SelectOffer}: evaluates the latest deployed {@code RetentionOffer} decision
 * table (marketing changes it, an administrator redeploys it) with the customer's network, segment,
 * agreement type, average bill of the last three months and tenure, and writes the offer code and
 * script as plain variables (no serialized decision result).
 */
@Component("selectRetentionOffer")
class SelectRetentionOffer implements JavaDelegate {

	private final DecisionService decisions;
	private final Customers customers;
	private final Agreements agreements;
	private final MonthlyBills bills;
	private final CaseBriefs briefs;
	private final Clock clock;

	SelectRetentionOffer(DecisionService decisions, Customers customers, Agreements agreements, MonthlyBills bills,
			CaseBriefs briefs, Clock clock) {
		this.decisions = decisions;
		this.customers = customers;
		this.agreements = agreements;
		this.bills = bills;
		this.briefs = briefs;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Customer customer = customers.findById(CaseVariables.customerNo(execution)).orElseThrow();
		long agreementId = ExpiryProcess.agreementId(execution);
		Agreement agreement = agreements.findById(agreementId).orElseThrow();
		DmnDecisionResultEntries offer = decisions.evaluateDecisionByKey(ExpiryProcess.DECISION_KEY)
				.variables(Variables.createVariables()
						.putValue("network", customer.getNetwork().name())
						.putValue("segment", customer.getSegment() == null ? "OTHER" : customer.getSegment().name())
						.putValue("agreementType", agreement.getAgreementType().name())
						.putValue("avgMonthlyBill", averageBill(customer.getCustomerNo()).doubleValue())
						.putValue("tenureMonths", tenureMonths(customer)))
				.evaluate()
				.getSingleResult();
		String code = offer.getEntry("offerCode");
		String script = offer.getEntry("offerScript");
		execution.setVariable(ExpiryProcess.OFFER_CODE, code);
		execution.setVariable(ExpiryProcess.OFFER_SCRIPT, script);
		List<String> lines = new ArrayList<>(ExpiryCases.caseLines(agreement));
		lines.add("推荐方案: " + code);
		lines.add("话术: " + script);
		briefs.store(execution, briefs.brief(customer, lines));
	}

	private BigDecimal averageBill(String customerNo) {
		List<MonthlyBill> last = bills.findByCustomerNoOrderByBillMonthDesc(customerNo).stream().limit(3).toList();
		if (last.isEmpty()) {
			return BigDecimal.ZERO;
		}
		BigDecimal sum = last.stream().map(MonthlyBill::getAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
		return sum.divide(BigDecimal.valueOf(last.size()), 2, RoundingMode.HALF_UP);
	}

	private int tenureMonths(Customer customer) {
		LocalDate joined = customer.getJoinedOn();
		return joined == null ? 0 : (int) ChronoUnit.MONTHS.between(joined, LocalDate.now(clock));
	}
}
