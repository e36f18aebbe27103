package com.retentiondesk.notification;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** The submitted parts of outbox SMS. */
interface SmsParts extends JpaRepository<SmsPart, Long> {

	List<SmsPart> findBySmscMessageId(String smscMessageId);

	List<SmsPart> findByOutboxIdOrderByPartNo(Long outboxId);
}
