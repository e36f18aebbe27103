package com.retentiondesk.customer;

import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

/** The profile change log of the customers. */
public interface ProfileChanges extends JpaRepository<ProfileChange, Long> {

	/** A customer's changes, newest first. */
	List<ProfileChange> findByCustomerNoOrderByChangedAtDescIdDesc(String customerNo, Limit limit);
}
