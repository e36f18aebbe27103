package com.retentiondesk.tasklist;

import java.util.List;

/** A rewritten statement and its bind parameters in their new order, and for a count its {@link CountPlan}. */
record Rewritten<P>(String sql, List<P> parameters, CountPlan count) {

	Rewritten(String sql, List<P> parameters) {
		this(sql, parameters, null);
	}
}
