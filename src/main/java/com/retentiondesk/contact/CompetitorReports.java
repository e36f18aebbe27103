package com.retentiondesk.contact;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** Competitor intelligence gathered on calls. */
public interface CompetitorReports extends JpaRepository<CompetitorReport, Long> {

	List<CompetitorReport> findByCustomerNo(String customerNo);
}
