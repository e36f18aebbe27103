package com.retentiondesk.upgrade;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Set;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

import com.retentiondesk.casework.RetentionCase;

/** What earlier upgrade cases of some customers say about dispatching them again. */
interface UpgradeHistory extends Repository<RetentionCase, Long> {

	/** Of these customers, those dispatched in the campaign already (whatever became of the case). */
	@Query("""
			select r.customerNo from RetentionCase r
			where r.caseType = com.retentiondesk.casework.CaseType.PHS_UPGRADE and r.campaign = :campaign
			  and r.customerNo in :customerNos""")
	Set<String> findDispatchedIn(@Param("campaign") String campaign, @Param("customerNos") Collection<String> customerNos);

	/**
	 * Of these customers, those whose upgrade case ended declined after {@code since}: no new case for
	 * them yet, in whatever campaign (a customer who just said no is not called again the next week).
	 */
	@Query("""
			select r.customerNo from RetentionCase r
			where r.caseType = com.retentiondesk.casework.CaseType.PHS_UPGRADE and r.openFlag is null
			  and r.outcome = com.retentiondesk.casework.CaseOutcome.DECLINED
			  and r.closedAt > :since and r.customerNo in :customerNos""")
	Set<String> findDeclinedSince(@Param("customerNos") Collection<String> customerNos, @Param("since") LocalDateTime since);
}
