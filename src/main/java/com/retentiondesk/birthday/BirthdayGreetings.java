package com.retentiondesk.birthday;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The birthdays greeted or being greeted. */
interface BirthdayGreetings extends JpaRepository<BirthdayGreeting, Long> {

	Optional<BirthdayGreeting> findByCaseId(Long caseId);

	List<BirthdayGreeting> findByCustomerNo(String customerNo);

	/** Which of these customers already have a greeting for one of these birthdays. */
	@Query("select g.customerNo from BirthdayGreeting g where g.customerNo in :customerNos and g.birthdayOn in :days")
	Set<String> findGreeted(@Param("customerNos") Collection<String> customerNos, @Param("days") Collection<LocalDate> days);
}
