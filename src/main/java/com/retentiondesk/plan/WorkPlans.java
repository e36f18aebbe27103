package com.retentiondesk.plan;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** The monthly work plans. */
public interface WorkPlans extends JpaRepository<WorkPlan, Long> {

	Optional<WorkPlan> findByManagerIdAndPlanMonth(String managerId, String planMonth);
}
