package com.retentiondesk.arrears;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.retentiondesk.calendar.WorkCalendar;
import com.retentiondesk.casework.CaseBriefs;
import com.retentiondesk.casework.CaseFiles;
import com.retentiondesk.casework.CaseType;
import com.retentiondesk.casework.RetentionCase;
import com.retentiondesk.casework.RetentionCases;
import com.retentiondesk.customer.Customer;
import com.retentiondesk.customer.PaymentType;

/**
 * The arrears reminder case (欠费温馨提醒): what the scan, the billing endpoints and the tests call to
 * open a case and to tell it about a payment or a suspension.
 */
@Service
public class ArrearsCases {

	private static final Logger log = LoggerFactory.getLogger(ArrearsCases.class);

	private final CaseFiles files;
	private final RetentionCases cases;
	private final RuntimeService runtime;
	private final WorkCalendar calendar;
	private final ArrearsPolicy policy;
	private final ArrearsAutoReminderPolicy reminders;
	private final Clock clock;

	ArrearsCases(CaseFiles files, RetentionCases cases, RuntimeService runtime, WorkCalendar calendar,
			ArrearsSettings settings, Clock clock) {
		this.files = files;
		this.cases = cases;
		this.runtime = runtime;
		this.calendar = calendar;
		this.policy = settings.policy();
		this.reminders = settings.autoReminderPolicy(calendar);
		this.clock = clock;
	}

	/** Whether the customer qualifies for an arrears reminder now (not whether a case is open). */
	public boolean isDue(Customer customer) {
		return policy.isDue(customer);
	}

	/**
	 * Opens an arrears case and starts {@code ArrearsReminderProcess}; the first call is due at the end
	 * of the working day, for a CDMA 普1 customer after the automatic reminders ({@link ArrearsAutoReminderPolicy}).
	 *
	 * @throws CaseFiles.CaseAlreadyOpenException if the customer has an open arrears case
	 */
	@Transactional
	public RetentionCase open(Customer customer) {
		return open(customer, null);
	}

	/**
	 * Opens an arrears case for the scan, which has checked its chunk for open cases and read the chunk's
	 * recent contacts beforehand (see {@link CaseFiles#openChecked}).
	 */
	@Transactional
	public RetentionCase openChecked(Customer customer, CaseBriefs.RecentContacts recentContacts) {
		return open(customer, recentContacts);
	}

	private RetentionCase open(Customer customer, CaseBriefs.RecentContacts recentContacts) {
		List<String> lines = new ArrayList<>();
		if (customer.getPaymentType() == PaymentType.PREPAID) {
			lines.add("付费类型: 预付费  余额: " + CaseBriefs.yuan(customer.getBalance()));
		} else {
			lines.add("付费类型: 后付费  欠费金额: " + CaseBriefs.yuan(policy.amountOwed(customer)) + "  欠费月数: "
					+ customer.getArrearsMonths());
		}
		// the amount owed is on the case row (file.owe); the start facts of a case without automatic reminders
		// are read only by the start transaction (the gateway, the first call's due date and its timer), so
		// they are transient: no variable rows (issue 32)
		Map<String, Object> variables = new HashMap<>();
		boolean autoReminder = policy.wantsAutoReminder(customer);
		if (autoReminder) {
			Instant firstReminder = reminders.firstReminderAt(clock.instant());
			variables.put(ArrearsProcess.AUTO_REMINDER, true);
			variables.put(ArrearsProcess.AUTO_REMINDERS, reminders.reminders());
			variables.put(ArrearsProcess.FIRST_REMINDER_AT, Date.from(firstReminder));
			variables.put(ArrearsProcess.FIRST_CALL_AT, Date.from(reminders.firstCallAt(firstReminder)));
			variables.put(ArrearsProcess.FIRST_CALL_DUE, Date.from(reminders.firstCallDue(firstReminder)));
		} else {
			variables.put(ArrearsProcess.AUTO_REMINDER, Variables.booleanValue(false, true));
			variables.put(ArrearsProcess.FIRST_CALL_DUE,
					Variables.dateValue(Date.from(calendar.endOfWorkingDay(clock.instant())), true));
		}
		RetentionCase file = recentContacts == null
				? files.open(CaseType.ARREARS_REMINDER, ArrearsProcess.PROCESS_KEY, customer, lines, variables)
				: files.openChecked(CaseType.ARREARS_REMINDER, ArrearsProcess.PROCESS_KEY, customer, lines, recentContacts,
						variables);
		file.owe(policy.amountOwed(customer));
		return file;
	}

	/**
	 * A payment arrived: the open arrears case, if any, ends as paid wherever it stands.
	 *
	 * @return the case that was closed
	 */
	@Transactional
	public Optional<RetentionCase> paymentReceived(String customerNo, java.math.BigDecimal amount) {
		cases.findOpen(customerNo, CaseType.ARREARS_REMINDER).ifPresent(file -> file.recover(amount));
		return correlate(customerNo, ArrearsProcess.MESSAGE_PAYMENT_RECEIVED);
	}

	/** The line was suspended: the open arrears case ends as suspended (the win-back case takes over). */
	@Transactional
	public Optional<RetentionCase> lineSuspended(String customerNo) {
		return correlate(customerNo, ArrearsProcess.MESSAGE_LINE_SUSPENDED);
	}

	private Optional<RetentionCase> correlate(String customerNo, String message) {
		Optional<RetentionCase> open = cases.findOpen(customerNo, CaseType.ARREARS_REMINDER);
		if (open.isEmpty() || open.get().getProcessInstanceId() == null) {
			return Optional.empty();
		}
		try {
			runtime.createMessageCorrelation(message)
					.processInstanceId(open.get().getProcessInstanceId())
					.correlateWithResult();
			return open;
		} catch (MismatchingMessageCorrelationException e) {
			log.warn("arrears case {} of {} did not accept {}: {}", open.get().getId(), customerNo, message,
					e.getMessage());
			return Optional.empty();
		}
	}
}
