package com.retentiondesk.notification;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
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
 */
@Service
public class Notifications {

	private static final Logger log = LoggerFactory.getLogger(Notifications.class);

	private final Outbox outbox;
	private final JavaMailSender mail;
	private final SmsGateway sms;
	private final TransactionTemplate ownTransaction;
	private final Clock clock;
	private final String from;

	Notifications(Outbox outbox, JavaMailSender mail, SmsGateway sms, PlatformTransactionManager transactions,
			Clock clock, @Value("${desk.mail.from}") String from) {
		this.outbox = outbox;
		this.mail = mail;
		this.sms = sms;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
		this.from = from;
	}

	/** Queues and delivers a message once; a message already sent under this key is left alone. */
	public void send(String key, Channel channel, String recipient, String subject, String body) {
		queue(key, channel, recipient, subject, body);
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

	/** Whether the message under this key went out: empty if none was ever queued. */
	public Optional<Boolean> sent(String key) {
		return outbox.findByMessageKey(key).map(OutboxMessage::isSent);
	}

	/**
	 * Queues a message, once per key, for a later step to deliver ({@link #deliverQueued}): a case records
	 * what it has to say in its own step and never waits on the mail server there.
	 */
	public void queue(String key, Channel channel, String recipient, String subject, String body) {
		try {
			ownTransaction.executeWithoutResult(status -> {
				if (outbox.findByMessageKey(key).isEmpty()) {
					outbox.saveAndFlush(
							new OutboxMessage(key, channel, recipient, subject, body, LocalDateTime.now(clock)));
				}
			});
		} catch (DataIntegrityViolationException raced) {
			// another node queued the same key a moment ago: the row exists, which is all we need
			log.debug("message {} was queued concurrently", key);
		}
	}

	private void deliver(String key) {
		OutboxMessage message = outbox.findByMessageKey(key)
				.orElseThrow(() -> new IllegalStateException("message " + key + " is not in the outbox"));
		if (message.isSent()) {
			log.info("message {} was already sent at {}; not sending again", key, message.getSentAt());
			return;
		}
		try {
			switch (message.getChannel()) {
				case EMAIL -> mail.send(toMime(message));
				case SMS -> sms.send(message.getRecipient(), message.getBody());
			}
		} catch (MessagingException | RuntimeException e) {
			record(key, m -> m.markFailed(e.getMessage()));
			throw new DeliveryFailedException("could not send " + message.getChannel() + " " + key + " to "
					+ message.getRecipient() + ": " + e.getMessage(), e);
		}
		record(key, m -> m.markSent(LocalDateTime.now(clock)));
		log.info("sent {} {} to {}", message.getChannel(), key, message.getRecipient());
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
