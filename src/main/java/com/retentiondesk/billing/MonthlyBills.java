package com.retentiondesk.billing;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** Monthly bills of all customers. */
public interface MonthlyBills extends JpaRepository<MonthlyBill, Long> {

	List<MonthlyBill> findByCustomerNoOrderByBillMonthDesc(String customerNo);
}
