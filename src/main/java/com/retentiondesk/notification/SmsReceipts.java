package com.retentiondesk.notification;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Component;

import com.retentiondesk.customer.Customer;
import com.retentiondesk.customer.Customers;

/**
 * Applies what the SMS centre reports, one event at a time on a thread of its own (the gateway's reader
 * thread only hands them over): a delivery receipt moves its part, and once every part is known the outbox
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
		Receipt receipt = new Receipt(delivered, state, errorCode, System.currentTimeMillis());
		worker.execute(() -> apply(smscMessageId, receipt));
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
			for (String id : ids) {
				Receipt early = unmatched.remove(id);
				if (early != null) {
					apply(id, early);
				}
			}
		});
	}

	/** Receipts and replies handed over and not applied yet (tests wait for zero). */
	int backlog() {
		return ((java.util.concurrent.ThreadPoolExecutor) worker).getQueue().size();
	}

	int unmatched() {
		return unmatched.size();
	}

	private void apply(String smscMessageId, Receipt receipt) {
		for (int attempt = 1;; attempt++) {
			try {
				Boolean matched = transaction.execute(status -> applyInTransaction(smscMessageId, receipt));
				if (!Boolean.TRUE.equals(matched)) {
					unmatched.put(smscMessageId, receipt);
				}
				return;
			} catch (ObjectOptimisticLockingFailureException e) {
				if (attempt == 3) {
					log.error("receipt of SMS part {} not applied: {}", smscMessageId, e.getMessage());
					return;
				}
			} catch (RuntimeException e) {
				log.error("receipt of SMS part {} not applied", smscMessageId, e);
				return;
			}
		}
	}

	private boolean applyInTransaction(String smscMessageId, Receipt receipt) {
		List<SmsPart> found = parts.findBySmscMessageId(smscMessageId).stream()
				.filter(p -> p.getStatus() == SmsPart.Status.SUBMITTED).toList();
		if (found.isEmpty()) {
			return false;
		}
		SmsPart part = found.get(found.size() - 1);
		part.receipt(receipt.delivered(), receipt.errorCode());
		parts.save(part);
		List<SmsPart> all = parts.findByOutboxIdOrderByPartNo(part.getOutboxId());
		SmsPart failed = all.stream().filter(p -> p.getStatus() == SmsPart.Status.FAILED).findFirst().orElse(null);
		boolean allDelivered = all.stream().allMatch(p -> p.getStatus() == SmsPart.Status.DELIVERED);
		if (failed == null && !allDelivered) {
			return true;
		}
		OutboxMessage message = outbox.findById(part.getOutboxId()).orElseThrow();
		LocalDateTime now = LocalDateTime.now(clock);
		OutboxMessage.Status outcome = failed == null ? OutboxMessage.Status.DELIVERED : OutboxMessage.Status.FAILED;
		String error = failed == null ? null : errorOf(failed, receipt);
		if (message.settle(outcome, error, now)) {
			outbox.save(message);
			smsLog.record(message, outcome, now);
			log.info("SMS {} {} ({})", message.getMessageKey(), outcome, receipt.state());
		}
		return true;
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
