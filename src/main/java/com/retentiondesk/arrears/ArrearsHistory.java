package com.retentiondesk.arrears;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Set;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

import com.retentiondesk.casework.RetentionCase;

/** What earlier arrears cases of some customers say about opening a new one. */
interface ArrearsHistory extends Repository<RetentionCase, Long> {

	/**
	 * Of these customers, those whose arrears case ended unpaid or suspended after {@code since} with no
	 * payment since it ended: no new case for them yet (a case that just ended does not reopen the next
	 * morning without a new reason).
	 */
	@Query("""
			select r.customerNo from RetentionCase r
			where r.caseType = com.retentiondesk.casework.CaseType.ARREARS_REMINDER and r.openFlag is null
			  and r.outcome in (com.retentiondesk.casework.CaseOutcome.UNPAID, com.retentiondesk.casework.CaseOutcome.SUSPENDED)
			  and r.closedAt > :since and r.customerNo in :customerNos
			  and not exists (select p from Payment p where p.customerNo = r.customerNo and p.paidAt > r.closedAt)""")
	Set<String> findResting(@Param("customerNos") Collection<String> customerNos, @Param("since") LocalDateTime since);
}
