package com.retentiondesk.expiry;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

import com.retentiondesk.contract.Agreement;

/** The agreements the expiry scan looks at. */
interface ExpiryCandidates extends Repository<Agreement, Long> {

	/**
	 * One page of agreements ending between {@code from} and {@code to} (inclusive) that no case has
	 * been about yet, in id order after {@code after} (keyset paging).
	 */
	@Query("""
			select a.id from Agreement a
			where a.id > :after and a.endDate between :from and :to
			  and not exists (select 1 from RetentionCase r where r.agreementId = a.id)
			order by a.id""")
	List<Long> findExpiryCandidates(@Param("after") long after, @Param("from") LocalDate from,
			@Param("to") LocalDate to, Limit limit);

	/** The agreements of these customers that an expiry case has been about (open or ended). */
	@Query("""
			select a from Agreement a
			where a.customerNo in :customerNos
			  and exists (select 1 from RetentionCase r where r.agreementId = a.id)""")
	List<Agreement> findWorked(@Param("customerNos") Collection<String> customerNos);
}
