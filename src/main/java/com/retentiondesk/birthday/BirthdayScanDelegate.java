package com.retentiondesk.birthday;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.retentiondesk.calendar.WorkCalendar;
import com.retentiondesk.casework.ChunkedScan;
import com.retentiondesk.casework.ScanDays;

/**
 * {@code ServiceTask_OpenBirthdayGreetings} of {@code BirthdayScanProcess}: on working days (on others only when
 * started by hand with {@code force=true}) opens the day's birthday greetings ({@link BirthdayScan}).
 */
@Component("birthdayScan")
class BirthdayScanDelegate implements JavaDelegate {

	private static final Logger log = LoggerFactory.getLogger(BirthdayScanDelegate.class);

	private final BirthdayScan scan;
	private final WorkCalendar calendar;
	private final Clock clock;

	BirthdayScanDelegate(BirthdayScan scan, WorkCalendar calendar, Clock clock) {
		this.scan = scan;
		this.calendar = calendar;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		if (!ScanDays.opensCasesToday(execution, calendar, clock)) {
			log.info("birthday scan: today is not a working day; nothing to do");
			execution.setVariable(BirthdayProcess.SCAN_OPENED, 0);
			return;
		}
		ChunkedScan.Result result = scan.run();
		execution.setVariable(BirthdayProcess.SCAN_OPENED, result.opened());
	}
}
