package com.retentiondesk.casework;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.retentiondesk.contact.ContactAttempt;
import com.retentiondesk.contact.ContactAttempts;
import com.retentiondesk.customer.Customer;
import com.retentiondesk.customer.Network;

/** Writes the short Chinese summary of a customer that the call forms show (客户情况). */
@Component
public class CaseBriefs {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final ContactAttempts contacts;
	private final Staff staff;

	CaseBriefs(ContactAttempts contacts, Staff staff) {
		this.contacts = contacts;
		this.staff = staff;
	}

	/** The last five contacts of each of some customers, read in one query (see {@link #recentContacts}). */
	public static final class RecentContacts {

		private final Map<String, List<ContactAttempt>> byCustomer;

		private RecentContacts(Map<String, List<ContactAttempt>> byCustomer) {
			this.byCustomer = byCustomer;
		}

		List<ContactAttempt> of(String customerNo) {
			return byCustomer.getOrDefault(customerNo, List.of());
		}
	}

	/** The last five contacts of each of these customers, newest first, in one query (for a scan's chunk). */
	public RecentContacts recentContacts(Collection<String> customerNos) {
		Map<String, List<ContactAttempt>> byCustomer = new HashMap<>();
		if (!customerNos.isEmpty()) {
			for (ContactAttempt attempt : contacts.findByCustomerNoInOrderByAttemptedAtDesc(customerNos)) {
				List<ContactAttempt> recent = byCustomer.computeIfAbsent(attempt.getCustomerNo(), c -> new ArrayList<>(5));
				if (recent.size() < 5) {
					recent.add(attempt);
				}
			}
		}
		return new RecentContacts(byCustomer);
	}

	/** The customer's facts, the lines a case adds, and the last five contacts. */
	public String brief(Customer customer, List<String> caseLines) {
		return brief(customer, caseLines, contacts.findTop5ByCustomerNoOrderByAttemptedAtDesc(customer.getCustomerNo()));
	}

	/** The same with the contacts read beforehand for several customers. */
	public String brief(Customer customer, List<String> caseLines, RecentContacts recentContacts) {
		return brief(customer, caseLines, recentContacts.of(customer.getCustomerNo()));
	}

	private String brief(Customer customer, List<String> caseLines, List<ContactAttempt> recent) {
		StringBuilder text = new StringBuilder();
		text.append("客户: ").append(customer.getName()).append(" (").append(customer.getCustomerNo()).append(")  ")
				.append(customer.getStarLevel()).append("星\n");
		text.append("号码: ").append(customer.getServiceNo()).append("  网络: ")
				.append(customer.getNetwork() == Network.PHS ? "小灵通" : "C网")
				.append(customer.getSegment() == null ? "" : " " + customer.getSegment().label()).append('\n');
		if (customer.getSecondPhone() != null) {
			text.append("第二联系电话: ").append(customer.getSecondPhone()).append('\n');
		}
		caseLines.forEach(line -> text.append(line).append('\n'));
		if (recent.isEmpty()) {
			text.append("最近联系: 无");
		} else {
			text.append("最近联系:");
			for (ContactAttempt attempt : recent) {
				text.append("\n  ").append(WHEN.format(attempt.getAttemptedAt())).append(' ')
						.append(staff.nameOf(attempt.getManagerId())).append(' ').append(attempt.getOutcome());
				if (attempt.getNotes() != null && !attempt.getNotes().isBlank()) {
					text.append(": ").append(attempt.getNotes());
				}
			}
		}
		return text.toString();
	}

	/** Money as people read it: ¥128.40. */
	public static String yuan(BigDecimal amount) {
		return "¥" + amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
	}
}
