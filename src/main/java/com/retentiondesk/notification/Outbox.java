package com.retentiondesk.notification;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** The outbox of e-mails and SMS. */
public interface Outbox extends JpaRepository<OutboxMessage, Long> {

	Optional<OutboxMessage> findByMessageKey(String messageKey);

	List<OutboxMessage> findByMessageKeyStartingWithAndStatusOrderById(String keyPrefix, OutboxMessage.Status status);
}
