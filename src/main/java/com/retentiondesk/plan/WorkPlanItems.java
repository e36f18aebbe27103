package com.retentiondesk.plan;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** The items of the monthly work plans. */
public interface WorkPlanItems extends JpaRepository<WorkPlanItem, Long> {

	List<WorkPlanItem> findByPlanIdOrderByItemKindAscCustomerNoAsc(Long planId);
}
