package com.retentiondesk.kpi;

import java.sql.Date;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

import com.retentiondesk.casework.CaseOutcome;
import com.retentiondesk.casework.CaseType;
import com.retentiondesk.casework.Staff;
import com.retentiondesk.web.DeskGroups;

/**
 * The dashboard's trend (issue 30, point 5): per case type and week (Monday to Sunday, the current week last), the
 * retention rate of the cases closed that week (the KPI ledger, as {@code /api/kpi} counts it) and the reach rate of
 * the week's calls on cases of the type (calls whose outcome was not "not reached" ÷ calls).
 */
@Service
class KpiTrend {

	/** The weeks' Mondays, and one series per case type with figures; a week without cases or calls is null. */
	record Trend(String team, List<LocalDate> weeks, List<Series> caseTypes) {
	}

	record Series(String caseType, String label, List<Double> retentionRate, List<Double> reachRate) {
	}

	private final NamedParameterJdbcTemplate jdbc;
	private final Staff staff;
	private final Clock clock;

	KpiTrend(NamedParameterJdbcTemplate jdbc, Staff staff, Clock clock) {
		this.jdbc = jdbc;
		this.staff = staff;
		this.clock = clock;
	}

	Trend weeks(int count, String team) {
		LocalDate thisMonday = LocalDate.now(clock).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		LocalDate first = thisMonday.minusWeeks(count - 1L);
		List<LocalDate> weeks = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			weeks.add(first.plusWeeks(i));
		}
		List<String> managers = (team == null ? staff.phoneManagerIds() : staff.membersOf(team, DeskGroups.PHONE_MANAGERS))
				.stream().sorted().toList();
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("from", Date.valueOf(first))
				.addValue("until", Date.valueOf(thisMonday.plusWeeks(1))).addValue("all", team == null ? 1 : 0)
				.addValue("managers", managers.isEmpty() ? List.of("-") : managers);
		Map<CaseType, long[][]> kept = new EnumMap<>(CaseType.class);
		String keptSum = Kpis.KEPT.stream().map(o -> "k." + KpiLedger.closedColumn(o)).collect(Collectors.joining(" + "));
		String closedSum = java.util.Arrays.stream(CaseOutcome.values()).map(o -> "k." + KpiLedger.closedColumn(o))
				.collect(Collectors.joining(" + "));
		jdbc.query("select k.on_day, k.case_type, sum(" + keptSum + "), sum(" + closedSum + ") from kpi_case_day k "
				+ "where k.on_day >= :from and k.on_day < :until and (:all = 1 or k.manager_id in (:managers)) "
				+ "group by k.on_day, k.case_type", params, row -> {
					add(kept, row.getString(2), week(first, row.getDate(1).toLocalDate()), row.getLong(3), row.getLong(4),
							count);
				});
		Map<CaseType, long[][]> reached = new EnumMap<>(CaseType.class);
		jdbc.query("select cast(a.attempted_at as date), r.case_type, "
				+ "sum(case when a.outcome in ('NOT_REACHED', 'UNREACHABLE') then 0 else 1 end), count(*) "
				+ "from contact_attempt a join retention_case r on r.id = a.case_id where a.channel = 'PHONE' "
				+ "and a.attempted_at >= :from and a.attempted_at < :until and (:all = 1 or a.manager_id in (:managers)) "
				+ "group by cast(a.attempted_at as date), r.case_type", params, row -> {
					add(reached, row.getString(2), week(first, row.getDate(1).toLocalDate()), row.getLong(3),
							row.getLong(4), count);
				});
		List<Series> series = new ArrayList<>();
		for (CaseType type : CaseType.values()) {
			if (kept.containsKey(type) || reached.containsKey(type)) {
				series.add(new Series(type.name(), type.label(), rates(kept.get(type), count), rates(reached.get(type), count)));
			}
		}
		return new Trend(team, weeks, series);
	}

	private static int week(LocalDate first, LocalDate day) {
		return (int) (ChronoUnit.DAYS.between(first, day) / 7);
	}

	private static void add(Map<CaseType, long[][]> sums, String caseType, int week, long part, long whole, int count) {
		if (week < 0 || week >= count || whole == 0) {
			return;
		}
		long[][] weeks = sums.computeIfAbsent(CaseType.valueOf(caseType), t -> new long[count][2]);
		weeks[week][0] += part;
		weeks[week][1] += whole;
	}

	private static List<Double> rates(long[][] weeks, int count) {
		List<Double> rates = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			rates.add(weeks == null ? null : Kpis.ratio(weeks[i][0], weeks[i][1]));
		}
		return rates;
	}
}
