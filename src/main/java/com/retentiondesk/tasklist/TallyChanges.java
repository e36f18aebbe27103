package com.retentiondesk.tasklist;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyChange;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.retentiondesk.tasklist.TallyRows.Key;

/** One transaction's changes: the sums per key, and what each task touched is counted as now. */
final class TallyChanges implements TransactionSynchronization {

	private static final Logger log = LoggerFactory.getLogger(TallyChanges.class);
	private static final String RESOURCE = TallyChanges.class.getName();

	private final DataSource dataSource;
	private final ZoneId zone;
	private final Runnable unkeyable;

	private final Map<Key, Long> deltas = new HashMap<>();
	private final Map<String, Key> counted = new HashMap<>();

	/** {@code unkeyable} is told of a task whose candidate groups do not fit a key. */
	private TallyChanges(DataSource dataSource, ZoneId zone, Runnable unkeyable) {
		this.dataSource = dataSource;
		this.zone = zone;
		this.unkeyable = unkeyable;
	}

	/** The changes of the current transaction, written just before it commits. */
	static TallyChanges of(DelegateTask task, DataSource dataSource, ZoneId zone, Runnable unkeyable) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			// the engine runs every command in a Spring transaction; should one not, reconcile() corrects it
			log.warn("task {} changed outside a Spring transaction: the task tally learns of it at the next reconcile",
					task.getId());
			return new TallyChanges(dataSource, zone, unkeyable);
		}
		TallyChanges changes = (TallyChanges) TransactionSynchronizationManager.getResource(RESOURCE);
		if (changes == null) {
			changes = new TallyChanges(dataSource, zone, unkeyable);
			TransactionSynchronizationManager.bindResource(RESOURCE, changes);
			TransactionSynchronizationManager.registerSynchronization(changes);
		}
		return changes;
	}

	/** Whether the current transaction has changed open tasks, whose rows the tally holds only once it commits. */
	static boolean pending() {
		return TransactionSynchronizationManager.hasResource(RESOURCE);
	}

	void created(DelegateTask task) {
		Key key = keyOf(task, task.getDueDate());
		if (key != null) {
			deltas.merge(key, 1L, Long::sum);
		}
		counted.put(task.getId(), key);
	}

	void ended(DelegateTask task) {
		Key key = counted.containsKey(task.getId()) ? counted.get(task.getId()) : keyOf(task, task.getDueDate());
		if (key != null) {
			deltas.merge(key, -1L, Long::sum);
		}
		counted.put(task.getId(), null);
	}

	/** A due date moved: the task leaves its old day for the new one. */
	void updated(DelegateTask task) {
		Key before;
		if (counted.containsKey(task.getId())) {
			before = counted.get(task.getId());
		} else {
			PropertyChange due = task instanceof TaskEntity entity ? entity.getPropertyChanges().get(TaskEntity.DUE_DATE) : null;
			if (due == null) {
				// a claim, an assignment, a priority: nothing the tally keeps, and no look-up of the
				// task's candidate links (a query for a task loaded in this command)
				return;
			}
			before = keyOf(task, (java.util.Date) due.getOrgValue());
		}
		Key now = keyOf(task, task.getDueDate());
		if (!Objects.equals(before, now)) {
			if (before != null) {
				deltas.merge(before, -1L, Long::sum);
			}
			if (now != null) {
				deltas.merge(now, 1L, Long::sum);
			}
		}
		counted.put(task.getId(), now);
	}

	private Key keyOf(DelegateTask task, java.util.Date due) {
		TreeSet<String> groups = new TreeSet<>();
		for (IdentityLink link : task.getCandidates()) {
			if (link.getGroupId() != null) {
				groups.add(link.getGroupId());
			}
		}
		if (groups.isEmpty()) {
			return null;
		}
		if (TallyRows.key(groups).length() > TallyRows.MAX_KEY) {
			// not tallied: counts go to the database until a reconcile finds no such task open
			unkeyable.run();
			return null;
		}
		String taskKey = task.getTaskDefinitionKey() == null ? "" : task.getTaskDefinitionKey();
		return new Key(TallyRows.key(groups), taskKey, due == null ? null : due.toInstant().atZone(zone).toLocalDate());
	}

	@Override
	public void beforeCommit(boolean readOnly) {
		deltas.values().removeIf(delta -> delta == 0);
		TallyRows.insert(new JdbcTemplate(dataSource), deltas);
		deltas.clear();
	}

	@Override
	public void afterCompletion(int status) {
		TransactionSynchronizationManager.unbindResourceIfPossible(RESOURCE);
	}
}
