package com.retentiondesk.survey;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.retentiondesk.calendar.WorkCalendar;

/**
 * {@code ServiceTask_SampleCustomers} of {@code SatisfactionSurveyProcess}: samples on the month's first
 * working day ({@link SurveyPolicy}), or any day when started with {@code force=true}; the month before,
 * or {@code surveyMonth} if given. Writes {@code opened}.
 */
@Component("sampleSurveyCustomers")
class SampleCustomersDelegate implements JavaDelegate {

	private static final Logger log = LoggerFactory.getLogger(SampleCustomersDelegate.class);

	private final SurveySampling sampling;
	private final WorkCalendar calendar;
	private final Clock clock;

	SampleCustomersDelegate(SurveySampling sampling, WorkCalendar calendar, Clock clock) {
		this.sampling = sampling;
		this.calendar = calendar;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		LocalDate today = LocalDate.now(clock.withZone(calendar.zone()));
		boolean forced = Boolean.TRUE.equals(execution.getVariable(SurveyProcess.FORCE));
		int opened = 0;
		if (forced || SurveyPolicy.isSurveyDay(today, calendar::isWorkingDay)) {
			Object asked = execution.getVariable(SurveyProcess.SURVEY_MONTH);
			YearMonth month;
			try {
				month = SurveyPolicy.sampledMonth(today, asked == null ? null : YearMonth.parse(asked.toString()));
			} catch (DateTimeParseException e) {
				throw new IllegalArgumentException("surveyMonth 格式错误: '" + asked + "'(应为 2026-12)", e);
			}
			opened = sampling.run(month);
		} else {
			log.info("satisfaction survey: {} is not the month's first working day, nothing sampled", today);
		}
		execution.setVariable(SurveyProcess.OPENED, opened);
	}
}
