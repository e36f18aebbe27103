package com.retentiondesk.tasklist;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A page of a task-key pattern ({@code taskDefinitionKeyLike}, 已升级) as one page per key that matches it,
 * worked out once per statement text ({@link #of}); {@link RewritingInterceptor} asks the keys
 * ({@link #keysQuery}) and assembles the statement per call ({@link #perKey}).
 * <p>
 * The escalations of every case process share two keys ({@code Task_EscalationReview},
 * {@code Task_EscalationNearExpiry}). Read through the pattern, a range of the (key, creation time) index, a
 * page sorts every escalation the user may see (a supervisor's 925 of 3,700 at 300,000 open tasks, 28 ms) for
 * its first 15. With the key an equality, the same index gives each key's tasks in creation order, and its
 * page stops after {@code offset + limit} rows that pass the checks; the pages of the keys are then merged
 * and sorted again, a few dozen rows. Same conditions, same order; the keys are read from the task table
 * itself on the page's connection (one index entry per key), so no key is missed, the transaction's own
 * tasks included.
 * <p>
 * {@code branch} is the page with {@code RES.TASK_DEF_KEY_ = ?} for the pattern and {@code LIMIT ?} for
 * its {@code LIMIT ? OFFSET ?}; {@code keyMarker} is the position of the key's marker in it; {@code order}
 * is the page's ORDER BY; {@code escape} its pattern's ESCAPE clause, or "".
 */
record KeyPage(String branch, int keyMarker, String order, String escape, String table) {

	/** A statement that is no such page. */
	static final KeyPage NONE = new KeyPage(null, -1, null, null, null);
	/** Keys beyond this many: the pattern is no short list of keys, and the page runs as it is. */
	static final int MAX_KEYS = 8;

	/** The page's condition on its task-key pattern, and the pattern's escape character. */
	private static final Pattern KEY_LIKE = Pattern.compile(
			"RES\\.TASK_DEF_KEY_\\s+like\\s+\\?(?<escape>\\s+ESCAPE\\s+'[^'?]*')?", Pattern.CASE_INSENSITIVE);
	/** A page of task columns: its head, up to the table, and its ORDER BY and page at the end. */
	private static final Pattern HEAD = Pattern.compile("^\\s*select\\s+(?:distinct\\s+)?(?<columns>[^?]*?)\\s+from\\s+"
			+ "(?<table>\\S*ACT_RU_TASK)\\s+RES\\s", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
	private static final Pattern TAIL = Pattern.compile("\\s(?<order>order\\s+by\\s+(?<columns>[^()?]*?))\\s+"
			+ "LIMIT\\s+\\?\\s+OFFSET\\s+\\?\\s*$", Pattern.CASE_INSENSITIVE);
	private static final Pattern ORDER_COLUMN = Pattern.compile("\\s*RES\\.([A-Z_]+)\\s+(?:asc|desc)\\s*",
			Pattern.CASE_INSENSITIVE);
	private static final Pattern COLUMN = Pattern.compile("\\s*RES\\.([A-Z_]+|\\*)\\s*", Pattern.CASE_INSENSITIVE);
	private static final StatementShapes<KeyPage> SHAPES = new StatementShapes<>(KeyPage::shape);

	static KeyPage of(String sql) {
		return SHAPES.of(sql);
	}

	private static KeyPage shape(String sql) {
		Matcher head = HEAD.matcher(sql);
		Matcher tail = TAIL.matcher(sql);
		Matcher key = KEY_LIKE.matcher(sql);
		if (!head.find() || !tail.find() || !key.find()) {
			return NONE;
		}
		int keyStart = key.start();
		int keyEnd = key.end();
		String escape = key.group("escape") == null ? "" : key.group("escape");
		if (key.find() || !GrantCheckRewrite.isConjunct(sql, keyStart, keyEnd)) {
			return NONE;
		}
		// the merged pages are sorted again by the same columns, which each page must therefore return
		List<String> columns = List.of(head.group("columns").split(","));
		if (!columns.stream().allMatch(column -> COLUMN.matcher(column).matches())) {
			return NONE;
		}
		boolean all = columns.stream().anyMatch(column -> column.strip().equals("RES.*"));
		for (String column : tail.group("columns").split(",")) {
			Matcher order = ORDER_COLUMN.matcher(column);
			if (!order.matches() || !all && columns.stream().noneMatch(c -> c.strip().equalsIgnoreCase("RES." + order.group(1)))) {
				return NONE;
			}
		}
		String branch = sql.substring(0, keyStart) + "RES.TASK_DEF_KEY_ = ?" + sql.substring(keyEnd, tail.start())
				+ " " + tail.group("order") + " LIMIT ?";
		return new KeyPage(branch, GrantCheckRewrite.marks(sql, 0, keyStart), tail.group("order"), escape,
				head.group("table"));
	}

	/**
	 * The distinct task keys that match the page's pattern, at most {@link #MAX_KEYS} + 1 (its only marker is
	 * the pattern); one index entry per key on MySQL/MariaDB, where the (key, creation time) index is.
	 */
	String keysQuery() {
		return "select RES.TASK_DEF_KEY_ from " + table + " RES where RES.TASK_DEF_KEY_ like ?" + escape
				+ " group by RES.TASK_DEF_KEY_ order by RES.TASK_DEF_KEY_ LIMIT " + (MAX_KEYS + 1);
	}

	/**
	 * The page for {@code keys} of its pattern: one page per key, each of {@code offset + limit} rows, merged
	 * and paged as the page was. Its markers: for each key the page's own up to the pattern, the key, the
	 * page's own after it (less its limit and offset) and the key's limit ({@code offset + limit}); then the
	 * page's limit and offset.
	 */
	String perKey(int keys) {
		StringBuilder sql = new StringBuilder("select * from (");
		for (int i = 0; i < keys; i++) {
			sql.append(i > 0 ? " union all (" : "(").append(branch).append(")");
		}
		return sql.append(") RES ").append(order).append(" LIMIT ? OFFSET ?").toString();
	}
}
