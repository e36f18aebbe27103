package com.retentiondesk.tasklist;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ParameterMapping;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.reflection.DefaultReflectorFactory;
import org.apache.ibatis.reflection.MetaObject;
import org.apache.ibatis.reflection.ReflectorFactory;
import org.apache.ibatis.reflection.SystemMetaObject;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.type.JdbcType;
import org.apache.ibatis.type.TypeHandler;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.retentiondesk.web.DeskGroups;

/**
 * The MyBatis interceptor that puts {@link GrantCheckRewrite}'s statements in place of the engine's, for
 * the task, variable and filter queries only, and answers the counts whose grant check the question
 * implies without it (from {@link TallySums} where it can).
 */
@Intercepts(@Signature(type = StatementHandler.class, method = "prepare", args = { Connection.class, Integer.class }))
final class RewritingInterceptor implements Interceptor {

	private static final Logger log = LoggerFactory.getLogger(RewritingInterceptor.class);
	/** Reflectors of the classes {@link #meta} looks into, made once per class (see there). */
	private static final ReflectorFactory REFLECTORS = new DefaultReflectorFactory();
	/** Task queries rewritten since start (for tests and the benchmark). */
	static final AtomicLong REWRITES = new AtomicLong();
	/** Counts answered without the per-task grant check, from the database (for tests and the benchmark). */
	static final AtomicLong IMPLIED_COUNTS = new AtomicLong();
	/** Pages that started at the first due date, the tally having found no task without one (for tests). */
	static final AtomicLong DATED_PAGES = new AtomicLong();
	/** Pages of the escalations' pattern read as one page per key ({@link KeyPage}; for tests and the benchmark). */
	static final AtomicLong KEY_PAGES = new AtomicLong();
	/** The largest page (offset and limit) read as pages per key or within a due date; Tasklist asks for 15 at a time. */
	static final int MAX_PAGE = 1_000;
	/** Pages sorted by due date and more, read within the due date of their last task ({@link BoundedPage}). */
	static final AtomicLong BOUNDED_PAGES = new AtomicLong();
	private static final String PAGE_BOUND = "deskPageBound";
	private static final String KEY_PAGE_KEY = "deskKeyPageKey";
	private static final String KEY_PAGE_LIMIT = "deskKeyPageLimit";
	/** Statements whose "active" condition was dropped, no task being suspended ({@link ActiveTerm}; for tests). */
	static final AtomicLong ACTIVE_DROPPED = new AtomicLong();
	/** The statements rewritten: task, variable and filter queries, each list and count. */
	private static final List<String> STATEMENTS = List.of(
			"org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskByQueryCriteria",
			"org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskCountByQueryCriteria",
			// the variables Tasklist shows in a filter's list (customer, number, star level)
			"org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity.selectVariableInstanceByQueryCriteria",
			"org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity.selectVariableInstanceCountByQueryCriteria",
			// Tasklist's list of filters (with every page load and refresh): the same join of all of the
			// user's grants
			"org.camunda.bpm.engine.impl.persistence.entity.FilterEntity.selectFilterByQueryCriteria",
			"org.camunda.bpm.engine.impl.persistence.entity.FilterEntity.selectFilterCountByQueryCriteria");

	private final TaskTally tally;
	private final TallySums sums;
	private final BooleanSupplier rewriting;
	/** Whether the database takes MySQL's index hints (see {@link DuePage#keyRangeFirst}). */
	private final boolean indexHints;

	RewritingInterceptor(TaskTally tally, TallySums sums, BooleanSupplier rewriting, boolean indexHints) {
		this.tally = tally;
		this.sums = sums;
		this.rewriting = rewriting;
		this.indexHints = indexHints;
	}

	@Override
	public Object intercept(Invocation invocation) throws Throwable {
		StatementHandler handler = (StatementHandler) invocation.getTarget();
		// every statement of the engine passes here: a look at the text first, since reading the
		// statement's id by reflection showed in the CPU profile of the scan and the timer jobs
		if (handler.getBoundSql().getSql().indexOf("AUTH") < 0 || !rewriting.getAsBoolean()) {
			return invocation.proceed();
		}
		MetaObject meta = meta(handler);
		if (meta.hasGetter("delegate.mappedStatement")) {
			MappedStatement statement = (MappedStatement) meta.getValue("delegate.mappedStatement");
			if (STATEMENTS.contains(statement.getId())) {
				BoundSql bound = handler.getBoundSql();
				Connection connection = (Connection) invocation.getArgs()[0];
				String sql = bound.getSql();
				ActiveTerm active = ActiveTerm.of(sql);
				if (active != ActiveTerm.NONE && !exists(connection, active.anySuspended())) {
					sql = active.without();
					ACTIVE_DROPPED.incrementAndGet();
				}
				Optional<Rewritten<ParameterMapping>> rewritten = GrantCheckRewrite.rewriteCached(sql, bound.getParameterMappings());
				if (rewritten.isPresent()) {
					MetaObject boundMeta = meta(bound);
					REWRITES.incrementAndGet();
					Optional<Rewritten<ParameterMapping>> implied = rewritten.get().count() == null ? Optional.empty()
							: impliedCount(rewritten.get(), bound, statement.getConfiguration());
					Rewritten<ParameterMapping> chosen = implied.isPresent() ? implied.get()
							: page(rewritten.get(), bound, connection, statement.getConfiguration());
					boundMeta.setValue("sql", chosen.sql());
					// a new list: the statement's own list may be shared with other executions
					boundMeta.setValue("parameterMappings", new ArrayList<ParameterMapping>(chosen.parameters()));
				} else if (bound.getSql().contains("AUTH ON") && log.isDebugEnabled()) {
					log.debug("{} left as the engine wrote it: {}", statement.getId(), bound.getSql());
				}
			}
		}
		return invocation.proceed();
	}

	/**
	 * A count answered without the per-task grant check where the question implies it: the engine grants
	 * a task to each of its candidate groups when it adds the group, and to its assignee when it assigns
	 * it, and the desk does not take those grants back. So every task with a candidate link to one of the
	 * asking user's own groups, and every task assigned to the user, is readable by the user; the count
	 * of such tasks needs no check per task (thousands of index look-ups at volume). A team
	 * count in its plain form is answered by {@link TaskTally} without reading the tasks at all. A group
	 * the user is not in, or another user's name (the REST API lets a caller ask for any), keeps the
	 * check, as does a desk with REVOKE authorizations (the engine then writes a statement this rewrite
	 * leaves alone). Pages of tasks always keep the check.
	 */
	private Optional<Rewritten<ParameterMapping>> impliedCount(Rewritten<ParameterMapping> count, BoundSql bound,
			Configuration configuration) {
		CountPlan plan = count.count();
		CommandContext context = Context.getCommandContext();
		Authentication authentication = context == null ? null : context.getAuthentication();
		if (authentication == null || authentication.getUserId() == null) {
			return Optional.empty();
		}
		if (plan.assignee() >= 0) {
			if (!authentication.getUserId().equals(value(bound, count.parameters().get(plan.assignee())))) {
				return Optional.empty();
			}
		} else {
			List<String> own = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
			List<String> groups = new ArrayList<>();
			for (int i = 0; i < plan.groups(); i++) {
				if (!(value(bound, count.parameters().get(i)) instanceof String group) || !own.contains(group)) {
					return Optional.empty();
				}
				groups.add(group);
			}
			if (plan.tally() && tally != null && tally.isReady()) {
				Object due = plan.dueBefore() < 0 ? null : value(bound, count.parameters().get(plan.dueBefore()));
				Object keyLike = plan.taskKeyLike() < 0 ? null : value(bound, count.parameters().get(plan.taskKeyLike()));
				Optional<Rewritten<ParameterMapping>> tallied = sums.sum(groups, keyLike, plan.escape(), due, bound,
						configuration);
				if (tallied.isPresent()) {
					return tallied;
				}
			}
		}
		IMPLIED_COUNTS.incrementAndGet();
		return Optional.of(new Rewritten<>(plan.withoutGrants(), plan.kept().stream().map(count.parameters()::get).toList()));
	}

	/**
	 * A page sorted by due date, as {@link DuePage#of} allows: past the tasks without a due date
	 * when none of them is offered to the page's groups (asked of {@link TaskTally}: every open task is
	 * counted there under its groups and due day), and on MySQL/MariaDB read from the assignee's index (我的任务)
	 * or from the key's index for the escalations' pattern ({@link DeskGroups#ESCALATION_TASK_PREFIX}, a few
	 * tasks among many; any other pattern keeps the optimizer's choice). A page of the escalations' pattern, in any
	 * order, as one page per key ({@link KeyPage}). Other pages as rewritten.
	 */
	private Rewritten<ParameterMapping> page(Rewritten<ParameterMapping> page, BoundSql bound, Connection connection,
			Configuration configuration) throws SQLException {
		DuePage due = DuePage.of(page.sql());
		boolean dated = due.withDueDates() != null && allDue(due, page, bound, connection);
		boolean indexFirst = indexHints && (due.assignee() || due.keyMarker() >= 0
				&& escalations(value(bound, page.parameters().get(due.keyMarker()))));
		String sql = dated ? (indexFirst ? due.withDueDatesIndexFirst() : due.withDueDates())
				: indexFirst ? due.indexFirst() : page.sql();
		if (dated) {
			DATED_PAGES.incrementAndGet();
		}
		KeyPage keys = KeyPage.of(sql);
		if (keys != KeyPage.NONE && value(bound, page.parameters().get(keys.keyMarker())) instanceof String pattern
				&& escalations(pattern)) {
			Optional<Rewritten<ParameterMapping>> perKey = perKey(keys, pattern, page.parameters(), bound, connection,
					configuration);
			if (perKey.isPresent()) {
				return perKey.get();
			}
		}
		BoundedPage bounded = BoundedPage.of(sql);
		if (bounded != BoundedPage.NONE) {
			Optional<Rewritten<ParameterMapping>> within = bounded(bounded, page.parameters(), bound, connection, configuration);
			if (within.isPresent()) {
				return within.get();
			}
		}
		return new Rewritten<>(sql, page.parameters());
	}

	/**
	 * {@link BoundedPage#bounded} by the due date of the page's last task when sorted by due date alone (read
	 * on the page's connection), with its parameters; empty for a page of more than {@link #MAX_PAGE} rows,
	 * and when the page has no more tasks than it asks for (no bound then: its walk has read them all).
	 */
	private static Optional<Rewritten<ParameterMapping>> bounded(BoundedPage page, List<ParameterMapping> parameters,
			BoundSql bound, Connection connection, Configuration configuration) throws SQLException {
		int size = parameters.size();
		int end = pageEnd(parameters, bound);
		if (end < 0) {
			return Optional.empty();
		}
		java.sql.Timestamp last;
		try (PreparedStatement statement = connection.prepareStatement(page.boundQuery())) {
			for (int i = 0; i < size - 2; i++) {
				set(statement, i + 1, parameters.get(i), value(bound, parameters.get(i)), configuration);
			}
			statement.setInt(size - 1, end - 1);
			try (ResultSet rows = statement.executeQuery()) {
				if (!rows.next()) {
					return Optional.empty();
				}
				last = rows.getTimestamp(1);
			}
		}
		String sql = page.bounded(last != null);
		if (sql == null) {
			return Optional.empty();
		}
		List<ParameterMapping> within = new ArrayList<>(parameters);
		if (last != null) {
			bound.setAdditionalParameter(PAGE_BOUND, last);
			within.add(page.boundMarker(), new ParameterMapping.Builder(configuration, PAGE_BOUND, java.util.Date.class).build());
		}
		BOUNDED_PAGES.incrementAndGet();
		return Optional.of(new Rewritten<>(sql, within));
	}

	/**
	 * Offset plus limit of a page whose last two markers are its LIMIT and OFFSET (the engine's {@code LIMIT ?
	 * OFFSET ?}), or -1 for an empty page and for one of more than {@link #MAX_PAGE} rows (a whole list: nothing
	 * to stop early for).
	 */
	private static int pageEnd(List<ParameterMapping> parameters, BoundSql bound) {
		int size = parameters.size();
		if (!(value(bound, parameters.get(size - 2)) instanceof Integer limit)
				|| !(value(bound, parameters.get(size - 1)) instanceof Integer offset)
				|| limit <= 0 || offset < 0 || (long) limit + offset > MAX_PAGE) {
			return -1;
		}
		return limit + offset;
	}

	/** A parameter set as MyBatis sets it (its type handler; a null as the configuration says). */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static void set(PreparedStatement statement, int index, ParameterMapping mapping, Object value,
			Configuration configuration) throws SQLException {
		JdbcType jdbcType = mapping.getJdbcType();
		if (value == null && jdbcType == null) {
			jdbcType = configuration.getJdbcTypeForNull();
		}
		TypeHandler handler = mapping.getTypeHandler();
		handler.setParameter(statement, index, value, jdbcType);
	}

	private static boolean escalations(Object pattern) {
		return pattern instanceof String text && text.replace("\\", "").startsWith(DeskGroups.ESCALATION_TASK_PREFIX);
	}

	/**
	 * {@link KeyPage#perKey} for the keys that match the pattern now (read on the page's connection), with its
	 * parameters; empty for a page of more than {@link #MAX_PAGE} rows (a whole list: nothing to stop
	 * early for), and for a pattern of no key or of more than {@link KeyPage#MAX_KEYS}.
	 */
	private static Optional<Rewritten<ParameterMapping>> perKey(KeyPage page, String pattern, List<ParameterMapping> parameters,
			BoundSql bound, Connection connection, Configuration configuration) throws SQLException {
		int size = parameters.size();
		int end = pageEnd(parameters, bound);
		if (end < 0) {
			return Optional.empty();
		}
		List<String> keys = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(page.keysQuery())) {
			statement.setString(1, pattern);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					keys.add(rows.getString(1));
				}
			}
		}
		if (keys.isEmpty() || keys.size() > KeyPage.MAX_KEYS) {
			return Optional.empty();
		}
		bound.setAdditionalParameter(KEY_PAGE_LIMIT, end);
		ParameterMapping keyLimit = new ParameterMapping.Builder(configuration, KEY_PAGE_LIMIT, Integer.class).build();
		List<ParameterMapping> perKey = new ArrayList<>();
		for (int i = 0; i < keys.size(); i++) {
			String name = KEY_PAGE_KEY + i;
			bound.setAdditionalParameter(name, keys.get(i));
			perKey.addAll(parameters.subList(0, page.keyMarker()));
			perKey.add(new ParameterMapping.Builder(configuration, name, String.class).build());
			perKey.addAll(parameters.subList(page.keyMarker() + 1, size - 2));
			perKey.add(keyLimit);
		}
		perKey.addAll(parameters.subList(size - 2, size));
		KEY_PAGES.incrementAndGet();
		return Optional.of(new Rewritten<>(page.perKey(keys.size()), perKey));
	}

	/**
	 * Whether every open task offered to the page's groups has a due date, by the tally; false while the tally
	 * is not ready, and in a transaction that has itself opened, closed or re-dated tasks (its tally rows are
	 * written only as it commits).
	 */
	private boolean allDue(DuePage due, Rewritten<ParameterMapping> page, BoundSql bound,
			Connection connection) throws SQLException {
		if (due.groups() == 0 || tally == null || !tally.isReady() || TallyChanges.pending()) {
			return false;
		}
		List<String> groups = new ArrayList<>();
		for (int i = due.groupsFrom(); i < due.groupsFrom() + due.groups(); i++) {
			if (!(value(bound, page.parameters().get(i)) instanceof String group)) {
				return false;
			}
			groups.add(group);
		}
		return sums.withoutDueDate(groups, connection) == 0;
	}

	/** Whether a query of the desk's (no parameters) finds a row, on the statement's connection. */
	private static boolean exists(Connection connection, String query) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(query); ResultSet rows = statement.executeQuery()) {
			return rows.next();
		}
	}

	/**
	 * Reflection on one of MyBatis's objects through a shared, caching {@link ReflectorFactory}.
	 * {@link SystemMetaObject#forObject} makes a new factory, and so a new reflector of the object's class,
	 * on every call: for the engine's task query (hundreds of methods), once per bind parameter of a page.
	 * That was 18% of the desk's CPU on Tasklist's filter calls (JFR, 2026-12-05).
	 */
	private static MetaObject meta(Object object) {
		return MetaObject.forObject(object, SystemMetaObject.DEFAULT_OBJECT_FACTORY,
				SystemMetaObject.DEFAULT_OBJECT_WRAPPER_FACTORY, REFLECTORS);
	}

	/** A bind parameter's value, found as MyBatis finds it. */
	private static Object value(BoundSql bound, ParameterMapping mapping) {
		String property = mapping.getProperty();
		if (bound.hasAdditionalParameter(property)) {
			return bound.getAdditionalParameter(property);
		}
		Object parameter = bound.getParameterObject();
		return parameter == null ? null : meta(parameter).getValue(property);
	}
}
