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
	public CaseBrief brief(Customer customer, List<String> caseLines) {
		return brief(customer, caseLines, contacts.findTop5ByCustomerNoOrderByAttemptedAtDesc(customer.getCustomerNo()));
	}

	/** The same with the contacts read beforehand for several customers. */
	public CaseBrief brief(Customer customer, List<String> caseLines, RecentContacts recentContacts) {
		return brief(customer, caseLines, recentContacts.of(customer.getCustomerNo()));
	}

	/** The case's brief with the customer's facts and contacts read again and the case's own lines kept. */
	public CaseBrief refreshed(Customer customer, CaseBrief brief) {
		return brief(customer, brief.caseLines());
	}

	private CaseBrief brief(Customer customer, List<String> caseLines, List<ContactAttempt> recent) {
		List<String> customerLines = new ArrayList<>(3);
		customerLines.add(CaseBrief.CUSTOMER + customer.getName() + " (" + customer.getCustomerNo() + ")  "
				+ customer.getStarLevel() + "星");
		customerLines.add(CaseBrief.NUMBER + customer.getServiceNo() + "  网络: "
				+ (customer.getNetwork() == Network.PHS ? "小灵通" : "CDMA")
				+ (customer.getSegment() == null ? "" : " " + customer.getSegment().label()));
		if (customer.getSecondPhone() != null) {
			customerLines.add(CaseBrief.SECOND_PHONE + customer.getSecondPhone());
		}
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

	/** Money as people read it: ¥128.40. */
	public static String yuan(BigDecimal amount) {
		return "¥" + amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
	}
}
