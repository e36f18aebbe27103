package com.retentiondesk.kpi;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The profile figures (用户资料, issue 28) per manager and for their team: of the CDMA 普1 customers, the share
 * with all five basics (completeness, target {@value #COMPLETENESS_TARGET}) and with all five verified (verified
 * rate, target {@value #VERIFIED_TARGET}). One aggregate over the flags {@code profile_complete} and
 * {@code profile_verified} that Customer keeps, read from the covering index {@code ix_customer_profile}: a
 * snapshot of today, whatever the period asked for.
 */
@Component
class ProfileKpis {

	static final double COMPLETENESS_TARGET = 0.8;
	static final double VERIFIED_TARGET = 1.0;


	private final NamedParameterJdbcTemplate jdbc;

	ProfileKpis(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The figures of a manager or a team. */
	record Counts(long tier1Customers, long complete, long verified) {

		static final Counts NONE = new Counts(0, 0, 0);

		Counts plus(Counts other) {
			return new Counts(tier1Customers + other.tier1Customers, complete + other.complete, verified + other.verified);
		}

		KpiReport.ProfileFigures figures() {
			return new KpiReport.ProfileFigures(tier1Customers, Kpis.ratio(complete, tier1Customers),
					Kpis.ratio(verified, tier1Customers), COMPLETENESS_TARGET, VERIFIED_TARGET);
		}
	}

	/** Per manager, for these managers (an empty list: nobody). */
	Map<String, Counts> byManager(List<String> managers) {
		Map<String, Counts> counts = new HashMap<>();
		if (managers.isEmpty()) {
			return counts;
		}
		// the flags Customer keeps (V30): an index-only read of ix_customer_profile
		jdbc.query("select c.manager_id, count(*), sum(c.profile_complete), sum(c.profile_verified) from customer c "
				+ "where c.segment = 'CDMA_TIER1' and c.manager_id in (:managers) group by c.manager_id",
				new MapSqlParameterSource("managers", managers), row -> {
					counts.put(row.getString(1), new Counts(row.getLong(2), row.getLong(3), row.getLong(4)));
				});
		return counts;
	}

	/** The sum over the managers' figures (a team's, or all teams'). */
	static KpiReport.ProfileFigures total(Map<String, Counts> byManager) {
		return byManager.values().stream().reduce(Counts.NONE, Counts::plus).figures();
	}
}
