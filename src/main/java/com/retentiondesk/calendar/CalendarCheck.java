package com.retentiondesk.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * From 1 December, warns while next year has no entries in the work calendar: in the log (at start and
 * every morning) and on the supervisors' dashboard ({@code GET /api/kpi}'s {@code warnings}). Without them
 * every weekday of next year would count as a working day, the Spring Festival included.
 */
@Component
public class CalendarCheck {

	private static final Logger log = LoggerFactory.getLogger(CalendarCheck.class);

	private final CalendarDays days;
	private final Clock clock;

	CalendarCheck(CalendarDays days, Clock clock) {
		this.days = days;
		this.clock = clock;
	}

	/** The warnings to show now (none before December, or when next year has entries). */
	public List<String> warnings() {
		return warning(LocalDate.now(clock), days::hasEntries).map(List::of).orElse(List.of());
	}

	static Optional<String> warning(LocalDate today, java.util.function.IntPredicate hasEntries) {
		int next = today.getYear() + 1;
		if (today.getMonth() != Month.DECEMBER || hasEntries.test(next)) {
			return Optional.empty();
		}
		return Optional.of(next + "年的工作日历(法定节假日和调休)尚未录入:请管理员按国务院办公厅的放假通知通过 PUT /api/admin/calendar/"
				+ next + " 录入,否则该年的节假日将按工作日计算。");
	}

	@EventListener(ApplicationReadyEvent.class)
	@Scheduled(cron = "0 0 8 * * *", zone = "Asia/Shanghai")
	void checkNextYear() {
		warnings().forEach(warning -> log.warn("work calendar: {}", warning));
	}
}
