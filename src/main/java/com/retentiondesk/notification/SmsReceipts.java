package com.retentiondesk.notification;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Component;

import com.retentiondesk.customer.Customer;
import com.retentiondesk.customer.Customers;

/**
 * Applies what the SMS centre reports on a thread of its own (the gateway's reader thread only hands them
 * over; receipts that arrive together are applied together, up to {@link #BATCH} a transaction): a delivery receipt moves its part, and once every part is known the outbox
 * message, from SENT to DELIVERED or FAILED and writes the contact log; a reply TD / 退订 / T from a
 * customer's number opts them out of care and marketing SMS. A receipt can overtake the desk's own record
 * of the submit (the SMS centre answers the submit, then the receipt comes at once): it waits until the
 * submit is recorded ({@link #submitted}), at most {@link #UNMATCHED_KEPT_MINUTES} minutes.
 */
@Component
class SmsReceipts implements SmsEvents {

	private static final Logger log = LoggerFactory.getLogger(SmsReceipts.class);
	static final long UNMATCHED_KEPT_MINUTES = 10;

	private record Receipt(boolean delivered, String state, String errorCode, long receivedAtMillis) {
	}

	private record Pending(String smscMessageId, Receipt receipt) {
	}

	/** Receipts applied in one transaction at most. */
	static final int BATCH = 100;

	private final Outbox outbox;
	private final SmsParts parts;
	private final Customers customers;
	private final SmsContactLog smsLog;
	private final TransactionTemplate transaction;
	private final Clock clock;
	private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread thread = new Thread(r, "sms-receipts");
		thread.setDaemon(true);
		return thread;
	});
	private final ConcurrentLinkedQueue<Pending> receipts = new ConcurrentLinkedQueue<>();
	private final AtomicBoolean drainScheduled = new AtomicBoolean();
	/** Receipts whose part is not recorded yet, by the SMS centre's message id. */
	private final Map<String, Receipt> unmatched = new ConcurrentHashMap<>();

	SmsReceipts(Outbox outbox, SmsParts parts, Customers customers, SmsContactLog smsLog,
			PlatformTransactionManager transactions, Clock clock) {
		this.outbox = outbox;
		this.parts = parts;
		this.customers = customers;
		this.smsLog = smsLog;
		this.transaction = new TransactionTemplate(transactions);
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
		worker.scheduleWithFixedDelay(this::expireUnmatched, 1, 1, TimeUnit.MINUTES);
	}

	@Override
	public void receipt(String smscMessageId, boolean delivered, String state, String errorCode) {
		receipts.add(new Pending(smscMessageId, new Receipt(delivered, state, errorCode, System.currentTimeMillis())));
		if (drainScheduled.compareAndSet(false, true)) {
			worker.execute(this::drain);
		}
	}

	@Override
	public void reply(String fromNumber, String text) {
		worker.execute(() -> applyReply(fromNumber, text));
	}

	/** The parts of a submit are recorded: receipts that came first are applied now. */
	void submitted(Collection<String> smscMessageIds) {
		// on the worker: a receipt it is applying now either finds the part or is in unmatched by then
		List<String> ids = List.copyOf(smscMessageIds);
		worker.execute(() -> {
			List<Pending> early = new ArrayList<>();
			for (String id : ids) {
				Receipt receipt = unmatched.remove(id);
				if (receipt != null) {
					early.add(new Pending(id, receipt));
				}
			}
			if (!early.isEmpty()) {
				apply(early);
			}
		});
	}

	int unmatched() {
		return unmatched.size();
	}

	/** Applies the receipts that came, up to {@link #BATCH} in a transaction (one commit for a burst of them). */
	private void drain() {
		while (true) {
			List<Pending> batch = new ArrayList<>(BATCH);
			for (Pending next; batch.size() < BATCH && (next = receipts.poll()) != null;) {
				batch.add(next);
			}
			if (batch.isEmpty()) {
				drainScheduled.set(false);
				if (receipts.isEmpty() || !drainScheduled.compareAndSet(false, true)) {
					return;
				}
				continue;
			}
			apply(batch);
		}
	}

	private void apply(List<Pending> batch) {
		try {
			List<Pending> notFound = transaction.execute(status -> applyInTransaction(batch));
			notFound.forEach(p -> unmatched.put(p.smscMessageId(), p.receipt()));
		} catch (RuntimeException e) {
			if (batch.size() == 1) {
				log.error("receipt of SMS part {} not applied", batch.get(0).smscMessageId(), e);
				return;
			}
			// one bad receipt (or a concurrent change) must not cost the others theirs: one by one
			batch.forEach(p -> apply(List.of(p)));
		}
	}

	private List<Pending> applyInTransaction(List<Pending> batch) {
		List<Pending> notFound = new ArrayList<>();
		Map<Long, Receipt> touched = new LinkedHashMap<>();
		for (Pending pending : batch) {
			List<SmsPart> found = parts.findBySmscMessageId(pending.smscMessageId()).stream()
					.filter(p -> p.getStatus() == SmsPart.Status.SUBMITTED).toList();
			if (found.isEmpty()) {
				notFound.add(pending);
				continue;
			}
			SmsPart part = found.get(found.size() - 1);
			part.receipt(pending.receipt().delivered(), pending.receipt().errorCode());
			touched.put(part.getOutboxId(), pending.receipt());
		}
		LocalDateTime now = LocalDateTime.now(clock);
		for (Map.Entry<Long, Receipt> entry : touched.entrySet()) {
			List<SmsPart> all = parts.findByOutboxIdOrderByPartNo(entry.getKey());
			SmsPart failed = all.stream().filter(p -> p.getStatus() == SmsPart.Status.FAILED).findFirst().orElse(null);
			boolean allDelivered = all.stream().allMatch(p -> p.getStatus() == SmsPart.Status.DELIVERED);
			if (failed == null && !allDelivered) {
				continue;
			}
			OutboxMessage message = outbox.findById(entry.getKey()).orElseThrow();
			OutboxMessage.Status outcome = failed == null ? OutboxMessage.Status.DELIVERED : OutboxMessage.Status.FAILED;
			if (message.settle(outcome, failed == null ? null : errorOf(failed, entry.getValue()), now)) {
				smsLog.record(message, outcome, now);
				log.debug("SMS {} {} ({})", message.getMessageKey(), outcome, entry.getValue().state());
			}
		}
		return notFound;
	}

	private static String errorOf(SmsPart failed, Receipt receipt) {
		String error = failed.getSmscError() == null || failed.getSmscError().isBlank() ? receipt.state()
				: failed.getSmscError();
		return error == null ? null : error.substring(0, Math.min(16, error.length()));
	}

	private void applyReply(String fromNumber, String text) {
		if (!SmsText.isOptOut(text)) {
			log.info("SMS reply from {} is not an opt-out; kept in the log only: {}", fromNumber, text);
			return;
		}
		String number = normalised(fromNumber);
		try {
			transaction.executeWithoutResult(status -> {
				List<Customer> matching = customers.findByServiceNo(number);
				if (matching.isEmpty()) {
					log.warn("opt-out reply \"{}\" from {}, who is no customer of the desk", text, fromNumber);
				}
				LocalDateTime now = LocalDateTime.now(clock);
				for (Customer customer : matching) {
					if (!customer.isSmsOptedOut()) {
						customer.optOutOfSms(now, "短信回复“" + text.strip() + "”");
						customers.save(customer);
						smsLog.reply(customer, now, "OPTED_OUT", "客户短信回复“" + text.strip() + "”退订关怀及营销短信");
						log.info("customer {} opted out of care and marketing SMS (reply from {})",
								customer.getCustomerNo(), fromNumber);
					}
				}
			});
		} catch (RuntimeException e) {
			log.error("opt-out reply from {} not applied", fromNumber, e);
		}
	}

	/** The number as the desk stores it: without +86 / 86 / 0086 in front of a mobile number. */
	static String normalised(String number) {
		String digits = number == null ? "" : number.strip().replaceAll("[^0-9]", "");
		if (digits.length() == 13 && digits.startsWith("86")) {
			return digits.substring(2);
		}
		if (digits.length() == 15 && digits.startsWith("0086")) {
			return digits.substring(4);
		}
		return digits;
	}

	private void expireUnmatched() {
		long before = System.currentTimeMillis() - TimeUnit.MINUTES.toMillis(UNMATCHED_KEPT_MINUTES);
		unmatched.entrySet().removeIf(e -> {
			if (e.getValue().receivedAtMillis() < before) {
				log.warn("receipt of SMS part {} matched no submitted part; dropped", e.getKey());
				return true;
			}
			return false;
		});
	}

	@PreDestroy
	void stop() {
		worker.shutdownNow();
	}
}
