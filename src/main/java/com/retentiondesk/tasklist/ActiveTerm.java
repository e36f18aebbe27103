package com.retentiondesk.tasklist;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A task query's condition on active tasks ({@code and RES.SUSPENSION_STATE_ = 1}, the engine writes the state
 * into the text), worked out once per
 * statement text ({@link #of}). Tasklist sends {@code "active": true} with every page and count of a
 * filter, which made each team count a statement the task tally cannot answer (the tally keeps no
 * suspension state): 今日到期's count read all of the team's links and tasks, 1.06 s at 300,000 open tasks.
 * While no open task is suspended (an administrator suspends a case in Cockpit; the engine then suspends
 * its tasks), every task is active and the condition changes no row, so {@link RewritingInterceptor} runs
 * {@code without} it, the statement Tasklist would send without "active", whose count the tally answers.
 * {@code anySuspended}: the query that finds a task that is not active (one look into the desk's index on
 * the suspension state).
 */
record ActiveTerm(String without, String anySuspended) {

	static final ActiveTerm NONE = new ActiveTerm(null, null);
	/** The state code of an active task (the engine's {@code SuspensionState.ACTIVE}). */
	static final int ACTIVE = 1;

	private static final Pattern TERM = Pattern.compile("\\s+and\\s+RES\\.SUSPENSION_STATE_\\s*=\\s*" + ACTIVE + "(?![0-9])",
			Pattern.CASE_INSENSITIVE);
	private static final Pattern TASK_TABLE = Pattern.compile("(\\S*ACT_RU_TASK)\\s+RES\\s", Pattern.CASE_INSENSITIVE);
	private static final StatementShapes<ActiveTerm> SHAPES = new StatementShapes<>(ActiveTerm::shape);

	static ActiveTerm of(String sql) {
		return SHAPES.of(sql);
	}

	private static ActiveTerm shape(String sql) {
		Matcher term = TERM.matcher(sql);
		Matcher table = TASK_TABLE.matcher(sql);
		if (!table.find() || !term.find()) {
			return NONE;
		}
		int start = term.start();
		int end = term.end();
		// one such condition: with no task suspended it is true of every task, wherever it stands
		if (term.find()) {
			return NONE;
		}
		return new ActiveTerm(sql.substring(0, start) + sql.substring(end),
				"select 1 from " + table.group(1) + " RES where RES.SUSPENSION_STATE_ <> " + ACTIVE
						+ " or RES.SUSPENSION_STATE_ is null LIMIT 1");
	}
}
