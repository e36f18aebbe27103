package com.retentiondesk.contact;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** The contact log of all customers. */
public interface ContactAttempts extends JpaRepository<ContactAttempt, Long> {

	List<ContactAttempt> findTop5ByCustomerNoOrderByAttemptedAtDesc(String customerNo);

	/** The contacts of these customers, newest first (a scan reads a chunk's contact history in one query). */
	List<ContactAttempt> findByCustomerNoInOrderByAttemptedAtDesc(Collection<String> customerNos);

	List<ContactAttempt> findByCaseIdOrderByAttemptedAt(Long caseId);

	boolean existsByTaskId(String taskId);
}
