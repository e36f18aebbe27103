package com.retentiondesk.tasklist;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * A count whose grant check the user's own question already implies, and how to answer it without the
 * check (see {@link RewritingInterceptor}): the count of a team filter, whose first {@code groups} bind
 * markers are its candidate groups, or of 我的任务, whose marker {@code assignee} is the assignee. It
 * holds the statement without the grant check and the positions of the parameters that it keeps, and
 * whether {@link TaskTally} can answer it ({@code tally}; {@code dueBefore} is the position of its due
 * date, or -1).
 */
record CountPlan(int groups, int assignee, boolean tally, int taskKeyLike, String escape, int dueBefore,
		String withoutGrants, List<Integer> kept) {

	/** A team count (its groups as an AND term, see {@link GrantCheckRewrite#candidateLinksChecked}), any other conditions. */
	private static final String TEAM_COUNT = "select count(RES.ID_) from (select distinct I.TASK_ID_ from ";
	/** A team count that the tally can answer: after {@link #canonical}, less its grant check. */
	private static final Pattern TALLY_COUNT = Pattern.compile("select count\\(RES\\.ID_\\) from \\(select distinct I\\.TASK_ID_ "
			+ "from ACT_RU_IDENTITYLINK I where I\\.TYPE_ = 'candidate' and I\\.GROUP_ID_ IN \\((?<groups>\\?(?:,\\?)*)\\)\\) L "
			+ "inner join ACT_RU_TASK RES on RES\\.ID_ = L\\.TASK_ID_ inner join ACT_RE_PROCDEF D on RES\\.PROC_DEF_ID_ = D\\.ID_ "
			+ "WHERE \\(1 = 1 and (?<key>RES\\.TASK_DEF_KEY_ like \\? ESCAPE (?<escape>'[^'?]*') and )?"
			+ "(?<due>\\(RES\\.DUE_DATE_ < \\? and RES\\.DUE_DATE_ is not null\\) and )?\\(1 = 1\\)\\) "
			+ "and \\(\\(\\)\\) and \\(RES\\.TENANT_ID_ is null\\)");
	/** 我的任务's count, after {@link #canonical}, less its grant check: the assignee is its only condition. */
	private static final Pattern ASSIGNEE_COUNT = Pattern.compile("select count\\(RES\\.ID_\\) from \\S*ACT_RU_TASK RES "
			+ "inner join \\S*ACT_RE_PROCDEF D on RES\\.PROC_DEF_ID_ = D\\.ID_ WHERE \\(1 = 1 and RES\\.ASSIGNEE_ = \\?\\) "
			+ "and \\(\\(\\)\\) and \\(RES\\.TENANT_ID_ is null\\)");

	/**
	 * The plan of a rewritten count: a team count (the candidate groups an AND term of its question, any
	 * other conditions; the tally answers the plain form, optionally with a due-before date), or 我的任务's
	 * count (the assignee its only condition). Null for anything else.
	 */
	static CountPlan of(String sql, String grantCheck) {
		int at = sql.indexOf(grantCheck);
		if (at < 0 || sql.indexOf(grantCheck, at + 1) >= 0) {
			return null;
		}
		String withoutGrants = sql.substring(0, at) + "1 = 1" + sql.substring(at + grantCheck.length());
		List<Integer> kept = new ArrayList<>();
		int before = GrantCheckRewrite.marks(sql, 0, at);
		int inCheck = GrantCheckRewrite.marks(grantCheck, 0, grantCheck.length());
		int total = GrantCheckRewrite.marks(sql, 0, sql.length());
		IntStream.range(0, total).filter(i -> i < before || i >= before + inCheck).forEach(kept::add);
		String canonical = canonical(sql.substring(0, at) + sql.substring(at + grantCheck.length()));
		if (canonical.startsWith(TEAM_COUNT)) {
			String groupList = canonical.substring(canonical.indexOf("I.GROUP_ID_ IN (") + "I.GROUP_ID_ IN (".length(),
					canonical.indexOf(")) L "));
			int groups = GrantCheckRewrite.marks(groupList, 0, groupList.length());
			if (groups == 0 || !groupList.matches("\\?(,\\?)*") || before < groups) {
				return null;
			}
			Matcher tally = TALLY_COUNT.matcher(canonical);
			boolean plain = tally.matches();
			boolean keyLike = plain && tally.group("key") != null;
			return new CountPlan(groups, -1, plain, keyLike ? groups : -1, keyLike ? tally.group("escape") : null,
					plain && tally.group("due") != null ? groups + (keyLike ? 1 : 0) : -1, withoutGrants, kept);
		}
		if (ASSIGNEE_COUNT.matcher(canonical).matches() && before == 1) {
			return new CountPlan(0, 0, false, -1, null, -1, withoutGrants, kept);
		}
		return null;
	}

	/** Whitespace collapsed, none inside parentheses or around commas. */
	private static String canonical(String sql) {
		return sql.replaceAll("\\s+", " ").replace("( ", "(").replace(" )", ")").replace(" ,", ",").replace(", ", ",").trim();
	}
}
