package com.retentiondesk.winback;

import java.util.List;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

import com.retentiondesk.casework.CaseOutcome;
import com.retentiondesk.casework.RetentionCase;

/** What earlier win-back cases of a customer say about opening a new one. */
interface WinbackHistory extends Repository<RetentionCase, Long> {

	/**
	 * How the customer's win-back cases that ended lost or expired with neither a payment nor a
	 * reactivation since ended: while there is one, the line's stop has been worked.
	 */
	@Query("""
			select r.outcome from RetentionCase r
			where r.caseType = com.retentiondesk.casework.CaseType.SUSPENDED_WINBACK and r.openFlag is null
			  and r.customerNo = :customerNo
			  and r.outcome in (com.retentiondesk.casework.CaseOutcome.LOST, com.retentiondesk.casework.CaseOutcome.EXPIRED)
			  and not exists (select p from Payment p where p.customerNo = r.customerNo and p.paidAt > r.closedAt)
			  and not exists (select e from LineEvent e where e.customerNo = r.customerNo
			    and e.kind = com.retentiondesk.billing.LineEvent.Kind.REACTIVATED and e.occurredAt > r.closedAt)""")
	List<CaseOutcome> findWorkedStops(@Param("customerNo") String customerNo);
}
