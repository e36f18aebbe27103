package com.retentiondesk.arrears;

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
 * {@code ServiceTask_OpenArrearsCases} of {@code ArrearsScanProcess}: opens cases on working days
 * only; on another day a run does nothing unless it was started with {@code force = true}. Writes
 * {@code opened} and {@code skipped}.
 */
@Component("arrearsScan")
class ArrearsScanDelegate implements JavaDelegate {

	private static final Logger log = LoggerFactory.getLogger(ArrearsScanDelegate.class);

	private final ArrearsScan scan;
	private final WorkCalendar calendar;
	private final Clock clock;

	ArrearsScanDelegate(ArrearsScan scan, WorkCalendar calendar, Clock clock) {
		this.scan = scan;
		this.calendar = calendar;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		if (!ScanDays.opensCasesToday(execution, calendar, clock)) {
			log.info("arrears scan: today is not a working day; nothing to do");
			execution.setVariable(ArrearsProcess.SCAN_OPENED, 0);
			execution.setVariable(ArrearsProcess.SCAN_SKIPPED, 0);
			return;
		}
		ChunkedScan.Result result = scan.run();
		execution.setVariable(ArrearsProcess.SCAN_OPENED, result.opened());
		execution.setVariable(ArrearsProcess.SCAN_SKIPPED, result.skipped() + result.failed());
	}
}
