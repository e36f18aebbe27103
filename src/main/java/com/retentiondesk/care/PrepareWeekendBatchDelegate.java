package com.retentiondesk.care;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.retentiondesk.calendar.WorkCalendar;

/**
 * {@code ServiceTask_PrepareWeekendBatch} of {@code WeekendGreetingProcess}: on a working Friday (any day with
 * {@code force=true}) that is not in a week with a holiday greeting, and with an approved weekend template valid
 * today, prepares the batch of every star customer with a 小灵通 number. Writes {@code batchDue}, and
 * {@code batchId}, {@code recipients} or {@code skipReason}.
 */
@Component("prepareWeekendBatch")
class PrepareWeekendBatchDelegate implements JavaDelegate {

	private static final Logger log = LoggerFactory.getLogger(PrepareWeekendBatchDelegate.class);

	private final CareBatches batches;
	private final CareTemplates templates;
	private final HolidayGreetings holidays;
	private final WorkCalendar calendar;
	private final Clock clock;

	PrepareWeekendBatchDelegate(CareBatches batches, CareTemplates templates, HolidayGreetings holidays,
			WorkCalendar calendar, Clock clock) {
		this.batches = batches;
		this.templates = templates;
		this.holidays = holidays;
		this.calendar = calendar;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		LocalDate today = LocalDate.now(clock.withZone(calendar.zone()));
		String skip = skipReason(execution, today);
		Optional<CareTemplates.ApprovedTemplate> template = templates.newestApproved(CareKind.WEEKEND, today);
		if (skip == null && template.isEmpty()) {
			skip = "没有已批准且在有效期内的周末问候短信模板";
		}
		Optional<CareBatches.Batch> batch = Optional.empty();
		if (skip == null) {
			batch = batches.prepare("WEEKEND-" + today, CareKind.WEEKEND, template.get().id(), "周末问候 " + today,
					CareBatches.Audience.phsStarCustomers());
			if (batch.isEmpty()) {
				skip = "本周五的周末问候已准备过(批次 WEEKEND-" + today + ")";
			}
		}
		execution.setVariable(CareProcess.BATCH_DUE, skip == null);
		if (skip != null) {
			log.info("weekend greeting {}: none sent: {}", today, skip);
			execution.setVariable(CareProcess.SKIP_REASON, skip);
			return;
		}
		execution.setVariable(CareProcess.BATCH_ID, batch.get().id());
		execution.setVariable(CareProcess.BATCH_TITLE, batch.get().title());
		execution.setVariable(CareProcess.RECIPIENTS, batches.size(batch.get().id()));
		execution.setVariable(CareProcess.SENT_COUNT, 0);
	}

	private String skipReason(DelegateExecution execution, LocalDate today) {
		if (!Boolean.TRUE.equals(execution.getVariable(CareProcess.FORCE))
				&& !CarePolicy.isWeekendGreetingDay(today, calendar::isWorkingDay)) {
			return today + " 不是工作日的星期五";
		}
		LocalDate[] week = CarePolicy.holidayWeek(today);
		List<HolidayGreetings.Holiday> greeted = holidays.between(week[0], week[1]);
		if (!greeted.isEmpty()) {
			return "本周有节日问候(" + greeted.get(0).name() + " " + greeted.get(0).date() + "),不发周末问候";
		}
		return null;
	}
}
