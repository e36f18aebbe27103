package com.retentiondesk.casework;

import java.time.Clock;
import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import com.retentiondesk.calendar.WorkCalendar;

/**
 * When the daily scans open cases: on working days; on another day only when an administrator
 * started the scan by hand with the variable {@value #FORCE} = true.
 */
public final class ScanDays {

	public static final String FORCE = "force";

	private ScanDays() {
	}

	public static boolean opensCasesToday(DelegateExecution execution, WorkCalendar calendar, Clock clock) {
		return runsOn(execution, calendar, LocalDate.now(clock.withZone(calendar.zone())));
	}

	/** Whether a run for {@code day} goes ahead: a working day, or forced. */
	public static boolean runsOn(DelegateExecution execution, WorkCalendar calendar, LocalDate day) {
		return calendar.isWorkingDay(day) || Boolean.TRUE.equals(execution.getVariable(FORCE));
	}
}
