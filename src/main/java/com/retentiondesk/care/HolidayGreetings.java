package com.retentiondesk.care;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The holidays greeted each year (table holiday_greeting, seeded for 2026 and 2027 by Flyway V25): administrators
 * replace a year's list with {@code PUT /api/admin/care/holidays/{year}}.
 */
@Component
class HolidayGreetings {

	record Holiday(String name, LocalDate date) {
	}

	private final JdbcTemplate jdbc;

	HolidayGreetings(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	List<Holiday> year(int year) {
		return jdbc.query("select name, holiday_date from holiday_greeting where greeting_year = ? order by holiday_date",
				(rs, n) -> new Holiday(rs.getString("name"), rs.getDate("holiday_date").toLocalDate()), year);
	}

	/**
	 * Replaces a year's list.
	 *
	 * @throws IllegalArgumentException naming the entry: a date missing, outside the year or twice; a name missing
	 */
	@Transactional
	void replace(int year, List<Holiday> holidays) {
		if (holidays == null) {
			throw new IllegalArgumentException("请求体应为节日列表 [{\"name\": \"春节\", \"date\": \"" + year + "-02-06\"}]");
		}
		Set<LocalDate> seen = new HashSet<>();
		for (int i = 0; i < holidays.size(); i++) {
			Holiday h = holidays.get(i);
			String at = "[" + i + "]";
			if (h == null || h.date() == null) {
				throw new IllegalArgumentException(at + ".date: 缺少日期");
			}
			if (h.date().getYear() != year) {
				throw new IllegalArgumentException(at + ".date: 日期 " + h.date() + " 不在 " + year + " 年内");
			}
			if (!seen.add(h.date())) {
				throw new IllegalArgumentException(at + ".date: 日期 " + h.date() + " 在列表中重复");
			}
			if (h.name() == null || h.name().isBlank() || h.name().trim().length() > 50) {
				throw new IllegalArgumentException(at + ".name: 请填写节日名称(最多50个字), 例如 春节");
			}
		}
		jdbc.update("delete from holiday_greeting where greeting_year = ?", year);
		jdbc.batchUpdate("insert into holiday_greeting (greeting_year, name, holiday_date) values (?, ?, ?)",
				holidays.stream().map(h -> new Object[] { year, h.name().trim(), Date.valueOf(h.date()) }).toList());
	}

	/** The holiday on this date, if greeted. */
	Optional<Holiday> on(LocalDate date) {
		return jdbc.query("select name, holiday_date from holiday_greeting where holiday_date = ?",
				(rs, n) -> new Holiday(rs.getString("name"), rs.getDate("holiday_date").toLocalDate()), Date.valueOf(date))
				.stream().findFirst();
	}

	/** Holidays whose date lies in [from, to]. */
	List<Holiday> between(LocalDate from, LocalDate to) {
		return jdbc.query("select name, holiday_date from holiday_greeting where holiday_date between ? and ? "
				+ "order by holiday_date", (rs, n) -> new Holiday(rs.getString("name"), rs.getDate("holiday_date").toLocalDate()),
				Date.valueOf(from), Date.valueOf(to));
	}
}
