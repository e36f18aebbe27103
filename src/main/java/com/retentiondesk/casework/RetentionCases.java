package com.retentiondesk.casework;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** All retention cases. */
public interface RetentionCases extends JpaRepository<RetentionCase, Long> {

	/** The open case of a customer and type, if any (at most one, by constraint). */
	Optional<RetentionCase> findByCustomerNoAndCaseTypeAndOpenFlag(String customerNo, CaseType type, Integer openFlag);

	default Optional<RetentionCase> findOpen(String customerNo, CaseType type) {
		return findByCustomerNoAndCaseTypeAndOpenFlag(customerNo, type, 1);
	}

	Optional<RetentionCase> findByProcessInstanceId(String processInstanceId);

	/** A customer's cases with this open flag (1: the open ones). */
	java.util.List<RetentionCase> findByCustomerNoAndOpenFlag(String customerNo, Integer openFlag);

	/** Which of these customers have an open case of the type. */
	@Query("select r.customerNo from RetentionCase r where r.caseType = :type and r.openFlag = 1 and r.customerNo in :customerNos")
	Set<String> findCustomersWithOpenCase(@Param("type") CaseType type, @Param("customerNos") Collection<String> customerNos);

	long countByCaseTypeAndOpenFlag(CaseType type, Integer openFlag);

	boolean existsByCustomerNoAndCaseTypeAndCampaign(String customerNo, CaseType type, String campaign);

	/** Which of these customers have had a case of the type about this usage month (open or closed). */
	@Query("select r.customerNo from RetentionCase r where r.caseType = :type and r.usageMonth = :month and r.customerNo in :customerNos")
	Set<String> findCustomersWithUsageCase(@Param("type") CaseType type, @Param("month") String month,
			@Param("customerNos") Collection<String> customerNos);

	boolean existsByCustomerNoAndCaseTypeAndUsageMonth(String customerNo, CaseType type, String usageMonth);
}
