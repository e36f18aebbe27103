package com.retentiondesk.notification;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** The outbox of e-mails and SMS. */
public interface Outbox extends JpaRepository<OutboxMessage, Long> {

	Optional<OutboxMessage> findByMessageKey(String messageKey);

	/** A customer's messages, newest first (GET /api/admin/sms). */
	List<OutboxMessage> findByCustomerNoAndChannelOrderByIdDesc(String customerNo, Channel channel);

	List<OutboxMessage> findByMessageKeyStartingWithAndStatusOrderById(String keyPrefix, OutboxMessage.Status status);
}
