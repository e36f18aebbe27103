package com.retentiondesk.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import com.retentiondesk.calendar.WorkCalendar;
import com.retentiondesk.casework.OfferCall.Next;
import com.retentiondesk.contact.CompetitorReport;
import com.retentiondesk.contact.CompetitorReports;
import com.retentiondesk.contact.ContactAttempt;
import com.retentiondesk.contact.ContactChannel;
import com.retentiondesk.customer.Customers;

/**
 * Completes an offer call for the case's complete listener: writes the contact log and competitor
 * intelligence, asks the case's {@link OfferCallPolicy} what comes next and writes that to the case.
 */
@Component
public class OfferCalls {

	/** Process variables the offer-call processes share. */
	public static final String NEXT_CALL_AT = "nextCallAt";
	public static final String UNREACHABLE_ATTEMPTS = "unreachableAttempts";

	private final ContactLog contacts;
	private final CompetitorReports competitors;
	private final Customers customers;
	private final CaseBriefs briefs;
	private final WorkCalendar calendar;
	private final IdentityService identity;
	private final Clock clock;

	OfferCalls(ContactLog contacts, CompetitorReports competitors, Customers customers, CaseBriefs briefs,
			WorkCalendar calendar, IdentityService identity, Clock clock) {
		this.contacts = contacts;
		this.competitors = competitors;
		this.customers = customers;
		this.briefs = briefs;
		this.calendar = calendar;
		this.identity = identity;
		this.clock = clock;
	}

	/**
	 * Records the call and returns what follows ({@link OfferCallPolicy}), written to the case: attempts,
	 * the next call's time and due time, the reason it ends with; the brief refreshed with the case's own
	 * lines kept; the form fields cleared but {@code keepFields}, which a later step still needs.
	 */
	public Next complete(DelegateTask task, OfferCall call, OfferCallPolicy policy, List<String> keepFields) {
		LocalDate today = LocalDate.now(clock.withZone(calendar.zone()));
		String customerNo = CaseVariables.customerNo(task);
		long caseId = CaseVariables.caseId(task);
		String caller = TaskCaller.of(task, identity);
		LocalDateTime now = LocalDateTime.now(clock);
		String notes = call.declineReason() == null ? call.notes()
				: "拒绝原因: " + call.declineReason() + (call.notes() == null ? "" : "; " + call.notes());
		contacts.record(new ContactAttempt(customerNo, caseId, task.getId(), caller, now, ContactChannel.PHONE,
				call.result().name(), notes));
		if (call.competitor() != null) {
			competitors.save(new CompetitorReport(customerNo, caseId, task.getId(), call.competitor(), caller, now));
		}
		int unreachableBefore = CaseVariables.intOf(task, UNREACHABLE_ATTEMPTS);
		OfferCallPolicy.Decision decision = policy.decide(call, unreachableBefore, today);
		if (decision.unreachableAttempts() != unreachableBefore) {
			task.setVariable(UNREACHABLE_ATTEMPTS, decision.unreachableAttempts());
		}
		if (decision.next() == Next.CALL_AGAIN) {
			CaseVariables.setInstant(task, NEXT_CALL_AT, decision.nextCallAt());
			CaseVariables.setCallDue(task, decision.callDue());
		}
		if (decision.outcomeReason() != null) {
			CaseVariables.setOutcomeReason(task, decision.outcomeReason());
		}
		briefs.store(task, briefs.refreshed(customers.findById(customerNo).orElseThrow(), briefs.of(task)));
		List<String> clear = new ArrayList<>(OfferCall.FIELDS);
		clear.removeAll(keepFields);
		task.getExecution().getProcessInstance().removeVariables(clear);
		return decision.next();
	}
}
