package com.retentiondesk.contact;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** The contact log of all customers. */
public interface ContactAttempts extends JpaRepository<ContactAttempt, Long> {

	List<ContactAttempt> findTop5ByCustomerNoOrderByAttemptedAtDesc(String customerNo);

	List<ContactAttempt> findByCaseIdOrderByAttemptedAt(Long caseId);

	boolean existsByTaskId(String taskId);
}
