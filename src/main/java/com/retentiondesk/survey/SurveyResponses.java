package com.retentiondesk.survey;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** The survey answers, for the managers' appraisal. */
public interface SurveyResponses extends JpaRepository<SurveyResponse, Long> {

	Optional<SurveyResponse> findByCustomerNoAndSurveyMonth(String customerNo, String surveyMonth);

	List<SurveyResponse> findByManagerIdAndSurveyMonth(String managerId, String surveyMonth);
}
