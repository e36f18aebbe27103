package com.retentiondesk.care;

import java.time.LocalDate;
import java.time.LocalDateTime;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A care SMS text. PROPOSED until the proposer's supervisor decides (Task_ApproveMessage); APPROVED texts are
 * sent while valid, REJECTED ones never. The decision is the advance application for a bulk send to 小灵通
 * customers: who decided and when stays with the template.
 */
@Entity
@Table(name = "care_template")
public class CareTemplate {

	public enum State {
		PROPOSED, APPROVED, REJECTED
	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;
	@Enumerated(EnumType.STRING)
	private CareKind kind;
	private String body;
	private LocalDate validFrom;
	private LocalDate validTo;
	@Enumerated(EnumType.STRING)
	private State state;
	private String proposedBy;
	private LocalDateTime proposedAt;
	private String decidedBy;
	private LocalDateTime decidedAt;
	private String decisionNote;
	private String processInstanceId;
	@Version
	private int version;

	protected CareTemplate() {
	}

	CareTemplate(CareKind kind, String body, LocalDate validFrom, LocalDate validTo, String proposedBy,
			LocalDateTime proposedAt) {
		this.kind = kind;
		this.body = body;
		this.validFrom = validFrom;
		this.validTo = validTo;
		this.state = State.PROPOSED;
		this.proposedBy = proposedBy;
		this.proposedAt = proposedAt;
	}

	/** The supervisor's decision; a template is decided once. */
	void decide(boolean approved, String by, LocalDateTime at, String note) {
		if (state != State.PROPOSED) {
			throw new IllegalStateException("模板 " + id + " 已" + (state == State.APPROVED ? "批准" : "驳回") + ",不能再审批");
		}
		state = approved ? State.APPROVED : State.REJECTED;
		decidedBy = by;
		decidedAt = at;
		decisionNote = note;
	}

	void startedAs(String processInstanceId) {
		this.processInstanceId = processInstanceId;
	}

	/** Whether it may be sent on this day. */
	public boolean sendableOn(LocalDate day) {
		return state == State.APPROVED && !day.isBefore(validFrom) && !day.isAfter(validTo);
	}

	public Long getId() {
		return id;
	}

	public CareKind getKind() {
		return kind;
	}

	public String getBody() {
		return body;
	}

	public LocalDate getValidFrom() {
		return validFrom;
	}

	public LocalDate getValidTo() {
		return validTo;
	}

	public State getState() {
		return state;
	}

	public String getProposedBy() {
		return proposedBy;
	}

	public LocalDateTime getProposedAt() {
		return proposedAt;
	}

	public String getDecidedBy() {
		return decidedBy;
	}

	public LocalDateTime getDecidedAt() {
		return decidedAt;
	}

	public String getDecisionNote() {
		return decisionNote;
	}

	public String getProcessInstanceId() {
		return processInstanceId;
	}
}
