package com.retentiondesk.tasklist;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The pure SQL rewrite behind {@link TaskAuthorizationCheck}: the engine's join of all of a user's grants
 * in a task, variable or filter query turned into one EXISTS check per resource id, with the same
 * conditions and the bind parameters reordered to follow the new text. No engine, no database: a
 * statement and its parameters in, the rewritten statement (and for a count its {@link CountPlan}) out,
 * or empty for a statement of any other shape, which then runs as the engine wrote it.
 */
final class GrantCheckRewrite {

	private GrantCheckRewrite() {
	}

	/** The engine's join of the user's grants, as its MyBatis mapping writes it (any whitespace). */
	private static final Pattern GRANT_JOIN = Pattern.compile(
			"(?:left|inner)\\s+join\\s*\\(\\s*SELECT\\s+A\\.\\*\\s+FROM\\s+(?<table>\\S*ACT_RU_AUTHORIZATION)\\s+A\\s+WHERE\\s+"
					+ "(?<grants>A\\.TYPE_\\s*<\\s*2\\s.*?)\\)\\s*AUTH\\s+ON\\s*\\(\\s*AUTH\\.RESOURCE_ID_\\s*"
					+ "(?<on>(?:in\\s*\\([^()]*\\))|(?:=\\s*[^()]*?))\\s*\\)",
			Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
	/** One resource id the join compares with: a column of the statement, or the wildcard. */
	private static final Pattern RESOURCE_ID = Pattern.compile("[A-Z][A-Z_0-9]*\\.[A-Z][A-Z_0-9]*|'\\*'",
			Pattern.CASE_INSENSITIVE);
	private static final Pattern GRANT_FOUND = Pattern.compile("AUTH\\.RESOURCE_ID_\\s+IS\\s+NOT\\s+NULL",
			Pattern.CASE_INSENSITIVE);
	/** A task page: select distinct columns from the task table ... order by ... LIMIT ? OFFSET ?. */
	private static final Pattern TASK_PAGE = Pattern.compile("\\s*select\\s+distinct\\s+(?<columns>.*?)\\s+from\\s+"
			+ "(?<table>\\S*ACT_RU_TASK)\\s+RES\\s+(?<rest>.*)\\s+(?<order>order\\s+by\\s+[^()?]*?)\\s+"
			+ "(?<limit>LIMIT\\s+\\?\\s+OFFSET\\s+\\?)\\s*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
	/** One column of an ORDER BY: a task column and its direction, then a comma or the end. */
	private static final Pattern ORDER_COLUMN = Pattern.compile("\\s*(RES\\.[A-Z_]+)\\s+(?:asc|desc)\\s*(?:,|$)",
			Pattern.CASE_INSENSITIVE);
	private static final Pattern JOIN = Pattern.compile("\\bjoin\\s+(\\S+\\s+\\S+)", Pattern.CASE_INSENSITIVE);
	private static final Pattern SELECT_DISTINCT = Pattern.compile("^\\s*select\\s+distinct\\s+",
			Pattern.CASE_INSENSITIVE);
	private static final Pattern COUNT_DISTINCT = Pattern.compile("count\\s*\\(\\s*distinct\\s+RES\\.ID_\\s*\\)",
			Pattern.CASE_INSENSITIVE);
	/** The engine's join of the identity links, for candidate conditions. */
	private static final Pattern CANDIDATE_JOIN = Pattern.compile(
			"left\\s+join\\s+(?<table>\\S*ACT_RU_IDENTITYLINK)\\s+I\\s+on\\s+I\\.TASK_ID_\\s*=\\s*RES\\.ID_(?=\\s)",
			Pattern.CASE_INSENSITIVE);
	/** Its candidate-group condition: {@code ( [RES.ASSIGNEE_ is null and] I.TYPE_ = 'candidate' and ( I.GROUP_ID_ IN (?, ...) ) )}. */
	private static final Pattern CANDIDATE_GROUPS = Pattern.compile(
			"\\(\\s*(?<unassigned>RES\\.ASSIGNEE_\\s+is\\s+null\\s+and\\s+)?I\\.TYPE_\\s*=\\s*'candidate'\\s+and\\s*\\(\\s*"
					+ "I\\.GROUP_ID_\\s+IN\\s*(?<groups>\\(\\s*\\?(?:\\s*,\\s*\\?)*\\s*\\))\\s*\\)\\s*\\)",
			Pattern.CASE_INSENSITIVE);
	/** A count's head: {@code select count(distinct RES.ID_) from ACT_RU_TASK RES}. */
	static final Pattern COUNT = Pattern.compile(
			"^\\s*select\\s+count\\s*\\(\\s*(?:distinct\\s+)?RES\\.ID_\\s*\\)\\s+from\\s+(?<task>\\S*ACT_RU_TASK)\\s+RES(?=\\s)",
			Pattern.CASE_INSENSITIVE);
	/** The check per task of {@link #candidateLinksChecked} in a page, around its table, links and groups. */
	static final String CHECK_HEAD = "(case when exists (select 1 from ";
	static final String CHECK_TAIL = ") then 1 else 0 end) = 1)";
	/** Any other use of the identity links. */
	private static final Pattern LINK_COLUMN = Pattern.compile("\\bI\\.", Pattern.CASE_INSENSITIVE);

	/**
	 * The statement with the grant join turned into EXISTS checks, or empty if it does not have exactly
	 * the shape this rewrite knows.
	 */
	static <P> Optional<Rewritten<P>> rewrite(String sql, List<P> parameters) {
		Matcher join = GRANT_JOIN.matcher(sql);
		if (!join.find()) {
			return Optional.empty();
		}
		int joinStart = join.start();
		int joinEnd = join.end();
		String grants = join.group("grants");
		String table = join.group("table");
		List<String> resourceIds = resourceIds(join.group("on"));
		if (resourceIds.isEmpty() || join.find()) {
			return Optional.empty();
		}
		Matcher found = GRANT_FOUND.matcher(sql);
		if (!found.find(joinEnd)) {
			return Optional.empty();
		}
		int foundStart = found.start();
		int foundEnd = found.end();
		if (found.find() || sql.indexOf("AUTH.", foundEnd) >= 0 || sql.indexOf("AUTH1") >= 0
				|| sql.substring(0, joinStart).contains("AUTH.")) {
			return Optional.empty();
		}
		String between = sql.substring(joinEnd, foundStart);
		if (between.contains("AUTH.")) {
			return Optional.empty();
		}
		StringBuilder check = new StringBuilder("(");
		for (String resourceId : resourceIds) {
			check.append(check.length() > 1 ? " OR " : "").append(exists(table, grants, resourceId));
		}
		check.append(")");
		String joined = sql.substring(0, joinStart) + between + check + sql.substring(foundEnd);

		int before = marks(sql, 0, joinStart);
		int inJoin = marks(sql, joinStart, joinEnd);
		int inBetween = marks(sql, joinEnd, foundStart);
		if (before + inJoin + inBetween + marks(sql, foundEnd, sql.length()) != parameters.size()
				|| marks(grants, 0, grants.length()) != inJoin) {
			return Optional.empty();
		}
		List<P> grantParameters = parameters.subList(before, before + inJoin);
		List<P> reordered = new ArrayList<>(parameters.size() + inJoin);
		reordered.addAll(parameters.subList(0, before));
		reordered.addAll(parameters.subList(before + inJoin, before + inJoin + inBetween));
		for (int i = 0; i < resourceIds.size(); i++) {
			reordered.addAll(grantParameters);
		}
		reordered.addAll(parameters.subList(before + inJoin + inBetween, parameters.size()));
		Rewritten<P> checked = candidateLinksChecked(joined, reordered);
		String sqlOut = pageFirst(withoutDistinct(checked.sql()));
		CountPlan plan = CountPlan.of(sqlOut, check.toString());
		if (plan != null && plan.groups() > 0 && sqlOut.contains("RES.TASK_DEF_KEY_")) {
			// a team count narrowed by task definition key (已升级: few escalations among many links of the
			// supervisors' groups) is cheaper from the key's index, checking the links per task
			Rewritten<P> perTask = candidateLinksChecked(joined, reordered, false);
			String perTaskSql = withoutDistinct(perTask.sql());
			int at = perTaskSql.indexOf(check.toString());
			if (at >= 0 && perTaskSql.indexOf(check.toString(), at + 1) < 0 && perTaskSql.contains("case when exists")) {
				int checkFrom = marks(perTaskSql, 0, at);
				int inCheck = marks(check.toString(), 0, check.length());
				List<Integer> kept = new ArrayList<>();
				for (int i = 0; i < perTask.parameters().size(); i++) {
					if (i < checkFrom || i >= checkFrom + inCheck) {
						kept.add(checked.parameters().indexOf(perTask.parameters().get(i)));
					}
				}
				if (!kept.contains(-1)) {
					plan = new CountPlan(plan.groups(), -1, plan.tally(), plan.taskKeyLike(), plan.escape(), plan.dueBefore(),
							perTaskSql.substring(0, at) + "1 = 1" + perTaskSql.substring(at + check.length()), kept);
				}
			}
		}
		return Optional.of(new Rewritten<>(sqlOut, checked.parameters(), plan));
	}

	/**
	 * The team filters' candidate-group condition as a check per task instead of a join: the engine joins
	 * every identity link of every task ({@code left join ACT_RU_IDENTITYLINK I}) and needs DISTINCT
	 * against the duplicates, so a team page sorted every task of the team to return 15. With the check per task, a page walks the tasks in due-date order and stops at 15, and
	 * the count counts without DISTINCT. Only the plain form is taken: candidate groups ({@code I.GROUP_ID_
	 * IN (...)}), with or without {@code RES.ASSIGNEE_ is null}, and no other use of the links. The check
	 * is a CASE in a page, so that MariaDB/MySQL keep it a per-row check instead of turning it into a
	 * semi-join over all the team's links and sorting them. A
	 * count reads the whole team anyway: it starts from the team's distinct task ids (one range of the
	 * candidate-link index) and joins each task once; with a plain EXISTS MariaDB read all open tasks
	 * and all grants instead. The page's parameters
	 * keep their place; the count's group parameters move to the front, where its groups now are.
	 */
	static <P> Rewritten<P> candidateLinksChecked(String sql, List<P> parameters) {
		return candidateLinksChecked(sql, parameters, true);
	}

	/** As above; a count starts from the links only if {@code countFromLinks}, else it checks them per task. */
	private static <P> Rewritten<P> candidateLinksChecked(String sql, List<P> parameters, boolean countFromLinks) {
		Rewritten<P> unchanged = new Rewritten<>(sql, parameters);
		Matcher join = CANDIDATE_JOIN.matcher(sql);
		if (!join.find()) {
			return unchanged;
		}
		String table = join.group("table");
		String rest = sql.substring(0, join.start()) + " " + sql.substring(join.end());
		Matcher candidate = CANDIDATE_GROUPS.matcher(rest);
		if (!candidate.find()) {
			return unchanged;
		}
		String outside = rest.substring(0, candidate.start()) + rest.substring(candidate.end());
		if (LINK_COLUMN.matcher(outside).find() || CANDIDATE_GROUPS.matcher(outside).find()
				|| CANDIDATE_JOIN.matcher(outside).find()) {
			return unchanged;
		}
		String unassigned = candidate.group("unassigned") == null ? "" : "RES.ASSIGNEE_ is null and ";
		String links = "I.TYPE_ = 'candidate' and I.GROUP_ID_ IN " + candidate.group("groups");
		Matcher count = COUNT.matcher(rest);
		// only where the groups are an AND term: in an or-query ("... or ( I.TYPE_ = 'candidate' ...)"),
		// counting from the links alone would drop the tasks of the other branches (the check per task
		// below keeps them)
		if (countFromLinks && count.find() && isConjunct(rest, candidate.start(), candidate.end())) {
			// the count starts from the team's links (one index range), each task once, then its checks
			int groupsFrom = marks(rest, 0, candidate.start());
			int groups = marks(candidate.group(), 0, candidate.group().length());
			if (marks(rest, 0, count.end()) != 0) {
				return unchanged;
			}
			List<P> reordered = new ArrayList<>(parameters.subList(groupsFrom, groupsFrom + groups));
			reordered.addAll(parameters.subList(0, groupsFrom));
			reordered.addAll(parameters.subList(groupsFrom + groups, parameters.size()));
			String counted = "select count(RES.ID_) from (select distinct I.TASK_ID_ from " + table + " I where " + links + ") L inner join "
					+ count.group("task") + " RES on RES.ID_ = L.TASK_ID_";
			String check = "(" + (unassigned.isEmpty() ? "1 = 1" : "RES.ASSIGNEE_ is null") + ")";
			return new Rewritten<>(counted + rest.substring(count.end(), candidate.start()) + check
					+ rest.substring(candidate.end()), reordered);
		}
		String check = "(" + unassigned + CHECK_HEAD + table + " I where I.TASK_ID_ = RES.ID_ and " + links + CHECK_TAIL;
		return new Rewritten<>(rest.substring(0, candidate.start()) + check + rest.substring(candidate.end()), parameters);
	}


	/** Whether a condition is one of the WHERE clause's AND terms (not a branch of an or-query). */
	static boolean isConjunct(String sql, int start, int end) {
		String before = sql.substring(0, start).stripTrailing();
		String after = sql.substring(end).stripLeading();
		return before.regionMatches(true, before.length() - 3, "and", 0, 3)
				&& !after.regionMatches(true, 0, "or", 0, 2);
	}

	/**
	 * Without the grant join, a statement whose only join is the process definition (many tasks to one)
	 * yields each task once: its DISTINCT only forced a temporary table over all matches, where the page
	 * of 我的任务 can instead be read in (assignee, due date) index order and stop after 15 rows. Statements
	 * with other joins (candidate links, variables for sorting) keep it.
	 */
	private static String withoutDistinct(String sql) {
		Matcher joins = JOIN.matcher(sql);
		int count = 0;
		boolean onlyDefinition = true;
		while (joins.find()) {
			count++;
			onlyDefinition &= joins.group(1).matches("(?i)\\S*ACT_RE_PROCDEF\\s+D");
		}
		if (count != 1 || !onlyDefinition) {
			return sql;
		}
		return COUNT_DISTINCT.matcher(SELECT_DISTINCT.matcher(sql).replaceFirst("select "))
				.replaceFirst("count(RES.ID_)");
	}

	/**
	 * A task page with DISTINCT (the candidate links are joined) picks its rows by id and due date first
	 * and reads the 23 task columns of those 15 rows only: DISTINCT and the sort then work on two narrow
	 * columns instead of whole task rows (a "deferred join"). Same rows, same order, same parameters in
	 * the same order.
	 */
	private static String pageFirst(String sql) {
		Matcher page = TASK_PAGE.matcher(sql);
		if (!page.matches()) {
			return sql;
		}
		String columns = page.group("columns");
		String order = page.group("order");
		if (!columns.matches("(?s)RES\\.[A-Z_]+(\\s*,\\s*RES\\.[A-Z_]+)*\\s*")) {
			return sql;
		}
		Matcher orderColumns = ORDER_COLUMN.matcher(order.substring("order by".length()));
		List<String> sortColumns = new ArrayList<>();
		int end = 0;
		while (orderColumns.find() && orderColumns.start() == end) {
			if (!sortColumns.contains(orderColumns.group(1))) {
				sortColumns.add(orderColumns.group(1));
			}
			end = orderColumns.end();
		}
		if (sortColumns.isEmpty() || end != order.length() - "order by".length()) {
			return sql;
		}
		String table = page.group("table");
		StringBuilder pageColumns = new StringBuilder("RES.ID_ PAGE_ID_");
		sortColumns.stream().filter(column -> !column.equals("RES.ID_")).forEach(column -> pageColumns.append(", ").append(column));
		return "select " + columns + " from " + table + " RES inner join (select distinct " + pageColumns + " from " + table
				+ " RES " + page.group("rest") + " " + order + " " + page.group("limit") + ") PAGE on RES.ID_ = PAGE.PAGE_ID_ "
				+ order;
	}

	/**
	 * The resource ids of the join's ON clause, {@code in (a, b)} or {@code = a OR AUTH.RESOURCE_ID_ = b};
	 * empty if any of them is not a plain column or the wildcard.
	 */
	private static List<String> resourceIds(String on) {
		String list = on.trim();
		String[] parts;
		if (list.regionMatches(true, 0, "in", 0, 2)) {
			parts = list.substring(list.indexOf('(') + 1, list.lastIndexOf(')')).split(",");
		} else {
			parts = list.substring(1).split("(?i)\\s+OR\\s+AUTH\\.RESOURCE_ID_\\s*=\\s*");
		}
		List<String> ids = new ArrayList<>();
		for (String part : parts) {
			String id = part.trim();
			if (!RESOURCE_ID.matcher(id).matches()) {
				return List.of();
			}
			ids.add(id);
		}
		return ids;
	}

	/** A grant of the user on one resource id; separate sub-queries let each use the resource-id index. */
	private static String exists(String table, String grants, String resourceId) {
		return "EXISTS (SELECT 1 FROM " + table + " A WHERE " + grants + " AND A.RESOURCE_ID_ = " + resourceId + ")";
	}

	/**
	 * Rewrites of the statement texts seen so far, with their parameters as positions: a page's statement
	 * text is the same on every call (its values are bind parameters), and matching the patterns against
	 * 3-4 KB of SQL was a noticeable share of the desk's CPU per Tasklist page. A few hundred texts at most
	 * (filters, sortings, group counts); the cache starts afresh beyond that.
	 */
	private static final Map<String, Optional<Rewritten<Integer>>> PLANS = new ConcurrentHashMap<>();
	static final int MAX_PLANS = 1_000;

	static <P> Optional<Rewritten<P>> rewriteCached(String sql, List<P> parameters) {
		Optional<Rewritten<Integer>> plan = PLANS.get(sql);
		if (plan == null) {
			if (PLANS.size() >= MAX_PLANS) {
				PLANS.clear();
			}
			plan = rewrite(sql, IntStream.range(0, parameters.size()).boxed().toList());
			PLANS.put(sql, plan);
		}
		return plan.map(rewritten -> new Rewritten<>(rewritten.sql(),
				rewritten.parameters().stream().map(parameters::get).toList(), rewritten.count()));
	}

	/** The bind markers ({@code ?}) in a part of a statement; the engine's SQL has no quoted '?'. */
	static int marks(String sql, int from, int to) {
		int count = 0;
		for (int i = from; i < to; i++) {
			if (sql.charAt(i) == '?') {
				count++;
			}
		}
		return count;
	}
}
