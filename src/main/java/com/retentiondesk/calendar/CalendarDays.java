package com.retentiondesk.calendar;

import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

import com.retentiondesk.calendar.WorkCalendar.DayType;

/**
 * The public holidays and make-up working days in table {@code calendar_day}, a year at a time. Each node
 * keeps a year it read for {@code desk.calendar.cache-ttl} (30 s): a year replaced on this node is read
 * again at once, on the other nodes within that time, so timers computed after a change use it. Reading
 * the table on every call would cost a query per day a due-time computation looks at (a loop over days).
 */
public class CalendarDays implements WorkCalendar.Days {

	/** One day of the calendar as the API shows it. */
	public record Entry(LocalDate date, DayType type, String name) {
	}

	private record Cached(Map<LocalDate, Entry> days, Instant readAt) {
	}

	private final JdbcTemplate jdbc;
	private final Duration ttl;
	private final Clock realTime = Clock.systemUTC();
	private final Map<Integer, Cached> years = new ConcurrentHashMap<>();

	CalendarDays(JdbcTemplate jdbc, Duration ttl) {
		this.jdbc = jdbc;
		this.ttl = ttl;
	}

	@Override
	public DayType typeOf(LocalDate day) {
		Entry entry = year(day.getYear()).get(day);
		return entry == null ? null : entry.type();
	}

	/** The year's entries by date. */
	public Map<LocalDate, Entry> year(int year) {
		Instant now = realTime.instant();
		Cached cached = years.get(year);
		if (cached == null || cached.readAt().plus(ttl).isBefore(now)) {
			cached = new Cached(read(year), now);
			years.put(year, cached);
		}
		return cached.days();
	}

	/** The year's entries in date order, read from the table (not the cache). */
	public List<Entry> entries(int year) {
		return new ArrayList<>(read(year).values());
	}

	public boolean hasEntries(int year) {
		Integer n = jdbc.queryForObject("select count(*) from calendar_day where day_year = ?", Integer.class, year);
		return n != null && n > 0;
	}

	/**
	 * Replaces the whole year.
	 *
	 * @throws IllegalArgumentException naming the entry: a date missing or outside the year, a date twice,
	 *                                  a type or name missing
	 */
	@Transactional
	public void replace(int year, List<Entry> entries) {
		check(year, entries);
		jdbc.update("delete from calendar_day where day_year = ?", year);
		jdbc.batchUpdate("insert into calendar_day (day_date, day_year, day_type, name) values (?, ?, ?, ?)",
				entries.stream().map(e -> new Object[] { Date.valueOf(e.date()), year, e.type().name(), e.name().trim() })
						.toList());
		years.remove(year);
	}

	/**
	 * Drops this node's copy of a year; called again once {@link #replace} has committed, as a read between
	 * the removal above and the commit could have cached the old rows.
	 */
	public void forget(int year) {
		years.remove(year);
	}

	static void check(int year, List<Entry> entries) {
		if (year < 2000 || year > 2100) {
			throw new IllegalArgumentException("year: 年份应在2000到2100之间: " + year);
		}
		if (entries == null) {
			throw new IllegalArgumentException("请求体应为日期列表 [{\"date\", \"type\", \"name\"}]");
		}
		Set<LocalDate> seen = new HashSet<>();
		for (int i = 0; i < entries.size(); i++) {
			Entry entry = entries.get(i);
			String at = "[" + i + "]";
			if (entry == null || entry.date() == null) {
				throw new IllegalArgumentException(at + ".date: 缺少日期");
			}
			if (entry.date().getYear() != year) {
				throw new IllegalArgumentException(at + ".date: 日期 " + entry.date() + " 不在 " + year + " 年内");
			}
			if (!seen.add(entry.date())) {
				throw new IllegalArgumentException(at + ".date: 日期 " + entry.date() + " 在列表中重复");
			}
			if (entry.type() == null) {
				throw new IllegalArgumentException(at + ".type: 缺少类型 (HOLIDAY 放假 或 WORKDAY 调休上班)");
			}
			if (entry.name() == null || entry.name().isBlank() || entry.name().trim().length() > 50) {
				throw new IllegalArgumentException(at + ".name: 请填写节日名称(最多50个字), 例如 春节");
			}
		}
	}

	private Map<LocalDate, Entry> read(int year) {
		Map<LocalDate, Entry> days = new TreeMap<>();
		jdbc.query("select day_date, day_type, name from calendar_day where day_year = ? order by day_date", rs -> {
			LocalDate day = rs.getDate("day_date").toLocalDate();
			days.put(day, new Entry(day, DayType.valueOf(rs.getString("day_type")), rs.getString("name")));
		}, year);
		return java.util.Collections.unmodifiableMap(days);
	}
}
