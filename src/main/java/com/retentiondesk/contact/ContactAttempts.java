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

	/** The contact a call task recorded (at most one: the task id is unique). */
	java.util.Optional<ContactAttempt> findByTaskId(String taskId);

	/** A customer's last contacts, newest first. */
	List<ContactAttempt> findByCustomerNoOrderByAttemptedAtDesc(String customerNo, org.springframework.data.domain.Limit limit);
}
