package com.retentiondesk.billing;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A package of the catalogue (套餐目录): its monthly minimum (保底, yuan), the package one tier up
 * (null at the top) and whether it is a converged package (融合套餐).
 */
@Entity
@Table(name = "usage_package")
public class UsagePackage {

	@Id
	private String code;
	private String name;
	private BigDecimal monthlyMinimum;
	private String nextTier;
	private boolean converged;
	private LocalDateTime updatedAt;
	@Version
	private int version;

	protected UsagePackage() {
	}

	public UsagePackage(String code, String name, BigDecimal monthlyMinimum, String nextTier, boolean converged,
			LocalDateTime now) {
		this.code = code;
		change(name, monthlyMinimum, nextTier, converged, now);
	}

	/** An administrator's edit. */
	public void change(String name, BigDecimal monthlyMinimum, String nextTier, boolean converged, LocalDateTime now) {
		this.name = name;
		this.monthlyMinimum = monthlyMinimum;
		this.nextTier = nextTier;
		this.converged = converged;
		this.updatedAt = now;
	}

	public String getCode() {
		return code;
	}

	public String getName() {
		return name;
	}

	public BigDecimal getMonthlyMinimum() {
		return monthlyMinimum;
	}

	public String getNextTier() {
		return nextTier;
	}

	public boolean isConverged() {
		return converged;
	}
}
