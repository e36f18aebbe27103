package com.retentiondesk.inbound;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The inbound calls 10000 reported. */
public interface InboundCalls extends JpaRepository<InboundCall, Long> {

	Optional<InboundCall> findByServiceNoAndCalledAt(String serviceNo, LocalDateTime calledAt);

	List<InboundCall> findByCaseIdOrderByCalledAt(Long caseId);

	List<InboundCall> findByCustomerNoOrderByCalledAt(String customerNo);

	/** The case's front-desk calls not called back yet are called back now. */
	@Modifying
	@Query("update InboundCall c set c.calledBackAt = :at where c.caseId = :caseId and c.calledBackAt is null "
			+ "and c.takenBy = com.retentiondesk.inbound.InboundCall.TakenBy.FRONT_DESK")
	int calledBack(@Param("caseId") Long caseId, @Param("at") LocalDateTime at);
}
