package com.retentiondesk.care;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** The care templates. */
interface CareTemplateRows extends JpaRepository<CareTemplate, Long> {

	List<CareTemplate> findAllByOrderByIdDesc();

	/** The newest approved template of a kind valid on a day. */
	Optional<CareTemplate> findFirstByKindAndStateAndValidFromLessThanEqualAndValidToGreaterThanEqualOrderByDecidedAtDescIdDesc(
			CareKind kind, CareTemplate.State state, LocalDate from, LocalDate to);
}
