package com.retentiondesk.contract;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** Agreements of all customers. */
public interface Agreements extends JpaRepository<Agreement, Long> {

	List<Agreement> findByCustomerNoIn(Collection<String> customerNos);

	boolean existsByCustomerNoAndAgreementTypeAndEndDate(String customerNo, AgreementType type, LocalDate endDate);
}
