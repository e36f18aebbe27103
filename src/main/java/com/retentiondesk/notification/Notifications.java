package com.retentiondesk.notification;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends e-mail and SMS exactly once per message key, from engine jobs that may run more than once.
 * <p>
 * {@link #send} first queues the message in the outbox in a transaction of its own (a second queueing
 * of the same key finds the row), then delivers it unless it is marked sent, and marks it sent in a
 * transaction of its own right after the server accepted it. So a job that fails or is retried after
 * the message went out does not send it again; a failed delivery throws, the job retries and, once
 * its retries are used up, shows as an incident in Cockpit. (A crash between the server's acceptance
 * and the mark is the one window left: then the message may go out twice.)
 * <p>
 * SMS ({@link #sendSms}) go further: SENT when the SMS centre took every part, then DELIVERED or FAILED by
 * the delivery receipts ({@link SmsReceipts}); UNKNOWN, and never sent again, when the link dropped before
 * the SMS centre answered; FAILED at once when the SMS centre refused it for good; OPTED_OUT for a care or marketing message to a customer who replied TD. Each
 * outcome of a customer's SMS is written to their contact log.
 */
@Service
public class Notifications {

	private static final Logger log = LoggerFactory.getLogger(Notifications.class);

	private final Outbox outbox;
	private final JavaMailSender mail;
	private final SmsGateway sms;
	private final SmsParts parts;
	private final SmsContactLog smsLog;
	private final SmsReceipts receipts;
	private final TransactionTemplate ownTransaction;
	private final Clock clock;
	private final String from;

	Notifications(Outbox outbox, JavaMailSender mail, SmsGateway sms, SmsParts parts, SmsContactLog smsLog,
			SmsReceipts receipts, PlatformTransactionManager transactions, Clock clock,
			@Value("${desk.mail.from}") String from) {
		this.outbox = outbox;
		this.mail = mail;
		this.sms = sms;
		this.parts = parts;
		this.smsLog = smsLog;
		this.receipts = receipts;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
		this.from = from;
	}

	/**
	 * An SMS to a customer: {@code label} names it in the contact log ("第1次自动提醒短信"); care and marketing
	 * messages get the opt-out hint appended and are not sent to customers who opted out.
	 */
	public record SmsRequest(String key, SmsCategory category, String customerNo, Long caseId, String phoneNumber,
			String label, String text) {
	}

	/**
	 * Queues and delivers an SMS to a customer once, and writes the contact log: SENT when the SMS centre took
	 * it (its receipt adds DELIVERED or FAILED later), UNKNOWN when the link dropped before it answered (not
	 * sent again), OPTED_OUT when a care or marketing message was not sent. Returns the message's status.
	 */
	public OutboxMessage.Status sendSms(SmsRequest request) {
		queueSms(request);
		return deliver(request.key());
	}

	/** Queues an SMS to a customer, once per key, for {@link #deliverQueued} or {@link #sendSms}. */
	public void queueSms(SmsRequest request) {
		queueOnce(request.key(), () -> new OutboxMessage(request.key(), request.category(), request.customerNo(),
				request.caseId(), request.phoneNumber(), request.label(), request.text(), LocalDateTime.now(clock)));
	}

	/** A message's status: empty if none was ever queued under the key. */
	public Optional<OutboxMessage.Status> status(String key) {
		return outbox.findByMessageKey(key).map(OutboxMessage::getStatus);
	}

	/**
	 * Queues and delivers a message once; a message already sent under this key is left alone. The outbox row is
	 * committed first, on its own, so that the delivery's outcome is recorded even if the step then fails.
	 */
	public void send(String key, Channel channel, String recipient, String subject, String body) {
		queueOnce(key, () -> new OutboxMessage(key, channel, recipient, subject, body, LocalDateTime.now(clock)));
		deliver(key);
	}

	/**
	 * Delivers every message queued under keys that start with {@code keyPrefix} and not sent yet, oldest
	 * first; the first that fails throws (after the others were tried), so that the step retries, and the
	 * ones sent meanwhile are not sent again. Returns how many went out now.
	 */
	public int deliverQueued(String keyPrefix) {
		int sent = 0;
		DeliveryFailedException failed = null;
		for (OutboxMessage message : outbox.findByMessageKeyStartingWithAndStatusOrderById(keyPrefix,
				OutboxMessage.Status.PENDING)) {
			try {
				deliver(message.getMessageKey());
				sent++;
			} catch (DeliveryFailedException e) {
				failed = failed == null ? e : failed;
			}
		}
		if (failed != null) {
			throw failed;
		}
		return sent;
	}

	/**
	 * Queues a message, once per key, for a later step to deliver ({@link #deliverQueued}): a case records
	 * what it has to say in its own step and never waits on the mail server there.
	 */
	public void queue(String key, Channel channel, String recipient, String subject, String body) {
		// in the step's own transaction and connection (issue 32: a nested transaction held a second connection
		// for every escalation job): the message is queued if and only if the step commits; a step retried after
		// it committed finds its message, and two steps racing for one key fail one on the key's unique index,
		// which the engine retries like any failed job
		if (outbox.findByMessageKey(key).isEmpty()) {
			outbox.save(new OutboxMessage(key, channel, recipient, subject, body, LocalDateTime.now(clock)));
		}
	}

	private void queueOnce(String key, java.util.function.Supplier<OutboxMessage> message) {
		try {
			ownTransaction.executeWithoutResult(status -> {
				if (outbox.findByMessageKey(key).isEmpty()) {
					outbox.saveAndFlush(message.get());
				}
			});
		} catch (DataIntegrityViolationException raced) {
			// another node queued the same key a moment ago: the row exists, which is all we need
			log.debug("message {} was queued concurrently", key);
		}
	}

	private OutboxMessage.Status deliver(String key) {
		OutboxMessage message = outbox.findByMessageKey(key)
				.orElseThrow(() -> new IllegalStateException("message " + key + " is not in the outbox"));
		if (message.isSent()) {
			log.info("message {} was already {} at {}; not sending again", key, message.getStatus(), message.getSentAt());
			return message.getStatus();
		}
		if (message.getChannel() == Channel.SMS) {
			return deliverSms(message);
		}
		try {
			mail.send(toMime(message));
		} catch (MessagingException | RuntimeException e) {
			record(key, m -> m.markFailed(e.getMessage()));
			throw new DeliveryFailedException("could not send " + message.getChannel() + " " + key + " to "
					+ message.getRecipient() + ": " + e.getMessage(), e);
		}
		record(key, m -> m.markSent(LocalDateTime.now(clock)));
		log.info("sent {} {} to {}", message.getChannel(), key, message.getRecipient());
		return OutboxMessage.Status.SENT;
	}

	private OutboxMessage.Status deliverSms(OutboxMessage message) {
		String key = message.getMessageKey();
		if (message.getCategory().honoursOptOut() && smsLog.optedOut(message.getCustomerNo())) {
			settle(key, OutboxMessage.Status.OPTED_OUT, null);
			log.info("SMS {} not sent: customer {} opted out of {} messages", key, message.getCustomerNo(),
					message.getCategory());
			return OutboxMessage.Status.OPTED_OUT;
		}
		SmsGateway.Submitted submitted;
		try {
			submitted = sms.submit(message.getRecipient(), message.getBody());
		} catch (SmsGateway.OutcomeUnknownException e) {
			record(key, m -> m.markFailed(e.getMessage()));
			settle(key, OutboxMessage.Status.UNKNOWN, null);
			log.warn("SMS {} to {}: outcome unknown, not sending it again: {}", key, message.getRecipient(), e.getMessage());
			return OutboxMessage.Status.UNKNOWN;
		} catch (SmsGateway.RefusedException e) {
			record(key, m -> m.markFailed(e.getMessage()));
			settle(key, OutboxMessage.Status.FAILED, e.code());
			log.warn("SMS {} to {} refused by the SMS centre, not sent again: {}", key, message.getRecipient(),
					e.getMessage());
			return OutboxMessage.Status.FAILED;
		} catch (RuntimeException e) {
			record(key, m -> m.markFailed(e.getMessage()));
			throw new DeliveryFailedException("could not send SMS " + key + " to " + message.getRecipient() + ": "
					+ e.getMessage(), e);
		}
		LocalDateTime now = LocalDateTime.now(clock);
		List<String> ids = submitted.partIds();
		ownTransaction.executeWithoutResult(status -> outbox.findByMessageKey(key).ifPresent(m -> {
			m.markSubmitted(now, ids.size(), submitted.gateway());
			outbox.save(m);
			if (submitted.receiptsFollow()) {
				for (int i = 0; i < ids.size(); i++) {
					parts.save(new SmsPart(m.getId(), i + 1, ids.get(i)));
				}
			}
			smsLog.record(m, OutboxMessage.Status.SENT, now);
		}));
		log.info("sent SMS {} to {} in {} part(s) through {}", key, message.getRecipient(), ids.size(),
				submitted.gateway());
		if (submitted.receiptsFollow()) {
			receipts.submitted(ids);
		}
		return OutboxMessage.Status.SENT;
	}

	private void settle(String key, OutboxMessage.Status outcome, String error) {
		LocalDateTime now = LocalDateTime.now(clock);
		ownTransaction.executeWithoutResult(status -> outbox.findByMessageKey(key).ifPresent(m -> {
			if (m.settle(outcome, error, now)) {
				outbox.save(m);
				smsLog.record(m, outcome, now);
			}
		}));
	}

	private void record(String key, java.util.function.Consumer<OutboxMessage> change) {
		ownTransaction.executeWithoutResult(status -> outbox.findByMessageKey(key).ifPresent(m -> {
			change.accept(m);
			outbox.save(m);
		}));
	}

	private MimeMessage toMime(OutboxMessage message) throws MessagingException {
		MimeMessage mime = mail.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(mime, false, StandardCharsets.UTF_8.name());
		helper.setFrom(from);
		helper.setTo(message.getRecipient());
		helper.setSubject(message.getSubject() == null ? "" : message.getSubject());
		helper.setText(message.getBody(), false);
		return mime;
	}

	/** Delivery failed; the engine job that asked for it retries. */
	public static class DeliveryFailedException extends RuntimeException {
		DeliveryFailedException(String message, Throwable cause) {
			super(message, cause);
		}
	}
}
