package com.retentiondesk.care;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.retentiondesk.casework.Staff;

/**
 * The batches of care SMS and their recipients (tables care_batch, care_recipient): prepared once per batch key
 * in the caller's transaction (the preparing job's), trimmed or skipped by the managers, sent team by team.
 */
@Component
class CareBatches {

	/** A team's name for managers in no team (their customers still get the greeting, last). */
	static final String NO_TEAM = "~";
	/** How many of a manager's customers the confirm task lists by name. */
	static final int LISTED = 100;

	enum State {
		SELECTED, TRIMMED, SKIPPED, DONE
	}

	/** Who gets a batch: star customers (star level 1 or more) who did not opt out of SMS, optionally narrowed. */
	record Audience(boolean phsOnly, Collection<String> teams) {
		static Audience phsStarCustomers() {
			return new Audience(true, null);
		}

		static Audience starCustomers() {
			return new Audience(false, null);
		}

		static Audience starCustomersOf(Collection<String> teams) {
			return new Audience(false, teams);
		}
	}

	record Batch(long id, String key, CareKind kind, long templateId, String title) {
	}

	private final JdbcTemplate jdbc;
	private final NamedParameterJdbcTemplate named;
	private final Staff staff;
	private final Clock clock;
	private final TransactionTemplate ownTransaction;

	CareBatches(JdbcTemplate jdbc, Staff staff, Clock clock, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
		this.staff = staff;
		this.clock = clock;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * The batch with its recipients, in the caller's transaction; empty if a batch of this key exists already
	 * (the scan ran twice, or on two nodes: the unique key lets one of them commit).
	 */
	Optional<Batch> prepare(String key, CareKind kind, long templateId, String title, Audience audience) {
		if (find(key).isPresent()) {
			return Optional.empty();
		}
		jdbc.update("insert into care_batch (batch_key, kind, template_id, title, created_at) values (?, ?, ?, ?, ?)",
				key, kind.name(), templateId, title, Timestamp.valueOf(LocalDateTime.now(clock)));
		Batch batch = find(key).orElseThrow();
		Map<String, String> teamOfManager = new HashMap<>();
		List<Object[]> rows = new ArrayList<>();
		StringBuilder sql = new StringBuilder("select customer_no, manager_id, service_no from customer "
				+ "where star_level >= 1 and sms_opt_out_at is null");
		if (audience.phsOnly()) {
			sql.append(" and network = 'PHS'");
		}
		jdbc.query(sql + " order by customer_no", rs -> {
			String manager = rs.getString("manager_id");
			String team = teamOfManager.computeIfAbsent(manager, m -> staff.teamOf(m).orElse(NO_TEAM));
			if (audience.teams() == null || audience.teams().contains(team)) {
				rows.add(new Object[] { batch.id(), rs.getString("customer_no"), manager, team, rs.getString("service_no") });
			}
		});
		for (int from = 0; from < rows.size(); from += 1000) {
			jdbc.batchUpdate("insert into care_recipient (batch_id, customer_no, manager_id, team, phone, state) "
					+ "values (?, ?, ?, ?, ?, 'SELECTED')", rows.subList(from, Math.min(rows.size(), from + 1000)));
		}
		return Optional.of(batch);
	}

	Optional<Batch> find(String key) {
		return jdbc.query("select id, batch_key, kind, template_id, title from care_batch where batch_key = ?",
				(rs, n) -> new Batch(rs.getLong("id"), rs.getString("batch_key"), CareKind.valueOf(rs.getString("kind")),
						rs.getLong("template_id"), rs.getString("title")), key).stream().findFirst();
	}

	Batch get(long id) {
		return jdbc.queryForObject("select id, batch_key, kind, template_id, title from care_batch where id = ?",
				(rs, n) -> new Batch(rs.getLong("id"), rs.getString("batch_key"), CareKind.valueOf(rs.getString("kind")),
						rs.getLong("template_id"), rs.getString("title")), id);
	}

	int size(long batchId) {
		Integer n = jdbc.queryForObject("select count(*) from care_recipient where batch_id = ?", Integer.class, batchId);
		return n == null ? 0 : n;
	}

	/** The managers with customers in the batch, in order. */
	List<String> managers(long batchId) {
		return jdbc.queryForList("select distinct manager_id from care_recipient where batch_id = ? order by manager_id",
				String.class, batchId);
	}

	/** A manager's part of the batch as the confirm task shows it: how many, and the first ones by name. */
	String summary(long batchId, String managerId) {
		List<String> listed = jdbc.query("select r.customer_no, c.name, r.phone from care_recipient r "
				+ "join customer c on c.customer_no = r.customer_no where r.batch_id = ? and r.manager_id = ? "
				+ "order by r.customer_no", (rs, n) -> rs.getString("name") + "(" + rs.getString("customer_no") + ","
						+ rs.getString("phone") + ")", batchId, managerId);
		String names = String.join("、", listed.subList(0, Math.min(LISTED, listed.size())));
		return "共" + listed.size() + "位客户: " + names + (listed.size() > LISTED ? " 等" : "");
	}

	/**
	 * Takes customers out of a manager's part before the send.
	 *
	 * @return the customer numbers that are not in the manager's part (nothing is changed then)
	 */
	Set<String> notInBatch(long batchId, String managerId, Collection<String> customerNos) {
		if (customerNos.isEmpty()) {
			return Set.of();
		}
		Set<String> found = new LinkedHashSet<>(named.queryForList("select customer_no from care_recipient where "
				+ "batch_id = :batch and manager_id = :manager and customer_no in (:nos)", new MapSqlParameterSource()
						.addValue("batch", batchId).addValue("manager", managerId).addValue("nos", customerNos),
				String.class));
		Set<String> missing = new LinkedHashSet<>(customerNos);
		missing.removeAll(found);
		return missing;
	}

	void trim(long batchId, String managerId, Collection<String> customerNos) {
		if (customerNos.isEmpty()) {
			return;
		}
		named.update("update care_recipient set state = 'TRIMMED' where batch_id = :batch and manager_id = :manager "
				+ "and state = 'SELECTED' and customer_no in (:nos)", new MapSqlParameterSource().addValue("batch", batchId)
						.addValue("manager", managerId).addValue("nos", customerNos));
	}

	void skip(long batchId, String managerId) {
		jdbc.update("update care_recipient set state = 'SKIPPED' where batch_id = ? and manager_id = ? and state = 'SELECTED'",
				batchId, managerId);
	}

	/** The first team (by id) with customers still to send to. */
	Optional<String> nextTeam(long batchId) {
		return Optional.ofNullable(jdbc.queryForObject(
				"select min(team) from care_recipient where batch_id = ? and state = 'SELECTED'", String.class, batchId));
	}

	record Recipient(long id, String customerNo, String phone) {
	}

	List<Recipient> nextChunk(long batchId, String team, int size) {
		return jdbc.query("select id, customer_no, phone from care_recipient where batch_id = ? and state = 'SELECTED' "
				+ "and team = ? order by id limit " + size, (rs, n) -> new Recipient(rs.getLong("id"),
						rs.getString("customer_no"), rs.getString("phone")), batchId, team);
	}

	/** Marks a sent chunk DONE at once (its own commit: the progress shows while the team's job still runs). */
	void done(List<Recipient> chunk) {
		List<Long> ids = chunk.stream().map(Recipient::id).toList();
		ownTransaction.executeWithoutResult(tx -> named.update("update care_recipient set state = 'DONE' where id in (:ids)",
				new MapSqlParameterSource("ids", ids)));
	}

	void markSent(long batchId) {
		jdbc.update("update care_batch set sent_at = ? where id = ? and sent_at is null",
				Timestamp.valueOf(LocalDateTime.now(clock)), batchId);
	}

	/** Per state, how many recipients. */
	Map<String, Integer> counts(long batchId) {
		Map<String, Integer> counts = new HashMap<>();
		jdbc.query("select state, count(*) n from care_recipient where batch_id = ? group by state",
				rs -> {
					counts.put(rs.getString("state"), rs.getInt("n"));
				}, batchId);
		return counts;
	}
}
