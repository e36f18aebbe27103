package com.retentiondesk.profile;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.data.domain.Limit;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.retentiondesk.billing.MonthlyBills;
import com.retentiondesk.casework.RetentionCase;
import com.retentiondesk.casework.RetentionCases;
import com.retentiondesk.casework.ShownBriefs;
import com.retentiondesk.casework.Staff;
import com.retentiondesk.contact.ContactAttempts;
import com.retentiondesk.customer.Customer;
import com.retentiondesk.customer.Customers;
import com.retentiondesk.customer.ProfileChanges;
import com.retentiondesk.customer.ProfileField;
import com.retentiondesk.web.AllowedGroups;
import com.retentiondesk.web.DeskGroups;
import com.retentiondesk.web.DeskPrincipal;

/**
 * {@code GET /api/customers/{customerNo}}: a customer's profile (with what is missing or unverified and the
 * change log), open cases, contact log and spend, for the phone managers and supervisors of the customer's
 * team and administrators; 403 for anyone else. Tasklist links every task to the read-only page
 * {@code /desk/customer.html?customerNo=...} that shows it.
 */
@RestController
class CustomerPageController {

	static final int CHANGES = 50;
	static final int CONTACTS = 30;
	static final int SPEND_MONTHS = 12;

	private final Customers customers;
	private final ProfileChanges changes;
	private final RetentionCases cases;
	private final ShownBriefs briefs;
	private final ContactAttempts contacts;
	private final MonthlyBills bills;
	private final Staff staff;
	private final java.time.Clock clock;

	CustomerPageController(Customers customers, ProfileChanges changes, RetentionCases cases, ShownBriefs briefs,
			ContactAttempts contacts, MonthlyBills bills, Staff staff, java.time.Clock clock) {
		this.customers = customers;
		this.changes = changes;
		this.cases = cases;
		this.briefs = briefs;
		this.contacts = contacts;
		this.bills = bills;
		this.staff = staff;
		this.clock = clock;
	}

	record Page(String customerNo, String name, String serviceNo, String network, String segment, int starLevel,
			String managerId, String managerName, String team, Profile profile, List<Change> changes,
			List<OpenCase> openCases, List<Contact> contacts, List<Spend> spend) {
	}

	/** The profile: every field, and for the five basics what is missing and what is not verified. */
	record Profile(List<Field> fields, boolean complete, boolean verified, List<String> missing,
			List<String> unverified) {
	}

	record Field(String field, String label, String value, boolean basic, boolean verified, String verifiedBy,
			String verifiedByName, LocalDateTime verifiedAt) {
	}

	record Change(String field, String label, String oldValue, String newValue, String changedBy,
			String changedByName, LocalDateTime changedAt) {
	}

	record OpenCase(long caseId, String caseType, String label, LocalDateTime openedAt, String holder) {
	}

	record Contact(LocalDateTime attemptedAt, String managerId, String managerName, String channel, String outcome,
			String notes) {
	}

	record Spend(String month, BigDecimal amount, int calls) {
	}

	@GetMapping("/api/customers/{customerNo}")
	@AllowedGroups({ DeskGroups.PHONE_MANAGERS, DeskGroups.SUPERVISORS, DeskGroups.ADMINS })
	@Transactional(readOnly = true)
	Page customer(@PathVariable String customerNo, HttpServletRequest request) {
		Customer customer = customers.findById(customerNo.trim()).orElseThrow(
				() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "customerNo: 未知客户 " + customerNo));
		String team = staff.teamOf(customer.getManagerId()).orElse(null);
		DeskPrincipal caller = DeskPrincipal.of(request);
		if (!caller.groups().contains(DeskGroups.ADMINS)
				&& (team == null || !staff.teamsOf(caller.userId()).contains(team))) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN,
					"无权查看客户 " + customer.getCustomerNo() + ": 只有其所属班组的电话经理和主管可以查看");
		}
		return new Page(customer.getCustomerNo(), customer.getName(), customer.getServiceNo(),
				customer.getNetwork() == null ? null : customer.getNetwork() == com.retentiondesk.customer.Network.PHS ? "小灵通" : "CDMA",
				customer.getSegment() == null ? null : customer.getSegment().label(), customer.getStarLevel(),
				customer.getManagerId(), staff.nameOf(customer.getManagerId()), team, profile(customer),
				changes(customer), openCases(customer), contacts(customer), spend(customer));
	}

	private Profile profile(Customer customer) {
		List<Field> fields = new ArrayList<>();
		List<String> missing = new ArrayList<>();
		List<String> unverified = new ArrayList<>();
		for (ProfileField field : ProfileField.values()) {
			String value = customer.profileValue(field);
			String by = customer.verifiedBy(field);
			fields.add(new Field(field.name(), field.label(), value, field.isBasic(), customer.isVerified(field), by,
					by == null ? null : staff.nameOf(by), customer.verifiedAt(field)));
			if (field.isBasic() && value == null) {
				missing.add(field.label());
			} else if (field.isBasic() && !customer.isVerified(field)) {
				unverified.add(field.label());
			}
		}
		return new Profile(fields, missing.isEmpty(), missing.isEmpty() && unverified.isEmpty(), missing, unverified);
	}

	private List<Change> changes(Customer customer) {
		return changes.findByCustomerNoOrderByChangedAtDescIdDesc(customer.getCustomerNo(), Limit.of(CHANGES)).stream()
				.map(c -> new Change(c.getField().name(), c.getField().label(), c.getOldValue(), c.getNewValue(),
						c.getChangedBy(), staff.nameOf(c.getChangedBy()), c.getChangedAt()))
				.toList();
	}

	private List<OpenCase> openCases(Customer customer) {
		return cases.findByCustomerNoAndOpenFlag(customer.getCustomerNo(), 1).stream()
				.sorted(Comparator.comparing(RetentionCase::getOpenedAt))
				.map(c -> new OpenCase(c.getId(), c.getCaseType().name(), c.getCaseType().label(),
						c.getOpenedAt(), briefs.holderOf(c.getProcessInstanceId()).orElse(null)))
				.toList();
	}

	private List<Contact> contacts(Customer customer) {
		return contacts.findByCustomerNoOrderByAttemptedAtDesc(customer.getCustomerNo(), Limit.of(CONTACTS)).stream()
				.map(a -> new Contact(a.getAttemptedAt(), a.getManagerId(), staff.nameOf(a.getManagerId()),
						a.getChannel().name(), ShownBriefs.label(a.getOutcome()), a.getNotes()))
				.toList();
	}

	private List<Spend> spend(Customer customer) {
		String from = YearMonth.now(clock).minusMonths(SPEND_MONTHS).toString();
		return bills.findRecent(customer.getCustomerNo(), from).stream()
				.sorted(Comparator.comparing(com.retentiondesk.billing.MonthlyBill::getMonth))
				.map(b -> new Spend(b.getMonth().toString(), b.getAmount(), b.getCallCount())).toList();
	}
}
