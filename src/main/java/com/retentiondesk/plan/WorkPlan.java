package com.retentiondesk.plan;

import java.time.LocalDateTime;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A phone manager's plan for a month (table {@code work_plan}). */
@Entity
@Table(name = "work_plan")
public class WorkPlan {

	/** DRAFTED from the data; SUBMITTED once the manager uploaded it (again) for review. */
	public enum State {
		DRAFTED, SUBMITTED
	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;
	private String managerId;
	private String planMonth;
	@Enumerated(EnumType.STRING)
	private State state;
	private LocalDateTime draftedAt;
	private LocalDateTime submittedAt;
	private String submittedBy;

	protected WorkPlan() {
	}

	WorkPlan(String managerId, String planMonth, LocalDateTime draftedAt) {
		this.managerId = managerId;
		this.planMonth = planMonth;
		this.state = State.DRAFTED;
		this.draftedAt = draftedAt;
	}

	void submitted(String by, LocalDateTime at) {
		this.state = State.SUBMITTED;
		this.submittedBy = by;
		this.submittedAt = at;
	}

	public Long getId() {
		return id;
	}

	public String getManagerId() {
		return managerId;
	}

	public String getPlanMonth() {
		return planMonth;
	}

	public State getState() {
		return state;
	}

	public LocalDateTime getSubmittedAt() {
		return submittedAt;
	}
}
