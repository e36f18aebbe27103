package com.retentiondesk.casework;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import com.retentiondesk.billing.MonthlyBill;
import com.retentiondesk.billing.MonthlyBills;
import com.retentiondesk.contact.ContactAttempt;
import com.retentiondesk.contact.ContactAttempts;
import com.retentiondesk.customer.Customer;
import com.retentiondesk.customer.Network;
import com.retentiondesk.customer.ProfileField;

/** Writes the short Chinese summary of a customer that the call forms show (客户情况). */
@Component
public class CaseBriefs {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	/** Months the spend chart shows. */
	static final int SPEND_MONTHS = 6;
	private static final int BAR = 10;

	private final ContactAttempts contacts;
	private final MonthlyBills bills;
	private final Staff staff;
	private final Clock clock;
	private final RetentionCases cases;

	CaseBriefs(ContactAttempts contacts, MonthlyBills bills, Staff staff, Clock clock, RetentionCases cases) {
		this.cases = cases;
		this.contacts = contacts;
		this.bills = bills;
		this.staff = staff;
		this.clock = clock;
	}

	/**
	 * The last five contacts and the recent bills of each of some customers, read in one query each (see
	 * {@link #recentContacts}).
	 */
	public static final class RecentContacts {

		private final Map<String, List<ContactAttempt>> byCustomer;
		private final Map<String, List<MonthlyBill>> billsByCustomer;

		private RecentContacts(Map<String, List<ContactAttempt>> byCustomer, Map<String, List<MonthlyBill>> billsByCustomer) {
			this.byCustomer = byCustomer;
			this.billsByCustomer = billsByCustomer;
		}

		List<ContactAttempt> of(String customerNo) {
			return byCustomer.getOrDefault(customerNo, List.of());
		}

		List<MonthlyBill> billsOf(String customerNo) {
			return billsByCustomer.getOrDefault(customerNo, List.of());
		}
	}

	/**
	 * The last five contacts of each of these customers, newest first, and their bills of the spend chart's
	 * months, in one query each (for a scan's chunk).
	 */
	public RecentContacts recentContacts(Collection<String> customerNos) {
		Map<String, List<ContactAttempt>> byCustomer = new HashMap<>();
		Map<String, List<MonthlyBill>> billsByCustomer = new HashMap<>();
		if (!customerNos.isEmpty()) {
			YearMonth now = YearMonth.now(clock);
			for (MonthlyBill bill : bills.findForCustomers(customerNos, now.minusMonths(SPEND_MONTHS).toString(),
					now.toString())) {
				billsByCustomer.computeIfAbsent(bill.getCustomerNo(), c -> new ArrayList<>()).add(bill);
			}
			for (ContactAttempt attempt : contacts.findByCustomerNoInOrderByAttemptedAtDesc(customerNos)) {
				List<ContactAttempt> recent = byCustomer.computeIfAbsent(attempt.getCustomerNo(), c -> new ArrayList<>(5));
				if (recent.size() < 5) {
					recent.add(attempt);
				}
			}
		}
		return new RecentContacts(byCustomer, billsByCustomer);
	}

	/**
	 * The brief of the case that this task or execution belongs to, from its case row; for a case opened before
	 * V35, from its {@code caseBrief} variable. No lines if it has none (not a case, or a case without a brief).
	 */
	public CaseBrief of(VariableScope scope) {
		return CaseBrief.parse(text(scope));
	}

	/** Whether the task or execution belongs to a case with a brief. */
	public boolean has(VariableScope scope) {
		return text(scope) != null;
	}

	/** Stores the case's new brief on its case row. */
	public void store(VariableScope scope, CaseBrief brief) {
		caseOf(scope).describe(brief.text());
	}

	private String text(VariableScope scope) {
		if (!scope.hasVariable(CaseVariables.CASE_ID)) {
			return null;
		}
		String stored = caseOf(scope).getBrief();
		return stored != null ? stored : (String) scope.getVariable(CaseVariables.CASE_BRIEF);
	}

	private RetentionCase caseOf(VariableScope scope) {
		long caseId = CaseVariables.caseId(scope);
		return cases.findById(caseId).orElseThrow(() -> new IllegalStateException("no retention case " + caseId));
	}

	/** The customer's facts, the lines a case adds, and the last five contacts. */
	public CaseBrief brief(Customer customer, List<String> caseLines) {
		return brief(customer, caseLines, contacts.findTop5ByCustomerNoOrderByAttemptedAtDesc(customer.getCustomerNo()),
				bills.findRecent(customer.getCustomerNo(), YearMonth.now(clock).minusMonths(SPEND_MONTHS).toString()));
	}

	/** The same with the contacts and bills read beforehand for several customers. */
	public CaseBrief brief(Customer customer, List<String> caseLines, RecentContacts recentContacts) {
		return brief(customer, caseLines, recentContacts.of(customer.getCustomerNo()),
				recentContacts.billsOf(customer.getCustomerNo()));
	}

	/** The case's brief with the customer's facts and contacts read again and the case's own lines kept. */
	public CaseBrief refreshed(Customer customer, CaseBrief brief) {
		return brief(customer, brief.caseLines());
	}

	private CaseBrief brief(Customer customer, List<String> caseLines, List<ContactAttempt> recent,
			List<MonthlyBill> recentBills) {
		List<String> customerLines = new ArrayList<>(3);
		customerLines.add(CaseBrief.CUSTOMER + customer.getName() + " (" + customer.getCustomerNo() + ")  "
				+ customer.getStarLevel() + "星");
		customerLines.add(CaseBrief.NUMBER + customer.getServiceNo() + "  网络: "
				+ (customer.getNetwork() == Network.PHS ? "小灵通" : "CDMA")
				+ (customer.getSegment() == null ? "" : " " + customer.getSegment().label()));
		if (customer.getSecondPhone() != null) {
			customerLines.add(CaseBrief.SECOND_PHONE + customer.getSecondPhone());
		}
		customerLines.addAll(profileLines(customer));
		customerLines.addAll(spendChart(recentBills));
		List<String> contactLines = new ArrayList<>(6);
		if (recent.isEmpty()) {
			contactLines.add(CaseBrief.CONTACTS + ": 无");
		} else {
			contactLines.add(CaseBrief.CONTACTS + ":");
			for (ContactAttempt attempt : recent) {
				StringBuilder line = new StringBuilder("  ").append(WHEN.format(attempt.getAttemptedAt())).append(' ')
						.append(staff.nameOf(attempt.getManagerId())).append(' ').append(attempt.getOutcome());
				if (attempt.getNotes() != null && !attempt.getNotes().isBlank()) {
					line.append(": ").append(attempt.getNotes());
				}
				contactLines.add(line.toString());
			}
		}
		return new CaseBrief(customerLines, caseLines, contactLines);
	}

	/**
	 * The customer's five basics as the manager should complete them on the call (issue 28): each value with
	 * 已核实 / 未核实, or [缺] when missing, and a line naming the gaps (or saying there are none).
	 */
	static List<String> profileLines(Customer customer) {
		StringBuilder profile = new StringBuilder(CaseBrief.PROFILE);
		List<String> missing = new ArrayList<>();
		List<String> unverified = new ArrayList<>();
		for (ProfileField field : ProfileField.BASICS) {
			String value = customer.profileValue(field);
			if (profile.length() > CaseBrief.PROFILE.length()) {
				profile.append("  ");
			}
			profile.append(field.label()).append(' ');
			if (value == null) {
				profile.append("[缺]");
				missing.add(field.label());
			} else if (customer.isVerified(field)) {
				profile.append(value).append("(已核实)");
			} else {
				profile.append(value).append("(未核实)");
				unverified.add(field.label());
			}
		}
		String gaps;
		if (missing.isEmpty() && unverified.isEmpty()) {
			gaps = "五项基本资料齐全且已核实";
		} else {
			List<String> parts = new ArrayList<>(2);
			if (!missing.isEmpty()) {
				parts.add("缺 " + String.join("、", missing));
			}
			if (!unverified.isEmpty()) {
				parts.add("待核实 " + String.join("、", unverified));
			}
			gaps = String.join("; ", parts) + " (请在下方“客户资料”中补充或核实)";
		}
		return List.of(profile.toString(), CaseBrief.PROFILE_GAPS + gaps);
	}

	/**
	 * The spend chart (多月话费浮动图表) as a compact table: the newest {@value #SPEND_MONTHS} months, oldest
	 * first, each with its amount, its calls and a bar scaled to the highest amount shown.
	 */
	static List<String> spendChart(List<MonthlyBill> recentBills) {
		List<MonthlyBill> shown = recentBills.stream()
				.sorted(java.util.Comparator.comparing(MonthlyBill::getMonth).reversed()).limit(SPEND_MONTHS)
				.sorted(java.util.Comparator.comparing(MonthlyBill::getMonth)).toList();
		if (shown.isEmpty()) {
			return List.of(CaseBrief.SPEND + ": 无记录");
		}
		BigDecimal top = shown.stream().map(MonthlyBill::getAmount).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
		List<String> lines = new ArrayList<>(shown.size() + 1);
		lines.add(CaseBrief.SPEND + "(金额 / 通话次数):");
		for (MonthlyBill bill : shown) {
			int blocks = top.signum() == 0 ? 0
					: bill.getAmount().multiply(BigDecimal.valueOf(BAR)).divide(top, 0, java.math.RoundingMode.HALF_UP)
							.intValue();
			lines.add(String.format("  %s  %9s  %4d次  %s", bill.getMonth(), yuan(bill.getAmount()), bill.getCallCount(),
					"█".repeat(blocks)).stripTrailing());
		}
		return lines;
	}

	/** Money as people read it: ¥128.40. */
	public static String yuan(BigDecimal amount) {
		return "¥" + amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
	}
}
