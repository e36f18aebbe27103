package com.retentiondesk.plan;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One planned piece of work on one customer (table {@code work_plan_item}). */
@Entity
@Table(name = "work_plan_item")
public class WorkPlanItem {

	/** Where an item came from: the draft, or the manager's own row. */
	public enum Source {
		DRAFT, MANAGER
	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;
	private Long planId;
	private String customerNo;
	@Enumerated(EnumType.STRING)
	private PlanItemKind itemKind;
	private String detail;
	private String note;
	@Enumerated(EnumType.STRING)
	private Source source;
	private int removed;

	protected WorkPlanItem() {
	}

	WorkPlanItem(Long planId, String customerNo, PlanItemKind itemKind, String detail, String note, Source source) {
		this.planId = planId;
		this.customerNo = customerNo;
		this.itemKind = itemKind;
		this.detail = detail;
		this.note = note;
		this.source = source;
	}

	void keep(String note) {
		this.note = note;
		this.removed = 0;
	}

	void remove() {
		this.removed = 1;
	}

	public String getCustomerNo() {
		return customerNo;
	}

	public PlanItemKind getItemKind() {
		return itemKind;
	}

	public String getDetail() {
		return detail;
	}

	public String getNote() {
		return note;
	}

	public Source getSource() {
		return source;
	}

	public boolean isRemoved() {
		return removed == 1;
	}
}
