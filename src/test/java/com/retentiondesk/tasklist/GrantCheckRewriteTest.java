package com.retentiondesk.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The rewrite of the engine's task query text (see TaskAuthorizationCheckAccessTest for the engine). */
class GrantCheckRewriteTest {

	/** The engine's list statement for 我的任务 on MySQL/MariaDB, as seen in the server's general log. */
	private static final String MYSQL = """
			select distinct
			    RES.REV_, RES.ID_, RES.DUE_DATE_
			    from ACT_RU_TASK RES
			       inner join
			      ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_
			     inner join
			    (
			    SELECT A.*
			    FROM ACT_RU_AUTHORIZATION A
			    WHERE A.TYPE_ < 2
			    AND ( A.USER_ID_ in ( ?, '*')
			      OR A.GROUP_ID_ IN  (  ? , ? )
			    )
			      AND (
			         (
			          A.RESOURCE_TYPE_ = ? AND A.PERMS_ & ? = ?
			         OR
			          A.RESOURCE_TYPE_ = ? AND A.PERMS_ & ? = ?
			         )
			      )
			    )
			        AUTH ON (AUTH.RESOURCE_ID_ = RES.ID_ OR AUTH.RESOURCE_ID_ = D.KEY_ OR AUTH.RESOURCE_ID_ = '*' )
			     WHERE  (
			        1 = 1 and
			           RES.ASSIGNEE_ = ?
			        )
			          and (
			            (AUTH.RESOURCE_ID_ IS NOT NULL)
			          )
			      and (RES.TENANT_ID_ is null
			      )
			    order by RES.DUE_DATE_ asc
			    LIMIT ? OFFSET ?
			""";
	private static final List<String> PARAMETERS = List.of("user", "group1", "group2", "taskType", "taskPerm",
			"taskPerm", "defType", "defPerm", "defPerm", "assignee", "limit", "offset");

	/** 本组任务 as the engine writes it: the identity links joined, the groups in the WHERE clause. */
	private static final String TEAM = MYSQL.replace("from ACT_RU_TASK RES",
			"from ACT_RU_TASK RES\n left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_")
			.replace("RES.ASSIGNEE_ = ?", "( I.TYPE_ = 'candidate'\n and\n (\n I.GROUP_ID_ IN\n ( ? , ? )\n )\n )");
	private static final List<String> TEAM_PARAMETERS = List.of("user", "group1", "group2", "taskType", "taskPerm",
			"taskPerm", "defType", "defPerm", "defPerm", "team1", "supervisors", "limit", "offset");

	@Test
	void shouldCheckTheGrantsPerTaskWithTheSameConditions() {
		Rewritten<String> rewritten = GrantCheckRewrite.rewrite(MYSQL, PARAMETERS)
				.orElseThrow();

		String sql = rewritten.sql().replaceAll("\\s+", " ");
		assertThat(sql).doesNotContain("AUTH.", "AUTH ON").contains("inner join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_ WHERE");
		assertThat(sql).contains("(EXISTS (SELECT 1 FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2 AND ( A.USER_ID_ in "
				+ "( ?, '*') OR A.GROUP_ID_ IN ( ? , ? ) ) AND ( ( A.RESOURCE_TYPE_ = ? AND A.PERMS_ & ? = ? OR "
				+ "A.RESOURCE_TYPE_ = ? AND A.PERMS_ & ? = ? ) ) AND A.RESOURCE_ID_ = RES.ID_) OR EXISTS (SELECT 1 FROM "
				+ "ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2");
		assertThat(sql).contains("AND A.RESOURCE_ID_ = D.KEY_) OR EXISTS (SELECT 1 FROM ACT_RU_AUTHORIZATION A WHERE "
				+ "A.TYPE_ < 2").contains("AND A.RESOURCE_ID_ = '*'))");
		assertThat(sql).endsWith("order by RES.DUE_DATE_ asc LIMIT ? OFFSET ? ");
		// one task per row now (the definition join is many to one): no DISTINCT, no temporary table
		assertThat(sql).startsWith("select RES.REV_, RES.ID_, RES.DUE_DATE_ from ACT_RU_TASK RES");
		// the assignee comes first now, then the grant conditions three times, then the page
		List<String> grants = PARAMETERS.subList(0, 9);
		assertThat(rewritten.parameters()).containsExactlyElementsOf(concat(List.of("assignee"), grants, grants, grants,
				List.of("limit", "offset")));
		assertThat(rewritten.sql().chars().filter(c -> c == '?').count()).isEqualTo(rewritten.parameters().size());
	}

	@Test
	void shouldKeepDistinctWhenCandidateLinksAreJoined() {
		String team = MYSQL.replace("from ACT_RU_TASK RES", "from ACT_RU_TASK RES\n left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_");
		String count = team.replace("select distinct\n    RES.REV_, RES.ID_, RES.DUE_DATE_", "select count(distinct RES.ID_)");

		// the page: ids and due dates first (DISTINCT on two columns), then the 15 rows' columns
		String page = GrantCheckRewrite.rewrite(team, PARAMETERS).orElseThrow().sql().replaceAll("\\s+", " ");
		assertThat(page).startsWith("select RES.REV_, RES.ID_, RES.DUE_DATE_ from ACT_RU_TASK RES inner join (select distinct "
				+ "RES.ID_ PAGE_ID_, RES.DUE_DATE_ from ACT_RU_TASK RES left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_")
				.endsWith("order by RES.DUE_DATE_ asc LIMIT ? OFFSET ?) PAGE on RES.ID_ = PAGE.PAGE_ID_ order by RES.DUE_DATE_ asc");
		assertThat(GrantCheckRewrite.rewrite(count, PARAMETERS).orElseThrow().sql()).contains("count(distinct RES.ID_)");
		// without the candidate links the count needs no DISTINCT either
		assertThat(GrantCheckRewrite.rewrite(count.replace(" left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_", ""),
				PARAMETERS).orElseThrow().sql()).contains("select count(RES.ID_)");
	}

	@Test
	void shouldCheckTheCandidateGroupsPerTaskInsteadOfJoiningTheLinks() {
		String team = TEAM;
		List<String> parameters = TEAM_PARAMETERS;
		String count = team.replace("select distinct\n    RES.REV_, RES.ID_, RES.DUE_DATE_", "select count(distinct RES.ID_)");

		Rewritten<String> page = GrantCheckRewrite.rewrite(team, parameters).orElseThrow();
		String pageSql = page.sql().replaceAll("\\s+", " ");
		String countSql = GrantCheckRewrite.rewrite(count, parameters).orElseThrow().sql().replaceAll("\\s+", " ");

		// no join, so no DISTINCT: the page can follow the due-date index and stop after 15 rows
		assertThat(pageSql).startsWith("select RES.REV_, RES.ID_, RES.DUE_DATE_ from ACT_RU_TASK RES inner join ACT_RE_PROCDEF D")
				.doesNotContain("left join ACT_RU_IDENTITYLINK", "distinct", "PAGE_ID_")
				.contains("1 = 1 and ((case when exists (select 1 from ACT_RU_IDENTITYLINK I where I.TASK_ID_ = RES.ID_ and "
						+ "I.TYPE_ = 'candidate' and I.GROUP_ID_ IN ( ? , ? )) then 1 else 0 end) = 1) )");
		// the count starts from the team's links, each task once
		Rewritten<String> counted = GrantCheckRewrite.rewrite(count, parameters).orElseThrow();
		assertThat(countSql).startsWith("select count(RES.ID_) from (select distinct I.TASK_ID_ from ACT_RU_IDENTITYLINK I "
				+ "where I.TYPE_ = 'candidate' and I.GROUP_ID_ IN ( ? , ? )) L inner join ACT_RU_TASK RES on RES.ID_ = "
				+ "L.TASK_ID_ inner join ACT_RE_PROCDEF D").contains("WHERE ( 1 = 1 and (1 = 1) )")
				.doesNotContain("left join ACT_RU_IDENTITYLINK", "count(distinct");
		List<String> grants = parameters.subList(0, 9);
		assertThat(counted.parameters()).containsExactlyElementsOf(concat(List.of("team1", "supervisors"), grants, grants,
				grants, List.of("limit", "offset")));
		// the groups' parameters stay where they were: before the grant checks (three of them now)
		assertThat(page.parameters()).containsExactlyElementsOf(concat(List.of("team1", "supervisors"), grants, grants,
				grants, List.of("limit", "offset")));
	}

	@Test
	void shouldCountUnassignedTeamTasksFromTheLinks() {
		String count = "select count(distinct RES.ID_) from ACT_RU_TASK RES left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = "
				+ "RES.ID_ WHERE RES.NAME_ = ? and ( RES.ASSIGNEE_ is null and I.TYPE_ = 'candidate' and ( I.GROUP_ID_ IN ( ? ) ) )"
				+ " and RES.PRIORITY_ = ?";

		Rewritten<String> counted = GrantCheckRewrite.candidateLinksChecked(count,
				List.of("name", "team1", "priority"));

		assertThat(counted.sql().replaceAll("\\s+", " ")).isEqualTo("select count(RES.ID_) from (select distinct I.TASK_ID_ "
				+ "from ACT_RU_IDENTITYLINK I where I.TYPE_ = 'candidate' and I.GROUP_ID_ IN ( ? )) L inner join ACT_RU_TASK RES "
				+ "on RES.ID_ = L.TASK_ID_ WHERE RES.NAME_ = ? and (RES.ASSIGNEE_ is null) and RES.PRIORITY_ = ?");
		assertThat(counted.parameters()).containsExactly("team1", "name", "priority");
	}

	@Test
	void shouldCountAnOrQuerysCandidateBranchPerTask() {
		// "assigned to me OR offered to my team", as an or-query writes it
		String count = "select count(distinct RES.ID_) from ACT_RU_TASK RES left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = "
				+ "RES.ID_ WHERE ( 1 = 1 and RES.ASSIGNEE_ = ? or ( I.TYPE_ = 'candidate' and ( I.GROUP_ID_ IN ( ? ) ) ) )";

		Rewritten<String> counted = GrantCheckRewrite.candidateLinksChecked(count,
				List.of("me", "team1"));

		// not from the links (that would lose my tasks of other teams): the groups checked per task instead
		assertThat(counted.sql()).startsWith("select count(distinct RES.ID_) from ACT_RU_TASK RES")
				.doesNotContain("left join", "L inner join")
				.contains("RES.ASSIGNEE_ = ? or ((case when exists (select 1 from ACT_RU_IDENTITYLINK I where I.TASK_ID_ = "
						+ "RES.ID_ and I.TYPE_ = 'candidate' and I.GROUP_ID_ IN ( ? )) then 1 else 0 end) = 1) )");
		assertThat(counted.parameters()).containsExactly("me", "team1");
	}

	@Test
	void shouldKeepTheLinksJoinedForOtherUsesOfTheLinks() {
		String unassigned = "( RES.ASSIGNEE_ is null and I.TYPE_ = 'candidate' and ( I.GROUP_ID_ IN ( ? ) ) )";
		String join = "select RES.ID_ from ACT_RU_TASK RES left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_ WHERE ";

		// unassigned tasks only: the assignee condition stays outside the check
		assertThat(GrantCheckRewrite.candidateLinksChecked(join + unassigned + " order by RES.ID_", List.of("g")).sql())
				.contains("WHERE (RES.ASSIGNEE_ is null and (case when exists (select 1 from ACT_RU_IDENTITYLINK I where "
						+ "I.TASK_ID_ = RES.ID_ and I.TYPE_ = 'candidate' and I.GROUP_ID_ IN ( ? )) then 1 else 0 end) = 1)");
		// a candidate user, a LIKE, or the links used elsewhere (involved user): left as they are
		for (String other : List.of(
				"( I.TYPE_ = 'candidate' and ( I.USER_ID_ = ? or I.GROUP_ID_ IN ( ? ) ) )",
				"( I.TYPE_ = 'candidate' and ( I.GROUP_ID_ LIKE ? ) )",
				unassigned + " and (I.USER_ID_ = ? or RES.ASSIGNEE_ = ?)")) {
			assertThat(GrantCheckRewrite.candidateLinksChecked(join + other, List.of("p")).sql()).isEqualTo(join + other);
		}
	}

	@Test
	void shouldRewriteFromTheCacheWithEachCallsOwnParameters() {
		List<String> other = PARAMETERS.stream().map(p -> p + "2").toList();

		Rewritten<String> first = GrantCheckRewrite.rewriteCached(MYSQL, PARAMETERS).orElseThrow();
		Rewritten<String> second = GrantCheckRewrite.rewriteCached(MYSQL, other).orElseThrow();

		Rewritten<String> direct = GrantCheckRewrite.rewrite(MYSQL, PARAMETERS).orElseThrow();
		assertThat(first).isEqualTo(direct);
		assertThat(second.sql()).isEqualTo(direct.sql());
		assertThat(second.parameters()).containsExactlyElementsOf(direct.parameters().stream().map(p -> p + "2").toList());
		// a statement of another shape stays as it is, from the cache too
		assertThat(GrantCheckRewrite.rewriteCached("select 1 from ACT_RU_TASK", List.of())).isEmpty();
		assertThat(GrantCheckRewrite.rewriteCached("select 1 from ACT_RU_TASK", List.of())).isEmpty();
	}

	@Test
	void shouldFindAKeyPatternsPageAndReadItFromTheKeysIndex() throws Exception {
		// /task?taskDefinitionKeyLike=Task\_Escalat%&candidateGroups=...&sortBy=dueDate: the page of a few escalations
		String keyPage = MYSQL.replace("RES.ASSIGNEE_ = ?", "RES.TASK_DEF_KEY_ like ? ESCAPE '\\\\'");
		String count = keyPage.replace("select distinct\n    RES.REV_, RES.ID_, RES.DUE_DATE_", "select count(distinct RES.ID_)")
				.replace("order by RES.DUE_DATE_ asc\n    LIMIT ? OFFSET ?", "");
		Rewritten<String> page = GrantCheckRewrite.rewrite(keyPage, PARAMETERS).orElseThrow();

		DuePage due = DuePage.of(page.sql());

		assertThat(due.keyMarker()).isZero();
		assertThat(due.assignee()).isFalse();
		assertThat(due.withDueDates()).as("no candidate groups").isNull();
		assertThat(page.parameters().get(due.keyMarker())).as("the pattern's parameter").isEqualTo("assignee");
		assertThat(due.indexFirst().replaceAll("\\s+", " ")).startsWith("select RES.REV_, RES.ID_, RES.DUE_DATE_ from ACT_RU_TASK RES "
				+ "IGNORE INDEX FOR ORDER BY (DESK_IDX_TASK_DUE) inner join ACT_RE_PROCDEF D");
		assertThat(due.indexFirst().replace(" IGNORE INDEX FOR ORDER BY (DESK_IDX_TASK_DUE)", "")).isEqualTo(page.sql());
		// not a count, not another order
		assertThat(DuePage.of(GrantCheckRewrite.rewrite(count, PARAMETERS.subList(0, 10))
				.orElseThrow().sql())).isEqualTo(DuePage.PLAIN);
		assertThat(DuePage.of(page.sql().replace("order by RES.DUE_DATE_", "order by RES.CREATE_TIME_")))
				.isEqualTo(DuePage.PLAIN);
		// the index the hint names is the one the desk's migration creates
		assertThat(Files.readString(Path.of("src/main/resources/db/engine/V4__task_due.sql")))
				.contains("CREATE INDEX " + DuePage.DUE_INDEX + " ON ACT_RU_TASK (DUE_DATE_)");
	}

	@Test
	void shouldReadAKeyPatternsPageOneKeyAtATime() {
		// 已升级: the escalations' pattern, oldest first
		String filter = MYSQL.replace("RES.ASSIGNEE_ = ?", "RES.TASK_DEF_KEY_ like ? ESCAPE '\\\\'")
				.replace("RES.REV_, RES.ID_, RES.DUE_DATE_", "RES.REV_, RES.ID_, RES.CREATE_TIME_")
				.replace("order by RES.DUE_DATE_ asc", "order by RES.CREATE_TIME_ asc");
		Rewritten<String> page = GrantCheckRewrite.rewrite(filter, PARAMETERS).orElseThrow();

		KeyPage keys = KeyPage.of(page.sql());

		assertThat(keys.keyMarker()).isZero();
		assertThat(page.parameters().get(keys.keyMarker())).as("the pattern's parameter").isEqualTo("assignee");
		assertThat(keys.keysQuery()).isEqualTo("select RES.TASK_DEF_KEY_ from ACT_RU_TASK RES where RES.TASK_DEF_KEY_ "
				+ "like ? ESCAPE '\\\\' group by RES.TASK_DEF_KEY_ order by RES.TASK_DEF_KEY_ LIMIT " + (KeyPage.MAX_KEYS + 1));
		String two = keys.perKey(2).replaceAll("\\s+", " ");
		String branch = page.sql().replaceAll("\\s+", " ").replace("RES.TASK_DEF_KEY_ like ? ESCAPE '\\\\'",
				"RES.TASK_DEF_KEY_ = ?").replace("LIMIT ? OFFSET ? ", "LIMIT ?");
		assertThat(branch).contains("RES.TASK_DEF_KEY_ = ?").endsWith("order by RES.CREATE_TIME_ asc LIMIT ?");
		assertThat(two).isEqualTo("select * from ((" + branch + ") union all (" + branch + ")) RES "
				+ "order by RES.CREATE_TIME_ asc LIMIT ? OFFSET ?");
		// per key: its markers less the page's two, and the key's limit; then the page's two
		assertThat(two.chars().filter(c -> c == '?').count()).isEqualTo(2 * (page.parameters().size() - 1) + 2);
		// the same for a statement that returns all columns
		assertThat(KeyPage.of(page.sql().replace("RES.REV_, RES.ID_, RES.CREATE_TIME_", "RES.*"))).isNotEqualTo(KeyPage.NONE);

		// not: a sort by a column the page does not return (the merged pages could not be sorted again), a
		// pattern in an or-query, two patterns, a count, a page without LIMIT
		assertThat(KeyPage.of(page.sql().replace("order by RES.CREATE_TIME_", "order by RES.NAME_"))).isEqualTo(KeyPage.NONE);
		assertThat(KeyPage.of(page.sql().replace("1 = 1 and", "1 = 0 or"))).isEqualTo(KeyPage.NONE);
		assertThat(KeyPage.of(page.sql().replace("1 = 1 and", "RES.TASK_DEF_KEY_ like ? and"))).isEqualTo(KeyPage.NONE);
		String count = filter.replace("select distinct\n    RES.REV_, RES.ID_, RES.CREATE_TIME_", "select count(distinct RES.ID_)")
				.replace("order by RES.CREATE_TIME_ asc\n    LIMIT ? OFFSET ?", "");
		assertThat(KeyPage.of(GrantCheckRewrite.rewrite(count, PARAMETERS.subList(0, 10)).orElseThrow().sql()))
				.isEqualTo(KeyPage.NONE);
		assertThat(KeyPage.of(page.sql().replace("LIMIT ? OFFSET ?", ""))).isEqualTo(KeyPage.NONE);
	}

	@Test
	void shouldBoundAPageSortedByDueDateAndMoreByItsLastDueDate() {
		// 我的任务 as Tasklist asks for it: its own sorting (created desc) after the filter's due date
		String sorted = MYSQL.replace("order by RES.DUE_DATE_ asc", "order by RES.DUE_DATE_ asc, RES.CREATE_TIME_ desc");
		Rewritten<String> page = GrantCheckRewrite.rewrite(sorted, PARAMETERS).orElseThrow();
		String sql = page.sql().replaceAll("\\s+", " ");

		BoundedPage bounded = BoundedPage.of(page.sql());

		String from = sql.substring(sql.indexOf("from ACT_RU_TASK RES"), sql.indexOf(" order by"));
		assertThat(bounded.boundQuery().replaceAll("\\s+", " "))
				.isEqualTo("select RES.DUE_DATE_ " + from + " order by RES.DUE_DATE_ asc LIMIT 1 OFFSET ?");
		String where = sql.substring(sql.indexOf(" WHERE ") + " WHERE ".length(), sql.indexOf(" order by"));
		assertThat(bounded.bounded(true).replaceAll("\\s+", " ")).isEqualTo(sql.substring(0, sql.indexOf(" WHERE "))
				+ " WHERE (RES.DUE_DATE_ is null or RES.DUE_DATE_ <= ?) and ( " + where + " ) order by RES.DUE_DATE_ asc, "
				+ "RES.CREATE_TIME_ desc LIMIT ? OFFSET ? ");
		assertThat(bounded.boundMarker()).as("the bound's marker comes first: the WHERE has no marker before it").isZero();
		assertThat(bounded.bounded(false).replaceAll("\\s+", " ")).contains(" WHERE RES.DUE_DATE_ is null and (");
		// descending: tasks without a due date come last, so such a bound leaves every task in
		BoundedPage descending = BoundedPage.of(page.sql().replace("RES.DUE_DATE_ asc,", "RES.DUE_DATE_ desc,"));
		assertThat(descending.bounded(true)).contains(" WHERE RES.DUE_DATE_ >= ? and (");
		assertThat(descending.bounded(false)).isNull();

		// not: the due date alone or twice (Tasklist's sorting by due date; the walk stops early already), another
		// first column, DISTINCT, no page
		assertThat(BoundedPage.of(GrantCheckRewrite.rewrite(MYSQL, PARAMETERS).orElseThrow().sql())).isEqualTo(BoundedPage.NONE);
		assertThat(BoundedPage.of(page.sql().replace("RES.CREATE_TIME_ desc", "RES.DUE_DATE_ asc"))).isEqualTo(BoundedPage.NONE);
		assertThat(BoundedPage.of(page.sql().replace("order by RES.DUE_DATE_ asc,", "order by RES.NAME_ asc,")))
				.isEqualTo(BoundedPage.NONE);
		assertThat(BoundedPage.of(page.sql().replaceFirst("select ", "select distinct "))).isEqualTo(BoundedPage.NONE);
		assertThat(BoundedPage.of(page.sql().replace("LIMIT ? OFFSET ?", ""))).isEqualTo(BoundedPage.NONE);
	}

	@Test
	void shouldFindTasklistsActiveCondition() throws Exception {
		String active = MYSQL.replace("RES.ASSIGNEE_ = ?", "RES.ASSIGNEE_ = ?\n and RES.SUSPENSION_STATE_ = 1");

		ActiveTerm term = ActiveTerm.of(active);

		assertThat(term.without()).isEqualTo(MYSQL);
		assertThat(term.anySuspended()).isEqualTo("select 1 from ACT_RU_TASK RES where RES.SUSPENSION_STATE_ <> 1 "
				+ "or RES.SUSPENSION_STATE_ is null LIMIT 1");
		// not: suspended tasks asked for, no such condition, two of them
		assertThat(ActiveTerm.of(active.replace("SUSPENSION_STATE_ = 1", "SUSPENSION_STATE_ = 2"))).isEqualTo(ActiveTerm.NONE);
		assertThat(ActiveTerm.of(active.replace("SUSPENSION_STATE_ = 1", "SUSPENSION_STATE_ = 12"))).isEqualTo(ActiveTerm.NONE);
		assertThat(ActiveTerm.of(MYSQL)).isEqualTo(ActiveTerm.NONE);
		assertThat(ActiveTerm.of(active.replace("1 = 1 and", "1 = 1 and RES.SUSPENSION_STATE_ = 1 and"))).isEqualTo(ActiveTerm.NONE);
		// the index that answers anySuspended
		assertThat(Files.readString(Path.of("src/main/resources/db/engine/V8__task_suspension.sql")))
				.contains("ON ACT_RU_TASK (SUSPENSION_STATE_)");
	}

	@Test
	void shouldReadTheAssigneesPageFromTheAssigneesIndex() throws Exception {
		Rewritten<String> page = GrantCheckRewrite.rewrite(MYSQL, PARAMETERS).orElseThrow();

		DuePage due = DuePage.of(page.sql());

		assertThat(due.assignee()).isTrue();
		assertThat(due.keyMarker()).isEqualTo(-1);
		assertThat(due.withDueDates()).isNull();
		assertThat(due.indexFirst().replace(" IGNORE INDEX FOR ORDER BY (DESK_IDX_TASK_DUE)", "")).isEqualTo(page.sql());
		// an assignee in an or-query is no AND term: the optimizer decides
		String either = page.sql().replace("RES.ASSIGNEE_ = ?", "RES.ASSIGNEE_ = ? or RES.OWNER_ = ?");
		assertThat(DuePage.of(either).assignee()).isFalse();
		// the index the optimizer then takes: the desk's (assignee, due date)
		assertThat(Files.readString(Path.of("src/main/resources/db/engine/V3__task_assignee_due.sql")))
				.containsPattern("ON ACT_RU_TASK \\(ASSIGNEE_, DUE_DATE_");
	}

	@Test
	void shouldOfferATeamPageThatStartsAtTheFirstDueDate() {
		String team = TEAM;
		List<String> parameters = TEAM_PARAMETERS;
		Rewritten<String> page = GrantCheckRewrite.rewrite(team, parameters).orElseThrow();

		DuePage due = DuePage.of(page.sql());

		assertThat(page.parameters().subList(due.groupsFrom(), due.groupsFrom() + due.groups())).containsExactly("team1",
				"supervisors");
		assertThat(due.withDueDates().replaceAll("\\s+", " ")).contains("1 = 1 and (RES.DUE_DATE_ is not null and ((case when "
				+ "exists (select 1 from ACT_RU_IDENTITYLINK I where I.TASK_ID_ = RES.ID_ and I.TYPE_ = 'candidate' and "
				+ "I.GROUP_ID_ IN ( ? , ? )) then 1 else 0 end) = 1)) )");
		assertThat(due.withDueDates().replace("(RES.DUE_DATE_ is not null and ", "").replace("= 1))", "= 1)"))
				.isEqualTo(page.sql());
		assertThat(GrantCheckRewrite.marks(due.withDueDates(), 0, due.withDueDates().length())).isEqualTo(page.parameters().size());
		assertThat(due.withDueDatesIndexFirst()).contains("IGNORE INDEX FOR ORDER BY (DESK_IDX_TASK_DUE)");
		assertThat(due.assignee()).isFalse();
		// due before a date (今日到期): no task without a due date to skip, no need to ask the tally
		String dueToday = page.sql().replaceFirst("1 = 1 and\\s+\\(\\(case", "1 = 1 and ( RES.DUE_DATE_ < ?\n and "
				+ "RES.DUE_DATE_ is not null ) and ((case");
		assertThat(dueToday).contains("RES.DUE_DATE_ is not null ) and ((case");
		assertThat(DuePage.of(dueToday).withDueDates()).isNull();
		// descending, the tasks without a due date come last: nothing to skip
		assertThat(DuePage.of(page.sql().replace("order by RES.DUE_DATE_ asc", "order by RES.DUE_DATE_ desc"))
				.withDueDates()).isNull();
	}

	@Test
	void shouldRewriteTheLeftJoinFormWithInToo() {
		String sql = MYSQL.replace("inner join\n    (", "left join\n    (")
				.replace("AUTH.RESOURCE_ID_ = RES.ID_ OR AUTH.RESOURCE_ID_ = D.KEY_ OR AUTH.RESOURCE_ID_ = '*'",
						"AUTH.RESOURCE_ID_ in (RES.ID_ , D.KEY_ , '*' )");

		assertThat(GrantCheckRewrite.rewrite(sql, PARAMETERS)).isPresent();
	}

	/** The variables of a filter's page (HAL), as the engine asks for them: a left join on five ids. */
	private static final String VARIABLES = """
			select distinct RES.*
			    from (
			          select RES.*
			          from ACT_RU_VARIABLE RES
			          left join ACT_RU_EXECUTION PROC_EXECUTION on PROC_EXECUTION.ID_ = RES.PROC_INST_ID_
			          left join ACT_RE_PROCDEF PROCDEF on PROCDEF.ID_ = PROC_EXECUTION.PROC_DEF_ID_
			     left join
			    (
			    SELECT A.*
			    FROM ACT_RU_AUTHORIZATION A
			    WHERE A.TYPE_ < 2
			    AND ( A.USER_ID_ in ( ?, '*') OR A.GROUP_ID_ IN ( ? ) )
			      AND ( ( A.RESOURCE_TYPE_ = ? AND A.PERMS_ & ? = ? ) )
			    )
			              AUTH ON (AUTH.RESOURCE_ID_ =
			                RES.PROC_INST_ID_
			                OR AUTH.RESOURCE_ID_ = PROC_EXECUTION.ID_
			                OR AUTH.RESOURCE_ID_ = PROCDEF.KEY_
			                OR AUTH.RESOURCE_ID_ = RES.TASK_ID_
			                OR AUTH.RESOURCE_ID_ = '*'
			              )
			           WHERE  RES.NAME_ in ( ? ) and RES.VAR_SCOPE_ in ( ? , ? )
			          and ( (RES.CASE_EXECUTION_ID_ IS NOT NULL) OR (AUTH.RESOURCE_ID_ IS NOT NULL) )
			      and (RES.TENANT_ID_ is null)
			    ) RES
			    order by RES.ID_ asc
			    LIMIT ? OFFSET ?
			""";

	@Test
	void shouldCheckEachOfTheVariableQuerysResourceIds() {
		List<String> parameters = List.of("user", "group", "type", "perm", "perm", "name", "scope1", "scope2", "limit",
				"offset");

		Rewritten<String> rewritten = GrantCheckRewrite.rewrite(VARIABLES, parameters)
				.orElseThrow();

		String sql = rewritten.sql().replaceAll("\\s+", " ");
		assertThat(sql).doesNotContain("AUTH.", "AUTH ON").startsWith("select distinct RES.*");
		for (String id : List.of("RES.PROC_INST_ID_", "PROC_EXECUTION.ID_", "PROCDEF.KEY_", "RES.TASK_ID_", "'*'")) {
			assertThat(sql).contains("AND A.RESOURCE_ID_ = " + id + ")");
		}
		assertThat(sql).contains("(RES.CASE_EXECUTION_ID_ IS NOT NULL) OR ((EXISTS");
		List<String> grants = parameters.subList(0, 5);
		assertThat(rewritten.parameters()).containsExactlyElementsOf(concat(List.of("name", "scope1", "scope2"), grants,
				grants, grants, grants, grants, List.of("limit", "offset")));
	}

	@Test
	void shouldLeaveOtherShapesAsTheEngineWroteThem() {
		// the revoke check (a per-row sub-query instead of the join)
		String revokeCheck = MYSQL.substring(0, MYSQL.indexOf("     inner join\n    (")) + " WHERE 1 = 1 and ( select 1 ) = 1";
		assertThat(GrantCheckRewrite.rewrite(revokeCheck, PARAMETERS.subList(9, 12))).isEmpty();
		// a second grant check (composite checks)
		assertThat(GrantCheckRewrite.rewrite(MYSQL.replace("(AUTH.RESOURCE_ID_ IS NOT NULL)",
				"(AUTH.RESOURCE_ID_ IS NOT NULL AND AUTH1.RESOURCE_ID_ IS NOT NULL)"), PARAMETERS)).isEmpty();
		// parameters that do not add up
		assertThat(GrantCheckRewrite.rewrite(MYSQL, PARAMETERS.subList(0, 11))).isEmpty();
		// a resource id that is not a plain column
		assertThat(GrantCheckRewrite.rewrite(MYSQL.replace("AUTH.RESOURCE_ID_ = D.KEY_", "AUTH.RESOURCE_ID_ = lower(D.KEY_)"),
				PARAMETERS)).isEmpty();
	}

	@SafeVarargs
	private static List<String> concat(List<String>... parts) {
		return java.util.Arrays.stream(parts).flatMap(List::stream).toList();
	}
}
