package com.retentiondesk.casework;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.Date;
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
 * intelligence and decides what comes next: accepted; thinking → call back at the agreed date
 * (default {@code callback} later); unreachable → again the next working day, at most
 * {@code maxUnreachable} attempts; declined → closed with the reason. Calls land in calling hours.
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
	 * @param briefLines prefixes of the brief's case lines to keep (offer, campaign...)
	 * @param keepFields form fields a later step still needs (cleared otherwise)
	 */
	public Next complete(DelegateTask task, OfferCall call, Period callback, int maxUnreachable, List<String> briefLines,
			List<String> keepFields) {
		LocalDate today = LocalDate.now(clock.withZone(calendar.zone()));
		String customerNo = (String) task.getVariable(CaseVariables.CUSTOMER_NO);
		long caseId = ((Number) task.getVariable(CaseVariables.CASE_ID)).longValue();
		String caller = TaskCaller.of(task, identity);
		LocalDateTime now = LocalDateTime.now(clock);
		String notes = call.declineReason() == null ? call.notes()
				: "拒绝原因: " + call.declineReason() + (call.notes() == null ? "" : "; " + call.notes());
		contacts.record(new ContactAttempt(customerNo, caseId, task.getId(), caller, now, ContactChannel.PHONE,
				call.result().name(), notes));
		if (call.competitor() != null) {
			competitors.save(new CompetitorReport(customerNo, caseId, task.getId(), call.competitor(), caller, now));
		}
		Next next = switch (call.result()) {
			case ACCEPTED -> Next.ACCEPTED;
			case DECLINED -> Next.DECLINED;
			case THINKING -> callAgain(task,
					calendar.startOfCalling(call.callbackDate() != null ? call.callbackDate() : today.plus(callback)));
			case UNREACHABLE -> {
				int attempts = ((Number) task.getVariable(UNREACHABLE_ATTEMPTS)).intValue() + 1;
				task.setVariable(UNREACHABLE_ATTEMPTS, attempts);
				yield attempts >= maxUnreachable ? Next.UNREACHABLE
						: callAgain(task, calendar.startOfCalling(calendar.nextWorkingDay(today)));
			}
		};
		if (next == Next.DECLINED) {
			task.setVariable(CaseVariables.OUTCOME_REASON, call.declineReason());
		} else if (next == Next.UNREACHABLE) {
			task.setVariable(CaseVariables.OUTCOME_REASON, maxUnreachable + "次均未接通");
		}
		String brief = (String) task.getVariable(CaseVariables.CASE_BRIEF);
		List<String> lines = brief == null ? List.of()
				: brief.lines().filter(l -> briefLines.stream().anyMatch(l::startsWith)).toList();
		task.setVariable(CaseVariables.CASE_BRIEF, briefs.brief(customers.findById(customerNo).orElseThrow(), lines));
		List<String> clear = new ArrayList<>(OfferCall.FIELDS);
		clear.removeAll(keepFields);
		task.getExecution().getProcessInstance().removeVariables(clear);
		return next;
	}

	private Next callAgain(DelegateTask task, Instant at) {
		task.setVariable(NEXT_CALL_AT, Date.from(at));
		task.setVariable(CaseVariables.CALL_DUE, Date.from(calendar.endOfWorkingDay(at)));
		return Next.CALL_AGAIN;
	}
}
