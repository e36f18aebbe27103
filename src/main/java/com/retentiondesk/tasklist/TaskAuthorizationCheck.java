package com.retentiondesk.tasklist;

import java.util.List;

import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps Tasklist fast with authorization on: the same access rule, checked per task instead of joined.
 * <p>
 * The engine grants every task to its candidate group and assignee with one authorization row per task.
 * Its task query checks access by joining all of the user's grants (one row per open task of the team:
 * tens of thousands) to the tasks on {@code RESOURCE_ID_ in (task id, process key, '*')}; MariaDB runs
 * that join as a block-nested loop over both sets, so a team page takes seconds from a few thousand open
 * tasks on (docs/tasklist-at-volume.md has the figures). This plugin rewrites that one part of the task
 * query statements (list and count), of the variable query that fetches the columns a Tasklist filter
 * shows and of the filter query behind Tasklist's list of filters, into one EXISTS sub-query per resource
 * id of the join, with the very same conditions: the
 * task's own grant (an index lookup by {@code RESOURCE_ID_}), the process-definition grants (the same for
 * every task of a definition, which MariaDB caches), the global grants ({@code '*'}, evaluated once per
 * statement), and for variables the process instance's. One EXISTS with {@code RESOURCE_ID_ IN (...)}
 * made MariaDB materialize every grant of the user instead.
 * <p>
 * Nothing else in the statement changes; its bind parameters are reordered (and the grant conditions'
 * parameters repeated) to follow the new text. A statement of another shape, for example with the
 * revoke check that the engine switches on once REVOKE authorizations exist, is left as the engine
 * wrote it: still correct, just slower.
 * <p>
 * {@code desk.tasklist.rewrite-enabled=false} leaves every statement as the engine wrote it (the stock
 * path: correct, but seconds per Tasklist page from a few thousand open tasks on); the benchmark switches
 * it at run time with {@link #setRewriting} to time the stock path on the same rows.
 */
@Component
public class TaskAuthorizationCheck extends AbstractProcessEnginePlugin {

	private static final Logger log = LoggerFactory.getLogger(TaskAuthorizationCheck.class);

	private final TaskTally tally;
	private volatile boolean rewriting;

	TaskAuthorizationCheck(TaskTally tally, @Value("${desk.tasklist.rewrite-enabled:true}") boolean enabled) {
		this.tally = tally;
		this.rewriting = enabled;
	}

	/** Turns the rewrite (and the counts it answers from the tally) on or off, at once for every statement. */
	public void setRewriting(boolean on) {
		rewriting = on;
	}

	/** Whether statements are rewritten now. */
	public boolean isRewriting() {
		return rewriting;
	}

	@Override
	public void postProcessEngineBuild(ProcessEngine engine) {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
				.getProcessEngineConfiguration();
		Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
		if (mybatis.getInterceptors().stream().noneMatch(RewritingInterceptor.class::isInstance)) {
			boolean mysql = List.of("mysql", "mariadb").contains(configuration.getDatabaseType());
			mybatis.addInterceptor(new RewritingInterceptor(tally, new TallySums(tally.zone()), this::isRewriting, mysql));
			if (rewriting) {
				log.info("task queries check authorizations per task (EXISTS) instead of joining all grants");
			} else {
				log.warn("desk.tasklist.rewrite-enabled=false: task queries run as the engine writes them (seconds per "
						+ "Tasklist page from a few thousand open tasks on)");
			}
		}
	}

	/** Task queries rewritten since start (the benchmark prints it; tests watch it). */
	public static long rewrites() {
		return RewritingInterceptor.REWRITES.get();
	}

	/** Team pages that started at the first due date, the tally having found no task of their groups without one. */
	public static long datedPages() {
		return RewritingInterceptor.DATED_PAGES.get();
	}

	/** Pages sorted by due date and then by Tasklist's sorting, read within the due date of their last task. */
	public static long boundedPages() {
		return RewritingInterceptor.BOUNDED_PAGES.get();
	}
}
