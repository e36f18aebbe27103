package com.retentiondesk.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bulk SMS (the care greetings of issue 27: weekend, holiday, weather) sent <em>at most once</em> per message
 * key, with each message's one line in the customer's contact log, also when the node dies in the middle.
 * <p>
 * A chunk is queued in one transaction (one outbox row per key; a key queued before, by an earlier run of the
 * same batch, is not queued again). Each message is then claimed right before it goes to the gateway
 * (PENDING to SENDING, its own short commit) and marked SENT with its contact-log line in one transaction
 * right after the gateway took it. A retry after a crash therefore skips every message that is SENT, and one
 * that is still SENDING (the node died between the claim and the mark: it may have gone out) becomes UNKNOWN
 * with its contact-log line instead of going out a second time. Unlike {@link Notifications#sendSms}, which
 * may send again in that window, a customer never gets a greeting twice here; at most one message per crash
 * (the one in the gateway's hands) is left UNKNOWN.
 * <p>
 * Plain JDBC, few statements per message: a batch of 10,000 greetings must go out in minutes, not hours.
 */
@Service
public class SmsBatchSender {

	private static final Logger log = LoggerFactory.getLogger(SmsBatchSender.class);

	private final JdbcTemplate jdbc;
	private final NamedParameterJdbcTemplate named;
	private final SmsGateway gateway;
	private final SmsParts parts;
	private final SmsReceipts receipts;
	private final TransactionTemplate ownTransaction;
	private final Clock clock;

	SmsBatchSender(JdbcTemplate jdbc, SmsGateway gateway, SmsParts parts, SmsReceipts receipts,
			PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
		this.gateway = gateway;
		this.parts = parts;
		this.receipts = receipts;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/** What became of a chunk: each key's status after this run, in the order given. */
	public record Outcome(Map<String, OutboxMessage.Status> statuses, int sentNow) {
		public long count(OutboxMessage.Status status) {
			return statuses.values().stream().filter(status::equals).count();
		}
	}

	/**
	 * Queues and sends the chunk's messages (every one of category CARE or MARKETING: opted-out customers get
	 * none), each at most once. A gateway that is down throws after the rest of the chunk was tried, so the
	 * job retries; the messages it could not take stay PENDING and go out then.
	 */
	public Outcome send(List<Notifications.SmsRequest> chunk) {
		if (chunk.isEmpty()) {
			return new Outcome(Map.of(), 0);
		}
		for (Notifications.SmsRequest request : chunk) {
			if (!request.category().honoursOptOut()) {
				throw new IllegalArgumentException("bulk SMS are care or marketing messages, not " + request.category());
			}
		}
		Map<String, Notifications.SmsRequest> byKey = new LinkedHashMap<>();
		chunk.forEach(r -> byKey.put(r.key(), r));
		queue(byKey);
		Map<String, Row> rows = read(byKey.keySet());
		Map<String, OutboxMessage.Status> statuses = new LinkedHashMap<>();
		int sent = 0;
		RuntimeException failed = null;
		for (Notifications.SmsRequest request : byKey.values()) {
			Row row = rows.get(request.key());
			OutboxMessage.Status status;
			try {
				status = deliver(row);
			} catch (RuntimeException e) {
				failed = failed == null ? e : failed;
				status = OutboxMessage.Status.PENDING;
			}
			if (status == OutboxMessage.Status.SENT && !OutboxMessage.Status.SENT.name().equals(row.status)) {
				sent++;
			}
			statuses.put(request.key(), status);
		}
		if (failed != null) {
			throw new Notifications.DeliveryFailedException("bulk SMS: the gateway did not take every message of the "
					+ "chunk (the rest went out): " + failed.getMessage(), failed);
		}
		return new Outcome(Collections.unmodifiableMap(statuses), sent);
	}

	private void queue(Map<String, Notifications.SmsRequest> byKey) {
		LocalDateTime now = LocalDateTime.now(clock);
		try {
			ownTransaction.executeWithoutResult(tx -> {
				List<String> existing = named.queryForList(
						"select message_key from outbox_message where message_key in (:keys)",
						new MapSqlParameterSource("keys", byKey.keySet()), String.class);
				List<Object[]> rows = new ArrayList<>();
				for (Notifications.SmsRequest r : byKey.values()) {
					if (!existing.contains(r.key())) {
						rows.add(new Object[] { r.key(), r.phoneNumber(), r.label(), r.category().textOf(r.text()),
								Timestamp.valueOf(now), r.category().name(), r.customerNo(), r.caseId() });
					}
				}
				jdbc.batchUpdate("insert into outbox_message (message_key, channel, recipient, subject, body, status, "
						+ "attempts, created_at, category, customer_no, case_id, version) "
						+ "values (?, 'SMS', ?, ?, ?, 'PENDING', 0, ?, ?, ?, ?, 0)", rows);
			});
		} catch (DuplicateKeyException raced) {
			// another node queues the same batch at this moment: its rows are ours, and the claims below decide
			log.info("bulk SMS: part of a chunk was queued concurrently by another node");
		}
	}

	private record Row(long id, String key, String status, String customerNo, Long caseId, String recipient,
			String label, String body, boolean optedOut) {
	}

	private Map<String, Row> read(java.util.Collection<String> keys) {
		Map<String, Row> rows = new HashMap<>();
		named.query("select o.id, o.message_key, o.status, o.customer_no, o.case_id, o.recipient, o.subject, o.body, "
				+ "c.sms_opt_out_at from outbox_message o left join customer c on c.customer_no = o.customer_no "
				+ "where o.message_key in (:keys)", new MapSqlParameterSource("keys", keys), rs -> {
					long caseNo = rs.getLong("case_id");
					Long caseId = rs.wasNull() ? null : caseNo;
					Row row = new Row(rs.getLong("id"), rs.getString("message_key"), rs.getString("status"),
							rs.getString("customer_no"), caseId, rs.getString("recipient"),
							rs.getString("subject"), rs.getString("body"), rs.getTimestamp("sms_opt_out_at") != null);
					rows.put(row.key(), row);
				});
		return rows;
	}

	private OutboxMessage.Status deliver(Row row) {
		OutboxMessage.Status status = OutboxMessage.Status.valueOf(row.status());
		if (status == OutboxMessage.Status.SENDING) {
			// claimed by a run that died before it knew the gateway's answer: it may have gone out
			settle(row, OutboxMessage.Status.SENDING, OutboxMessage.Status.UNKNOWN, null,
					"发送结果未知(提交时节点中断,不重发)");
			return OutboxMessage.Status.UNKNOWN;
		}
		if (status != OutboxMessage.Status.PENDING) {
			return status;
		}
		if (row.optedOut()) {
			settle(row, OutboxMessage.Status.PENDING, OutboxMessage.Status.OPTED_OUT, null, null);
			return OutboxMessage.Status.OPTED_OUT;
		}
		// the claim: from here on, this message is never submitted again
		// committed on its own before the submit (the caller's transaction, e.g. an engine job's, commits later)
		Integer claimed = ownTransaction.execute(tx -> jdbc.update("update outbox_message set status = 'SENDING', "
				+ "attempts = attempts + 1, version = version + 1 where id = ? and status = 'PENDING'", row.id()));
		if (claimed == null || claimed == 0) {
			return OutboxMessage.Status.valueOf(jdbc.queryForObject(
					"select status from outbox_message where id = ?", String.class, row.id()));
		}
		SmsGateway.Submitted submitted;
		try {
			submitted = gateway.submit(row.recipient(), row.body());
		} catch (SmsGateway.OutcomeUnknownException e) {
			settle(row, OutboxMessage.Status.SENDING, OutboxMessage.Status.UNKNOWN, null, null);
			return OutboxMessage.Status.UNKNOWN;
		} catch (SmsGateway.RefusedException e) {
			settle(row, OutboxMessage.Status.SENDING, OutboxMessage.Status.FAILED, e.code(), null);
			return OutboxMessage.Status.FAILED;
		} catch (RuntimeException e) {
			// not taken: back to PENDING, the job's retry sends it
			String error = e.getMessage() == null ? e.toString() : e.getMessage();
			ownTransaction.executeWithoutResult(tx -> jdbc.update("update outbox_message set status = 'PENDING', "
					+ "last_error = ?, version = version + 1 where id = ? and status = 'SENDING'",
					error.substring(0, Math.min(error.length(), 1000)), row.id()));
			throw e;
		}
		LocalDateTime now = LocalDateTime.now(clock);
		List<String> ids = submitted.partIds();
		ownTransaction.executeWithoutResult(tx -> {
			int marked = jdbc.update("update outbox_message set status = 'SENT', sent_at = ?, parts = ?, gateway = ?, "
					+ "last_error = null, version = version + 1 where id = ? and status = 'SENDING'", Timestamp.valueOf(now),
					ids.size(), submitted.gateway(), row.id());
			if (marked == 0) {
				// a second run of the batch (a job that outlived its lock) took it for a crashed claim and settled it
				// UNKNOWN with its contact line meanwhile: that line stays the only one
				log.warn("bulk SMS {} was settled by another run while the gateway took it; left as it is", row.key());
				return;
			}
			if (submitted.receiptsFollow()) {
				for (int i = 0; i < ids.size(); i++) {
					parts.save(new SmsPart(row.id(), i + 1, ids.get(i)));
				}
			}
			contactLine(row, OutboxMessage.Status.SENT, now, row.label());
		});
		if (submitted.receiptsFollow()) {
			receipts.submitted(ids);
		}
		return OutboxMessage.Status.SENT;
	}

	private void settle(Row row, OutboxMessage.Status from, OutboxMessage.Status outcome, String error, String why) {
		LocalDateTime now = LocalDateTime.now(clock);
		ownTransaction.executeWithoutResult(tx -> {
			int changed = jdbc.update("update outbox_message set status = ?, smsc_error = ?, settled_at = ?, "
					+ "version = version + 1 where id = ? and status = ?", outcome.name(), error, Timestamp.valueOf(now),
					row.id(), from.name());
			if (changed == 1) {
				contactLine(row, outcome, now, row.label() + ": " + (why == null ? outcome.label() : why)
						+ (error == null ? "" : " (短信中心错误码 " + error + ")"));
			}
		});
	}

	private void contactLine(Row row, OutboxMessage.Status status, LocalDateTime at, String notes) {
		if (row.customerNo() == null) {
			return;
		}
		jdbc.update("insert into contact_attempt (customer_no, case_id, task_id, manager_id, attempted_at, channel, "
				+ "outcome, notes) values (?, ?, null, ?, ?, 'SMS', ?, ?)", row.customerNo(), row.caseId(),
				SmsContactLog.SYSTEM, Timestamp.valueOf(at), status.name(), notes);
	}
}
