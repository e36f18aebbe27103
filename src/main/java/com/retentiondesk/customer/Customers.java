package com.retentiondesk.customer;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** All customers of the desk, by customer number. */
public interface Customers extends JpaRepository<Customer, String> {

	Optional<Customer> findByCustomerNo(String customerNo);

	/** The customers on this service number (an SMS reply names the number, not the customer). */
	List<Customer> findByServiceNo(String serviceNo);

	/**
	 * One page of the customers an arrears reminder is due for, in customer-number order after
	 * {@code after} (keyset paging: stable while cases are opened).
	 */
	@Query("""
			select c.customerNo from Customer c
			where c.customerNo > :after and c.lineStatus = com.retentiondesk.customer.LineStatus.ACTIVE
			  and ((c.paymentType = com.retentiondesk.customer.PaymentType.PREPAID and c.balance < :balanceBelow)
			    or (c.paymentType = com.retentiondesk.customer.PaymentType.POSTPAID and c.arrearsMonths >= :arrearsMonths))
			order by c.customerNo""")
	List<String> findArrearsCandidates(@Param("after") String after, @Param("balanceBelow") BigDecimal balanceBelow,
			@Param("arrearsMonths") int arrearsMonths, Limit limit);

	/**
	 * The customers, locked for update until the transaction ends: a scan claims a chunk with it, so
	 * that a second scan running at the same moment (another node) waits for the first one's chunk to
	 * commit and then finds those cases open, instead of opening the same 500 cases in parallel and
	 * failing on the one-open-case key (rows are locked in customer-number order: no deadlock).
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select c from Customer c where c.customerNo in :customerNos order by c.customerNo")
	List<Customer> lockAll(@Param("customerNos") Collection<String> customerNos);

	/** Which of these customer numbers the desk knows. */
	@Query("select c.customerNo from Customer c where c.customerNo in :customerNos")
	java.util.Set<String> findKnownNumbers(@Param("customerNos") Collection<String> customerNos);
}
