package com.retentiondesk.tasklist;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A page sorted by due date and then by another column, worked out once per statement text ({@link #of});
 * {@link RewritingInterceptor} runs {@link #boundQuery} and then the page {@link #bounded} by its answer.
 * <p>
 * Tasklist sends its own sorting with every filter page (by default {@code created desc}), which the engine
 * puts after the filter's: 我的任务, 本组任务 and 今日到期 are then sorted by {@code RES.DUE_DATE_ asc,
 * RES.CREATE_TIME_ desc}. No index gives that order, so the database checked every open task with a due
 * date for the page (47 s for 本组任务 at 300,300 open tasks, 7 s for 今日到期) and sorted those that
 * passed. The first {@code offset + limit} tasks of the page are among the first {@code offset + limit} by
 * due date alone, and the tasks due no later than the last of those: so the desk first finds that due date
 * with the page's own conditions, sorted by due date only (the walk along the due-date index that stops
 * early, as the page without Tasklist's sorting does), then reads the page with its due dates bounded by it,
 * a range of that index, and sorts only those. Same rows, same order.
 * <p>
 * {@code boundQuery}: the page's first due date at position {@code offset + limit - 1} (its markers: the
 * page's own less its limit and offset, then that position). {@code where}: where the bound goes, right
 * after the page's WHERE, with the page's own conditions in parentheses ({@code close} marks their end).
 * {@code ascending}: the direction of the due date, tasks without one first when ascending (MySQL, MariaDB,
 * H2), last when descending.
 */
record BoundedPage(String page, String boundQuery, int where, int close, boolean ascending) {

	static final BoundedPage NONE = new BoundedPage(null, null, -1, -1, false);

	private static final Pattern HEAD = Pattern.compile("^\\s*select\\s+(?!distinct\\s)[^?]*?\\s+from\\s+"
			+ "(?<table>\\S*ACT_RU_TASK\\s+RES)\\s", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
	private static final Pattern TAIL = Pattern.compile("\\sorder\\s+by\\s+RES\\.DUE_DATE_\\s+(?<direction>asc|desc)\\s*,"
			+ "(?<then>[^()?]*?)\\s+LIMIT\\s+\\?\\s+OFFSET\\s+\\?\\s*$", Pattern.CASE_INSENSITIVE);
	private static final Pattern WHERE = Pattern.compile("\\sWHERE\\s", Pattern.CASE_INSENSITIVE);
	/** Another column after the due date; the due date again (Tasklist's sorting by due date) changes nothing. */
	private static final Pattern OTHER_COLUMN = Pattern.compile("RES\\.(?!DUE_DATE_\\s)[A-Z_]+\\s", Pattern.CASE_INSENSITIVE);
	private static final StatementShapes<BoundedPage> SHAPES = new StatementShapes<>(BoundedPage::shape);

	static BoundedPage of(String sql) {
		return SHAPES.of(sql);
	}

	private static BoundedPage shape(String sql) {
		Matcher head = HEAD.matcher(sql);
		Matcher tail = TAIL.matcher(sql);
		if (!head.find() || !tail.find() || !OTHER_COLUMN.matcher(tail.group("then") + " ").find()) {
			return NONE;
		}
		Matcher where = WHERE.matcher(sql);
		if (!where.find(head.end()) || where.end() > tail.start()) {
			return NONE;
		}
		String direction = tail.group("direction");
		String boundQuery = "select RES.DUE_DATE_ from " + sql.substring(head.start("table"), tail.start())
				+ " order by RES.DUE_DATE_ " + direction + " LIMIT 1 OFFSET ?";
		return new BoundedPage(sql, boundQuery, where.end(), tail.start(), direction.equalsIgnoreCase("asc"));
	}

	/**
	 * The page with its due dates bounded by {@code last}, the due date the bound query found ({@code null}
	 * for a task without one): one marker, for {@code last}, at position {@link #boundMarker} unless
	 * {@code last} is null. Null if the bound leaves every task in (descending, the last without a due date).
	 */
	String bounded(boolean lastHasDueDate) {
		String bound;
		if (ascending) {
			bound = lastHasDueDate ? "(RES.DUE_DATE_ is null or RES.DUE_DATE_ <= ?)" : "RES.DUE_DATE_ is null";
		} else if (lastHasDueDate) {
			bound = "RES.DUE_DATE_ >= ?";
		} else {
			return null;
		}
		return page.substring(0, where) + bound + " and (" + page.substring(where, close) + ")" + page.substring(close);
	}

	/** The position of the bound's marker among the bounded page's. */
	int boundMarker() {
		return GrantCheckRewrite.marks(page, 0, where);
	}
}
