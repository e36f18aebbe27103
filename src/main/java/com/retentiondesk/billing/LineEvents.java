package com.retentiondesk.billing;

import java.time.LocalDateTime;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** Line events reported by billing. */
public interface LineEvents extends JpaRepository<LineEvent, Long> {

	boolean existsByCustomerNoAndKindAndOccurredAt(String customerNo, LineEvent.Kind kind, LocalDateTime occurredAt);

	List<LineEvent> findByCustomerNo(String customerNo);
}
