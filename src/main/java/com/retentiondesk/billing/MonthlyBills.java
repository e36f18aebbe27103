package com.retentiondesk.billing;

import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Monthly bills of all customers. */
public interface MonthlyBills extends JpaRepository<MonthlyBill, Long> {

	List<MonthlyBill> findByCustomerNoOrderByBillMonthDesc(String customerNo);

	/** The customer's bills from {@code fromMonth} on ("2026-06"), newest first. */
	@Query("select b from MonthlyBill b where b.customerNo = :customerNo and b.billMonth >= :fromMonth order by b.billMonth desc")
	List<MonthlyBill> findRecent(@Param("customerNo") String customerNo, @Param("fromMonth") String fromMonth);

	/** These customers' bills from {@code fromMonth} to {@code toMonth} (inclusive): what a scan chunk reads at once. */
	@Query("""
			select b from MonthlyBill b
			where b.customerNo in :customerNos and b.billMonth between :fromMonth and :toMonth""")
	List<MonthlyBill> findForCustomers(@Param("customerNos") Collection<String> customerNos,
			@Param("fromMonth") String fromMonth, @Param("toMonth") String toMonth);

	/** The bills of these customers in these months: what a feed chunk upserts. */
	@Query("select b from MonthlyBill b where b.customerNo in :customerNos and b.billMonth in :months")
	List<MonthlyBill> findExisting(@Param("customerNos") Collection<String> customerNos,
			@Param("months") Collection<String> months);

	/**
	 * One page of the customers who have a bill in {@code month}, in customer-number order after
	 * {@code after} (keyset paging for the monthly usage scan).
	 */
	@Query("""
			select b.customerNo from MonthlyBill b
			where b.billMonth = :month and b.customerNo > :after
			order by b.customerNo""")
	List<String> findCustomersBilledIn(@Param("month") String month, @Param("after") String after, Limit limit);
}
