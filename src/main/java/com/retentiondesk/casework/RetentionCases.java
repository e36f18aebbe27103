package com.retentiondesk.casework;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** All retention cases. */
public interface RetentionCases extends JpaRepository<RetentionCase, Long> {

	/** The open case of a customer and type, if any (at most one, by constraint). */
	Optional<RetentionCase> findByCustomerNoAndCaseTypeAndOpenFlag(String customerNo, CaseType type, Integer openFlag);

	default Optional<RetentionCase> findOpen(String customerNo, CaseType type) {
		return findByCustomerNoAndCaseTypeAndOpenFlag(customerNo, type, 1);
	}

	Optional<RetentionCase> findByProcessInstanceId(String processInstanceId);
}
