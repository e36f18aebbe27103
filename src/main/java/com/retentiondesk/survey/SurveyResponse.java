package com.retentiondesk.survey;

import java.time.LocalDateTime;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A customer's answer to the monthly satisfaction survey about their phone manager (for the appraisal). */
@Entity
@Table(name = "survey_response")
public class SurveyResponse {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;
	private String customerNo;
	private String managerId;
	private String surveyMonth;
	private boolean reached;
	private Integer score;
	private String comment;
	private LocalDateTime answeredAt;

	protected SurveyResponse() {
	}

	public SurveyResponse(String customerNo, String managerId, String surveyMonth, boolean reached, Integer score,
			String comment, LocalDateTime answeredAt) {
		if (reached == (score == null)) {
			throw new IllegalArgumentException("a reached customer has a score, an unreached one none");
		}
		this.customerNo = customerNo;
		this.managerId = managerId;
		this.surveyMonth = surveyMonth;
		this.reached = reached;
		this.score = score;
		this.comment = comment;
		this.answeredAt = answeredAt;
	}

	public Long getId() {
		return id;
	}

	public String getCustomerNo() {
		return customerNo;
	}

	public String getManagerId() {
		return managerId;
	}

	public String getSurveyMonth() {
		return surveyMonth;
	}

	public boolean isReached() {
		return reached;
	}

	public Integer getScore() {
		return score;
	}

	public String getComment() {
		return comment;
	}

	public LocalDateTime getAnsweredAt() {
		return answeredAt;
	}
}
