package com.retentiondesk.customer;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** All customers of the desk, by customer number. */
public interface Customers extends JpaRepository<Customer, String> {

	Optional<Customer> findByCustomerNo(String customerNo);
}
