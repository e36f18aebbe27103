package com.retentiondesk.usage;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.retentiondesk.calendar.WorkCalendar;
import com.retentiondesk.casework.ChunkedScan;

/**
 * {@code ServiceTask_OpenUsageCases} of {@code UsageWarningScanProcess}: runs the scan on the month's
 * second working day ({@link UsageScanPolicy}), or any day when started with {@code force=true}; writes
 * {@code opened} and {@code skipped}.
 */
@Component("usageWarningScan")
class UsageScanDelegate implements JavaDelegate {

	private static final Logger log = LoggerFactory.getLogger(UsageScanDelegate.class);

	private final UsageWarningScan scan;
	private final WorkCalendar calendar;
	private final Clock clock;

	UsageScanDelegate(UsageWarningScan scan, WorkCalendar calendar, Clock clock) {
		this.scan = scan;
		this.calendar = calendar;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		LocalDate today = LocalDate.now(clock.withZone(calendar.zone()));
		boolean forced = Boolean.TRUE.equals(execution.getVariable(UsageScanProcess.SCAN_FORCE));
		Object month = execution.getVariable(UsageScanProcess.SCAN_MONTH);
		ChunkedScan.Result result = ChunkedScan.Result.NONE;
		if (forced || UsageScanPolicy.isScanDay(today, calendar::isWorkingDay)) {
			YearMonth scanMonth;
			try {
				scanMonth = month == null ? YearMonth.from(today) : YearMonth.parse(month.toString());
			} catch (java.time.format.DateTimeParseException e) {
				throw new IllegalArgumentException("scanMonth 格式错误: '" + month + "'(应为 2026-12)", e);
			}
			result = scan.run(scanMonth);
		} else {
			log.info("usage scan: {} is not the month's second working day, nothing opened", today);
		}
		execution.setVariable(UsageScanProcess.SCAN_OPENED, result.opened());
		execution.setVariable(UsageScanProcess.SCAN_SKIPPED, result.skipped() + result.failed());
	}
}
