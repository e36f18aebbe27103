package com.retentiondesk.customer;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** All customers of the desk, by customer number. */
public interface Customers extends JpaRepository<Customer, String> {

	Optional<Customer> findByCustomerNo(String customerNo);

	/**
	 * One page of the customers an arrears reminder is due for, in customer-number order after
	 * {@code after} (keyset paging: stable while cases are opened).
	 */
	@Query("""
			select c.customerNo from Customer c
			where c.customerNo > :after and c.lineStatus <> com.retentiondesk.customer.LineStatus.CLOSED
			  and ((c.paymentType = com.retentiondesk.customer.PaymentType.PREPAID and c.balance < :balanceBelow)
			    or (c.paymentType = com.retentiondesk.customer.PaymentType.POSTPAID and c.arrearsMonths >= :arrearsMonths))
			order by c.customerNo""")
	List<String> findArrearsCandidates(@Param("after") String after, @Param("balanceBelow") BigDecimal balanceBelow,
			@Param("arrearsMonths") int arrearsMonths, Limit limit);
}
