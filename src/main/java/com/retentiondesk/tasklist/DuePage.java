package com.retentiondesk.tasklist;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a task page sorted by due date allows beyond its {@link GrantCheckRewrite}, worked out once per statement
 * text ({@link #of}); {@link RewritingInterceptor} decides per call which text runs:
 * <ul>
 * <li>{@code keyMarker}: the bind marker of its task-key pattern ({@code taskDefinitionKeyLike}), or -1. The
 * caller reads the page of a pattern of few tasks (the escalations) from the key's index
 * ({@link #keyRangeFirst}).</li>
 * <li>{@code assignee}: its assignee ({@code RES.ASSIGNEE_ = ?}, 我的任务) is one of its AND terms. Such a page
 * is read from the (assignee, due date) index on MySQL/MariaDB: left to itself the optimizer walked every
 * open task in due-date order, the escalations without a due date first (4,025 rows and 11 ms at 300,000
 * open tasks, against 15 rows and 0.3 ms from the assignee's index).</li>
 * <li>{@code withDueDates}: the page with {@code RES.DUE_DATE_ is not null} beside its candidate-group
 * check, or null. Sorted ascending, the tasks without a due date come first, and a team page walked all of
 * them (3,700 escalations at 300,000 open tasks, 24 ms) before the team's first task; when no open task
 * offered to the page's groups lacks a due date (the caller asks the tally), the condition changes no
 * row and the walk starts at the first due date (0.6 ms). {@code groupsFrom} and {@code groups} are the
 * bind markers of the check's groups. None for a page that asks for tasks due before a date (今日到期): it
 * has no task without a due date anyway, and the tally need not be asked.</li>
 * </ul>
 * {@link #PLAIN} for any other statement. {@code indexFirst} and {@code withDueDatesIndexFirst} carry
 * {@link #keyRangeFirst}'s hint.
 */
record DuePage(int keyMarker, boolean assignee, String indexFirst, String withDueDates, String withDueDatesIndexFirst,
		int groupsFrom, int groups) {

	static final DuePage PLAIN = new DuePage(-1, false, null, null, null, -1, 0);
	/** The desk's index on the tasks' due dates ({@code db/engine/V4__task_due.sql}). */
	static final String DUE_INDEX = "DESK_IDX_TASK_DUE";

	/** A page's condition on a task-key pattern ({@code taskDefinitionKeyLike}). */
	private static final Pattern KEY_LIKE = Pattern.compile("RES\\.TASK_DEF_KEY_\\s+like\\s+\\?", Pattern.CASE_INSENSITIVE);
	private static final Pattern DUE_ORDER = Pattern.compile("order\\s+by\\s+RES\\.DUE_DATE_\\s", Pattern.CASE_INSENSITIVE);
	private static final Pattern DUE_ORDER_ASC = Pattern.compile("order\\s+by\\s+RES\\.DUE_DATE_\\s+asc\\b",
			Pattern.CASE_INSENSITIVE);
	private static final Pattern PAGE_LIMIT = Pattern.compile("LIMIT\\s+\\?\\s+OFFSET\\s+\\?", Pattern.CASE_INSENSITIVE);
	private static final Pattern TASK_TABLE = Pattern.compile("(\\S*ACT_RU_TASK\\s+RES)(?=\\s)", Pattern.CASE_INSENSITIVE);
	/** A page's AND term on its assignee. */
	private static final Pattern ASSIGNEE_TERM = Pattern.compile("RES\\.ASSIGNEE_\\s*=\\s*\\?", Pattern.CASE_INSENSITIVE);
	/** The engine's {@code dueBefore} condition (今日到期), which leaves out the tasks without a due date itself. */
	private static final Pattern DUE_BEFORE = Pattern.compile(
			"\\(\\s*RES\\.DUE_DATE_\\s*<\\s*\\?\\s+and\\s+RES\\.DUE_DATE_\\s+is\\s+not\\s+null\\s*\\)",
			Pattern.CASE_INSENSITIVE);
	/** {@link GrantCheckRewrite#candidateLinksChecked}'s check per task, as it writes it in a page. */
	private static final Pattern TEAM_CHECK = Pattern.compile("\\((?:RES\\.ASSIGNEE_ is null and )?"
			+ Pattern.quote(GrantCheckRewrite.CHECK_HEAD) + "\\S*ACT_RU_IDENTITYLINK I where I\\.TASK_ID_ = RES\\.ID_ and "
			+ "I\\.TYPE_ = 'candidate' and I\\.GROUP_ID_ IN (?<groups>\\([^()]*\\))" + Pattern.quote(GrantCheckRewrite.CHECK_TAIL));
	private static final StatementShapes<DuePage> SHAPES = new StatementShapes<>(DuePage::shape);

	static DuePage of(String sql) {
		return SHAPES.of(sql);
	}

	private static DuePage shape(String sql) {
		if (!PAGE_LIMIT.matcher(sql).find() || !DUE_ORDER.matcher(sql).find() || GrantCheckRewrite.COUNT.matcher(sql).find()) {
			return PLAIN;
		}
		Matcher key = KEY_LIKE.matcher(sql);
		int keyMarker = key.find() ? GrantCheckRewrite.marks(sql, 0, key.end() - 1) : -1;
		Matcher assignee = ASSIGNEE_TERM.matcher(sql);
		boolean byAssignee = assignee.find() && GrantCheckRewrite.isConjunct(sql, assignee.start(), assignee.end());
		Matcher dueBefore = DUE_BEFORE.matcher(sql);
		boolean datedAlready = dueBefore.find() && GrantCheckRewrite.isConjunct(sql, dueBefore.start(), dueBefore.end());
		Matcher team = TEAM_CHECK.matcher(sql);
		if (!DUE_ORDER_ASC.matcher(sql).find() || datedAlready || !team.find()) {
			return new DuePage(keyMarker, byAssignee, keyRangeFirst(sql), null, null, -1, 0);
		}
		// (due date and check) is the check itself while the groups have no task without a due date, whatever
		// surrounds it (an or-query too)
		String withDueDates = sql.substring(0, team.start()) + "(RES.DUE_DATE_ is not null and " + team.group() + ")"
				+ sql.substring(team.end());
		String groups = team.group("groups");
		return new DuePage(keyMarker, byAssignee, keyRangeFirst(sql), withDueDates, keyRangeFirst(withDueDates),
				GrantCheckRewrite.marks(sql, 0, team.start("groups")), GrantCheckRewrite.marks(groups, 0, groups.length()));
	}

	/**
	 * MySQL/MariaDB: the page reads the pattern's tasks from the key's index and sorts them, instead of walking
	 * every open task in due-date order until 15 match (the optimizer's choice for a LIMIT, which assumes the
	 * pattern's tasks are spread evenly over the due dates). Right for a pattern of few tasks, such as the
	 * escalations: they have no due date, and for a supervisor whose team has none the walk read all 300,000
	 * open tasks (21 s for an empty page; 0.08 s with the hint). Wrong for a pattern of most tasks: the first
	 * calls' pattern took 5 s with it, against milliseconds for the walk; the caller decides. Same rows, same
	 * order, same parameters.
	 */
	static String keyRangeFirst(String sql) {
		return TASK_TABLE.matcher(sql).replaceAll("$1 IGNORE INDEX FOR ORDER BY (" + DUE_INDEX + ")");
	}
}
