package com.retentiondesk.billing;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** Payments reported by billing. */
public interface Payments extends JpaRepository<Payment, Long> {

	boolean existsByCustomerNoAndPaidAtAndAmount(String customerNo, LocalDateTime paidAt, BigDecimal amount);

	List<Payment> findByCustomerNo(String customerNo);
}
