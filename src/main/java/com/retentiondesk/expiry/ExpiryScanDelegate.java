package com.retentiondesk.expiry;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.retentiondesk.calendar.WorkCalendar;
import com.retentiondesk.casework.ChunkedScan;
import com.retentiondesk.casework.ScanDays;

/** {@code ServiceTask_OpenExpiryCases} of {@code ExpiryScanProcess}; writes {@code opened} and {@code skipped}. */
@Component("expiryScan")
class ExpiryScanDelegate implements JavaDelegate {

	private static final Logger log = LoggerFactory.getLogger(ExpiryScanDelegate.class);

	private final ExpiryScan scan;
	private final WorkCalendar calendar;
	private final Clock clock;

	ExpiryScanDelegate(ExpiryScan scan, WorkCalendar calendar, Clock clock) {
		this.scan = scan;
		this.calendar = calendar;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		ChunkedScan.Result result = ScanDays.opensCasesToday(execution, calendar, clock) ? scan.run() : ChunkedScan.Result.NONE;
		if (result == ChunkedScan.Result.NONE) {
			log.info("expiry scan: nothing opened");
		}
		execution.setVariable(ExpiryProcess.SCAN_OPENED, result.opened());
		execution.setVariable(ExpiryProcess.SCAN_SKIPPED, result.skipped() + result.failed());
	}
}
