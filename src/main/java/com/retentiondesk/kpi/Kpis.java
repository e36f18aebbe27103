package com.retentiondesk.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

import com.retentiondesk.away.AwayDays;
import com.retentiondesk.casework.CaseOutcome;
import com.retentiondesk.casework.CaseType;
import com.retentiondesk.casework.Staff;
import com.retentiondesk.web.DeskGroups;

/**
 * Computes the supervisors' figures with a handful of aggregate queries over the case and contact
 * tables and the engine's task tables (history for finished tasks, runtime for open ones). The team
 * filter works through the cases' and tasks' phone managers.
 */
@Service
public class Kpis {

	/** Outcomes that count as kept (保有): the customer paid, stayed, came back or upgraded. */
	static final Set<CaseOutcome> KEPT = Set.of(CaseOutcome.PAID, CaseOutcome.RETAINED, CaseOutcome.WON_BACK,
			CaseOutcome.UPGRADED);

	private static final Logger log = LoggerFactory.getLogger(Kpis.class);

	private final NamedParameterJdbcTemplate jdbc;
	private final Staff staff;
	private final Clock clock;

	private final AwayDays awayDays;
	private final ProfileKpis profiles;

	Kpis(NamedParameterJdbcTemplate jdbc, Staff staff, Clock clock, AwayDays awayDays, ProfileKpis profiles) {
		this.jdbc = jdbc;
		this.profiles = profiles;
		this.awayDays = awayDays;
		this.staff = staff;
		this.clock = clock;
	}

	/**
	 * @param from first day of the period
	 * @param to   last day of the period (inclusive)
	 * @param team a team group id, or null for all teams
	 */
	public KpiReport report(LocalDate from, LocalDate to, String team) {
		return report(from, to, team, managers(team), team == null);
	}

	/** The figures of one phone manager (their own report): the same as a team's, kept to them. */
	public KpiReport reportOf(LocalDate from, LocalDate to, String managerId) {
		return report(from, to, staff.teamOf(managerId).orElse(null), List.of(managerId), false);
	}

	/** A task due on a day, for the reports' 明日到期. */
	public record DueTask(String taskId, String taskName, String customerNo, String assignee, String assigneeName,
			LocalDateTime due) {
	}

	/** The open tasks of these managers due on the day (Asia/Shanghai), earliest first. */
	public List<DueTask> dueOn(LocalDate day, List<String> managers) {
		MapSqlParameterSource params = new MapSqlParameterSource()
				.addValue("from", Timestamp.valueOf(day.atStartOfDay()))
				.addValue("until", Timestamp.valueOf(day.plusDays(1).atStartOfDay()))
				.addValue("managers", managers.isEmpty() ? List.of("-") : managers);
		return jdbc.query("select t.ID_, t.NAME_, e.BUSINESS_KEY_, t.ASSIGNEE_, t.DUE_DATE_ from ACT_RU_TASK t "
				+ "join ACT_RU_EXECUTION e on e.ID_ = t.PROC_INST_ID_ where t.ASSIGNEE_ in (:managers) "
				+ "and t.DUE_DATE_ >= :from and t.DUE_DATE_ < :until order by t.DUE_DATE_, t.ID_", params,
				(row, i) -> new DueTask(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
						staff.nameOf(row.getString(4)), row.getTimestamp(5).toLocalDateTime()));
	}

	/** The phone managers of a team (all of them for null), by id. */
	public List<String> managersOf(String team) {
		return managers(team);
	}

	/** @param all every manager's cases, also those of a manager no longer in a team */
	private KpiReport report(LocalDate from, LocalDate to, String team, List<String> managers, boolean all) {
		MapSqlParameterSource params = new MapSqlParameterSource()
				.addValue("from", Timestamp.valueOf(from.atStartOfDay()))
				.addValue("until", Timestamp.valueOf(to.plusDays(1).atStartOfDay()))
				.addValue("fromDay", java.sql.Date.valueOf(from))
				.addValue("toDay", java.sql.Date.valueOf(to))
				.addValue("now", Timestamp.valueOf(LocalDateTime.now(clock)))
				.addValue("managers", managers.isEmpty() ? List.of("-") : managers)
				.addValue("allManagers", all ? 1 : 0);
		long t0 = System.nanoTime();
		List<KpiReport.CaseTypeFigures> caseTypes = caseTypes(params);
		long t1 = System.nanoTime();
		KpiReport.ArrearsFigures arrears = arrears(params);
		long t2 = System.nanoTime();
		Map<String, ProfileKpis.Counts> profileCounts = profiles.byManager(managers);
		List<KpiReport.ManagerFigures> managerFigures = managerFigures(params, managers, profileCounts);
		long t3 = System.nanoTime();
		List<KpiReport.Escalation> escalations = escalations(params);
		long t4 = System.nanoTime();
		log.debug("kpi {}..{} team {}: case types {} ms, arrears {} ms, managers {} ms, escalations {} ms", from, to, team,
				(t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000);
		List<KpiReport.AwayManager> away = awayDays.awayToday(managers).stream()
				.map(a -> new KpiReport.AwayManager(a.managerId(), staff.nameOf(a.managerId()), a.from(), a.to(), a.reason()))
				.toList();
		return new KpiReport(from, to, team, caseTypes, arrears, managerFigures, escalations, away, List.of(),
				ProfileKpis.total(profileCounts));
	}

	private static final String MANAGER_FILTER = " and (:allManagers = 1 or r.manager_id in (:managers))";

	private static final String LEDGER_MANAGER_FILTER = " and (:allManagers = 1 or k.manager_id in (:managers))";

	private List<KpiReport.CaseTypeFigures> caseTypes(MapSqlParameterSource params) {
		Map<String, Long> opened = new HashMap<>();
		Map<CaseType, Map<String, Long>> outcomes = new EnumMap<>(CaseType.class);
		StringBuilder sums = new StringBuilder("sum(k.opened)");
		for (CaseOutcome outcome : CaseOutcome.values()) {
			sums.append(", sum(k.").append(KpiLedger.closedColumn(outcome)).append(")");
		}
		jdbc.query("select k.case_type, " + sums + " from kpi_case_day k where k.on_day >= :fromDay and k.on_day <= :toDay"
				+ LEDGER_MANAGER_FILTER + " group by k.case_type", params, row -> {
					opened.put(row.getString(1), row.getLong(2));
					Map<String, Long> byOutcome = outcomes.computeIfAbsent(CaseType.valueOf(row.getString(1)),
							t -> new LinkedHashMap<>());
					for (CaseOutcome outcome : CaseOutcome.values()) {
						byOutcome.put(outcome.name(), row.getLong(3 + outcome.ordinal()));
					}
				});
		Map<String, Long> openNow = counts("select r.case_type k, count(*) n from retention_case r "
				+ "where r.open_flag = 1" + MANAGER_FILTER + " group by r.case_type", params);
		long medianStart = System.nanoTime();
		Map<CaseType, Double> hoursToContact = medianHoursToFirstContact(params);
		log.debug("kpi first contacts: {} ms", (System.nanoTime() - medianStart) / 1_000_000);
		List<KpiReport.CaseTypeFigures> figures = new ArrayList<>();
		for (CaseType type : CaseType.values()) {
			Map<String, Long> byOutcome = new LinkedHashMap<>();
			for (CaseOutcome outcome : CaseOutcome.values()) {
				long n = outcomes.getOrDefault(type, Map.of()).getOrDefault(outcome.name(), 0L);
				if (n > 0) {
					byOutcome.put(outcome.name(), n);
				}
			}
			long closed = byOutcome.values().stream().mapToLong(Long::longValue).sum();
			long kept = byOutcome.entrySet().stream().filter(e -> KEPT.contains(CaseOutcome.valueOf(e.getKey())))
					.mapToLong(Map.Entry::getValue).sum();
			figures.add(new KpiReport.CaseTypeFigures(type.name(), type.label(), opened.getOrDefault(type.name(), 0L),
					openNow.getOrDefault(type.name(), 0L), closed, byOutcome, ratio(kept, closed),
					hoursToContact.get(type)));
		}
		return figures;
	}

	private KpiReport.ArrearsFigures arrears(MapSqlParameterSource params) {
		return jdbc.queryForObject("select coalesce(sum(k.owed), 0), coalesce(sum(k.recovered), 0) "
				+ "from kpi_case_day k where k.case_type = 'ARREARS_REMINDER' and k.on_day >= :fromDay "
				+ "and k.on_day <= :toDay" + LEDGER_MANAGER_FILTER, params, (row, i) -> {
					BigDecimal owed = row.getBigDecimal(1).setScale(2, RoundingMode.HALF_UP);
					BigDecimal recovered = row.getBigDecimal(2).setScale(2, RoundingMode.HALF_UP);
					Double rate = owed.signum() == 0 ? null
							: recovered.min(owed).divide(owed, 4, RoundingMode.HALF_UP).doubleValue();
					return new KpiReport.ArrearsFigures(owed, recovered, rate);
				});
	}

	private List<KpiReport.ManagerFigures> managerFigures(MapSqlParameterSource params, List<String> managers,
			Map<String, ProfileKpis.Counts> profileCounts) {
		Map<String, long[]> calls = new HashMap<>();
		jdbc.query("select k.manager_id, sum(k.calls), sum(k.reached) from kpi_call_day k where k.on_day >= :fromDay "
				+ "and k.on_day <= :toDay and k.manager_id in (:managers) group by k.manager_id", params, row -> {
					calls.put(row.getString(1), new long[] { row.getLong(2), row.getLong(3) });
				});
		Map<String, long[]> finished = new HashMap<>();
		jdbc.query("select k.manager_id, sum(k.on_time), sum(k.late) from kpi_task_day k where k.on_day >= :fromDay "
				+ "and k.on_day <= :toDay and k.manager_id in (:managers) group by k.manager_id", params, row -> {
					finished.put(row.getString(1), new long[] { row.getLong(2), row.getLong(3) });
				});
		Map<String, long[]> open = new HashMap<>();
		jdbc.query("select t.ASSIGNEE_, count(*), sum(case when t.DUE_DATE_ < :now then 1 else 0 end) "
				+ "from ACT_RU_TASK t where t.ASSIGNEE_ in (:managers) group by t.ASSIGNEE_", params,
				row -> {
					open.put(row.getString(1), new long[] { row.getLong(2), row.getLong(3) });
				});
		Map<String, Long> closed = new HashMap<>();
		String closedSum = java.util.Arrays.stream(CaseOutcome.values())
				.map(outcome -> "sum(k." + KpiLedger.closedColumn(outcome) + ")")
				.collect(java.util.stream.Collectors.joining(" + "));
		jdbc.query("select k.manager_id, " + closedSum + " from kpi_case_day k where k.on_day >= :fromDay "
				+ "and k.on_day <= :toDay and k.manager_id in (:managers) group by k.manager_id", params,
				row -> {
					closed.put(row.getString(1), row.getLong(2));
				});
		Map<String, KpiReport.InboundFigures> inbound = new HashMap<>();
		jdbc.query("select c.manager_id, sum(case when c.taken_by = 'MANAGER' then 1 else 0 end), "
				+ "sum(case when c.taken_by = 'FRONT_DESK' and c.called_back_at is not null then 1 else 0 end), "
				+ "sum(case when c.taken_by = 'FRONT_DESK' and c.called_back_at is null then 1 else 0 end) "
				+ "from inbound_call c where c.called_at >= :from and c.called_at < :until and c.manager_id in (:managers) "
				+ "group by c.manager_id", params, row -> {
					inbound.put(row.getString(1),
							new KpiReport.InboundFigures(row.getLong(2), row.getLong(3), row.getLong(4)));
				});
		Map<String, KpiReport.SurveyFigures> surveys = new HashMap<>();
		jdbc.query("select s.manager_id, count(*), avg(s.score * 1.0) from survey_response s where s.answered_at >= :from "
				+ "and s.answered_at < :until and s.score is not null and s.manager_id in (:managers) group by s.manager_id",
				params, row -> {
					surveys.put(row.getString(1), new KpiReport.SurveyFigures(row.getLong(2),
							Math.round(row.getDouble(3) * 100) / 100.0));
				});
		// birthday greetings (issue 27): due on a day of the period, and recorded whenever
		Map<String, long[]> greetings = new HashMap<>();
		jdbc.query("select g.manager_id, count(*), sum(case when g.greeted_at is null then 0 else 1 end) "
				+ "from birthday_greeting g where g.due_on >= :fromDay and g.due_on <= :toDay "
				+ "and g.manager_id in (:managers) group by g.manager_id", params, row -> {
					greetings.put(row.getString(1), new long[] { row.getLong(2), row.getLong(3) });
				});
		List<KpiReport.ManagerFigures> figures = new ArrayList<>();
		for (String manager : managers) {
			long[] c = calls.getOrDefault(manager, new long[2]);
			long[] f = finished.getOrDefault(manager, new long[2]);
			long[] o = open.getOrDefault(manager, new long[2]);
			long[] g = greetings.getOrDefault(manager, new long[2]);
			figures.add(new KpiReport.ManagerFigures(manager, staff.nameOf(manager), c[0], c[1], ratio(c[1], c[0]),
					closed.getOrDefault(manager, 0L), f[0],
					f[1], o[0], o[1], inbound.getOrDefault(manager, new KpiReport.InboundFigures(0, 0, 0)),
					surveys.getOrDefault(manager, new KpiReport.SurveyFigures(0, null)), ratio(g[1], g[0]),
					profileCounts.getOrDefault(manager, ProfileKpis.Counts.NONE).figures()));
		}
		return figures;
	}

	private List<KpiReport.Escalation> escalations(MapSqlParameterSource params) {
		return jdbc.query("select t.ID_, t.NAME_, r.customer_no, t.ASSIGNEE_, t.CREATE_TIME_ from ACT_RU_TASK t "
				+ "join retention_case r on r.process_instance_id = t.PROC_INST_ID_ "
				+ "where t.TASK_DEF_KEY_ like 'Task_Escalat%'" + MANAGER_FILTER + " order by t.CREATE_TIME_ asc",
				params, (row, i) -> new KpiReport.Escalation(row.getString(1), row.getString(2), row.getString(3),
						row.getString(4), row.getString(4) == null ? null : staff.nameOf(row.getString(4)),
						row.getTimestamp(5).toLocalDateTime(),
						"/camunda/app/tasklist/default/#/?task=" + row.getString(1)));
	}

	private List<String> managers(String team) {
		Collection<String> ids = team == null ? staff.phoneManagerIds() : staff.membersOf(team, DeskGroups.PHONE_MANAGERS);
		return ids.stream().sorted().toList();
	}

	private Map<String, Long> counts(String sql, MapSqlParameterSource params) {
		Map<String, Long> counts = new HashMap<>();
		jdbc.query(sql, params, row -> {
			counts.put(row.getString(1), row.getLong(2));
		});
		return counts;
	}

	static Double ratio(long part, long whole) {
		return whole == 0 ? null : Math.round(10000.0 * part / whole) / 10000.0;
	}

	/**
	 * The median time from opening to first contact per case type, to the quarter hour: the start of the
	 * quarter hour that holds the middle case (the lower middle one of an even count), from the ledger's
	 * counts of cases per quarter hour.
	 */
	private Map<CaseType, Double> medianHoursToFirstContact(MapSqlParameterSource params) {
		Map<String, java.util.TreeMap<Integer, Long>> quarters = new HashMap<>();
		jdbc.query("select k.case_type, k.quarter, sum(k.cases) from kpi_contact_day k where k.on_day >= :fromDay "
				+ "and k.on_day <= :toDay" + LEDGER_MANAGER_FILTER + " group by k.case_type, k.quarter", params, row -> {
					quarters.computeIfAbsent(row.getString(1), t -> new java.util.TreeMap<>()).put(row.getInt(2),
							row.getLong(3));
				});
		Map<CaseType, Double> medians = new EnumMap<>(CaseType.class);
		quarters.forEach((type, counts) -> {
			long total = counts.values().stream().mapToLong(Long::longValue).sum();
			long middle = (total + 1) / 2;
			long seen = 0;
			for (Map.Entry<Integer, Long> quarter : counts.entrySet()) {
				seen += quarter.getValue();
				if (seen >= middle && total > 0) {
					medians.put(CaseType.valueOf(type), quarter.getKey() / 4.0);
					break;
				}
			}
		});
		return medians;
	}
}
