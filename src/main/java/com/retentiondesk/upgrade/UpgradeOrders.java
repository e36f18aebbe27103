package com.retentiondesk.upgrade;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** Upgrade orders. */
public interface UpgradeOrders extends JpaRepository<UpgradeOrder, Long> {

	Optional<UpgradeOrder> findByCaseId(Long caseId);

	List<UpgradeOrder> findByCustomerNoAndActivatedAtIsNull(String customerNo);
}
