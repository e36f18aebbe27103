package com.retentiondesk.marketing;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

import com.retentiondesk.casework.Staff;

/**
 * The competitor notes that managers recorded on calls ({@code competitor_report}, from the call forms of every
 * case), with the customer, the call's note from the contact log, who and when, and the case type it came from.
 */
@Service
class CompetitorNews {

	/** At most this many reports in one answer (the newest are left off; {@code truncated} says so). */
	static final int MAX_REPORTS = 10_000;

	/** The Chinese name of the case type a report came from. */
	static String source(String caseType) {
		return java.util.Arrays.stream(com.retentiondesk.casework.CaseType.values())
				.filter(type -> type.name().equals(caseType)).findFirst()
				.map(com.retentiondesk.casework.CaseType::label).orElse(caseType);
	}

	/** One competitor note. {@code source}: the case type's Chinese name ({@code caseType}), or 其他 without a case. */
	record Report(long id, String customerNo, String customerName, String managerId, String managerName,
			String competitor, String note, String reportedBy, String reportedByName, LocalDateTime reportedAt,
			String caseType, String source) {
	}

	/** The reports of a period; {@code truncated} when there were more than {@link #MAX_REPORTS}. */
	record Reports(LocalDate since, LocalDate until, int count, boolean truncated, List<Report> reports) {
	}

	private final NamedParameterJdbcTemplate jdbc;
	private final Staff staff;

	CompetitorNews(NamedParameterJdbcTemplate jdbc, Staff staff) {
		this.jdbc = jdbc;
		this.staff = staff;
	}

	/**
	 * The reports from {@code since} (inclusive) to {@code until} (exclusive), oldest first.
	 *
	 * @param managers only customers of these phone managers; null for all customers
	 */
	Reports between(LocalDate since, LocalDate until, Collection<String> managers) {
		MapSqlParameterSource params = new MapSqlParameterSource()
				.addValue("since", Timestamp.valueOf(since.atStartOfDay()))
				.addValue("until", Timestamp.valueOf(until.atStartOfDay()))
				.addValue("all", managers == null ? 1 : 0)
				.addValue("managers", managers == null || managers.isEmpty() ? List.of("-") : managers)
				.addValue("limit", MAX_REPORTS + 1);
		List<Report> reports = jdbc.query("select cr.id, cr.customer_no, c.name, c.manager_id, cr.competitor, a.notes, "
				+ "cr.reported_by, cr.reported_at, r.case_type from competitor_report cr "
				+ "join customer c on c.customer_no = cr.customer_no "
				+ "left join retention_case r on r.id = cr.case_id "
				+ "left join contact_attempt a on a.task_id = cr.task_id "
				+ "where cr.reported_at >= :since and cr.reported_at < :until "
				+ "and (:all = 1 or c.manager_id in (:managers)) order by cr.reported_at, cr.id limit :limit", params,
				(row, i) -> new Report(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
						row.getString(4) == null ? null : staff.nameOf(row.getString(4)), row.getString(5),
						row.getString(6), row.getString(7), staff.nameOf(row.getString(7)),
						row.getTimestamp(8).toLocalDateTime(), row.getString(9),
						row.getString(9) == null ? "其他" : source(row.getString(9))));
		boolean truncated = reports.size() > MAX_REPORTS;
		List<Report> shown = truncated ? reports.subList(0, MAX_REPORTS) : reports;
		return new Reports(since, until, shown.size(), truncated, List.copyOf(shown));
	}
}
