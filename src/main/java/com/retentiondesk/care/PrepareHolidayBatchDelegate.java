package com.retentiondesk.care;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.retentiondesk.calendar.WorkCalendar;

/**
 * {@code ServiceTask_PrepareHolidayBatch} of {@code HolidayGreetingProcess}: every morning, finds the holiday of
 * the greeting list whose confirmation day is today (the last working day at or before {@code holidayLeadDays}
 * days before it), or the holiday {@code holidayDate} given by hand, and prepares its batch (every star customer)
 * with the newest approved holiday template valid on the holiday. Writes {@code batchDue}, and the batch,
 * {@code managers}, {@code managerCount} and {@code sendAt} (the day before the holiday at the send time), or
 * {@code skipReason}.
 */
@Component("prepareHolidayBatch")
class PrepareHolidayBatchDelegate implements JavaDelegate {

	private static final Logger log = LoggerFactory.getLogger(PrepareHolidayBatchDelegate.class);

	private final CareBatches batches;
	private final CareTemplates templates;
	private final HolidayGreetings holidays;
	private final WorkCalendar calendar;
	private final CareSettings settings;
	private final Clock clock;

	PrepareHolidayBatchDelegate(CareBatches batches, CareTemplates templates, HolidayGreetings holidays,
			WorkCalendar calendar, CareSettings settings, Clock clock) {
		this.batches = batches;
		this.templates = templates;
		this.holidays = holidays;
		this.calendar = calendar;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		LocalDateTime now = LocalDateTime.now(clock.withZone(calendar.zone()));
		Optional<HolidayGreetings.Holiday> holiday = holidayDue(execution, now.toLocalDate());
		String skip = holiday.isEmpty() ? "今天没有需要确认的节日问候" : null;
		Optional<CareTemplates.ApprovedTemplate> template = Optional.empty();
		if (skip == null) {
			template = templates.newestApproved(CareKind.HOLIDAY, holiday.get().date());
			if (template.isEmpty()) {
				skip = holiday.get().name() + "(" + holiday.get().date() + "):没有已批准且在节日当天有效的节日问候短信模板";
			}
		}
		Optional<CareBatches.Batch> batch = Optional.empty();
		if (skip == null) {
			String key = "HOLIDAY-" + holiday.get().date();
			batch = batches.prepare(key, CareKind.HOLIDAY, template.get().id(),
					holiday.get().name() + "问候 " + holiday.get().date(), CareBatches.Audience.starCustomers());
			if (batch.isEmpty()) {
				skip = holiday.get().name() + "的节日问候已准备过(批次 " + key + ")";
			}
		}
		execution.setVariable(CareProcess.BATCH_DUE, skip == null);
		if (skip != null) {
			log.info("holiday greeting {}: {}", now.toLocalDate(), skip);
			execution.setVariable(CareProcess.SKIP_REASON, skip);
			return;
		}
		long batchId = batch.get().id();
		List<String> managers = batches.managers(batchId);
		LocalDateTime sendAt = CarePolicy.holidaySendAt(holiday.get().date(), settings.holidaySendTime(), now);
		execution.setVariable(CareProcess.BATCH_ID, batchId);
		execution.setVariable(CareProcess.BATCH_TITLE, batch.get().title());
		execution.setVariable(CareProcess.RECIPIENTS, batches.size(batchId));
		execution.setVariable(CareProcess.MANAGERS, String.join(",", managers));
		execution.setVariable(CareProcess.MANAGER_COUNT, managers.size());
		execution.setVariable(CareProcess.SEND_AT, Date.from(sendAt.atZone(calendar.zone()).toInstant()));
		execution.setVariable(CareProcess.SENT_COUNT, 0);
	}

	private Optional<HolidayGreetings.Holiday> holidayDue(DelegateExecution execution, LocalDate today) {
		Object asked = execution.getVariable(CareProcess.HOLIDAY_DATE);
		if (asked != null && !asked.toString().isBlank()) {
			LocalDate date;
			try {
				date = LocalDate.parse(asked.toString().trim());
			} catch (DateTimeParseException e) {
				throw new IllegalArgumentException("holidayDate 格式错误: '" + asked + "'(应为 2027-01-01)", e);
			}
			return holidays.on(date);
		}
		if (!calendar.isWorkingDay(today)) {
			return Optional.empty();
		}
		int lead = settings.holidayLeadDays();
		return holidays.between(today.plusDays(lead), today.plusDays(lead + 14)).stream()
				.filter(h -> confirmDay(h.date(), lead).equals(today))
				.findFirst();
	}

	/** The last working day at or before {@code lead} days before the holiday. */
	private LocalDate confirmDay(LocalDate holiday, int lead) {
		LocalDate day = CarePolicy.confirmDay(holiday, lead);
		while (!calendar.isWorkingDay(day)) {
			day = day.minusDays(1);
		}
		return day;
	}
}
