package com.retentiondesk.inbound;

import java.time.LocalDateTime;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A call a customer made to 10000, as the CTI reported it (table {@code inbound_call}). */
@Entity
@Table(name = "inbound_call")
public class InboundCall {

	/** Who answered the call. */
	public enum TakenBy {
		/** The customer accepted the transfer and the phone manager served them. */
		MANAGER,
		/** The front desk of 10000 answered: the manager could not, or the customer did not want the transfer. */
		FRONT_DESK
	}

	/** What the call was about. */
	public enum Topic {
		CONSULT("咨询"), FAULT("故障申告"), BUSINESS("业务办理"), COMPLAINT("投诉"), OTHER("其他");

		private final String label;

		Topic(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

		/** A fault report or complaint: the customer is told its result. */
		public boolean needsOutcome() {
			return this == FAULT || this == COMPLAINT;
		}
	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;
	private String serviceNo;
	private String customerNo;
	private String managerId;
	private LocalDateTime calledAt;
	@Enumerated(EnumType.STRING)
	private TakenBy takenBy;
	@Enumerated(EnumType.STRING)
	private Topic topic;
	private String notes;
	private String handsetProblem;
	private String packageSuggestion;
	private String competitorNews;
	private Long caseId;
	private LocalDateTime calledBackAt;
	private String recordedBy;
	private LocalDateTime recordedAt;

	protected InboundCall() {
	}

	InboundCall(String serviceNo, String customerNo, String managerId, LocalDateTime calledAt, TakenBy takenBy,
			Topic topic, String notes, String handsetProblem, String packageSuggestion, String competitorNews,
			String recordedBy, LocalDateTime recordedAt) {
		this.serviceNo = serviceNo;
		this.customerNo = customerNo;
		this.managerId = managerId;
		this.calledAt = calledAt;
		this.takenBy = takenBy;
		this.topic = topic;
		this.notes = notes;
		this.handsetProblem = handsetProblem;
		this.packageSuggestion = packageSuggestion;
		this.competitorNews = competitorNews;
		this.recordedBy = recordedBy;
		this.recordedAt = recordedAt;
	}

	void belongsTo(Long caseId) {
		this.caseId = caseId;
	}

	public Long getId() {
		return id;
	}

	public String getServiceNo() {
		return serviceNo;
	}

	public String getCustomerNo() {
		return customerNo;
	}

	public String getManagerId() {
		return managerId;
	}

	public LocalDateTime getCalledAt() {
		return calledAt;
	}

	public TakenBy getTakenBy() {
		return takenBy;
	}

	public Topic getTopic() {
		return topic;
	}

	public String getNotes() {
		return notes;
	}

	public String getHandsetProblem() {
		return handsetProblem;
	}

	public String getPackageSuggestion() {
		return packageSuggestion;
	}

	public String getCompetitorNews() {
		return competitorNews;
	}

	public Long getCaseId() {
		return caseId;
	}

	public LocalDateTime getCalledBackAt() {
		return calledBackAt;
	}
}
