package com.retentiondesk.away;

import java.time.LocalDate;

/** A manager's away days, {@code from} to {@code to} inclusive, with why (may be null). */
public record Away(String managerId, LocalDate from, LocalDate to, String reason) {

	public boolean covers(LocalDate day) {
		return !day.isBefore(from) && !day.isAfter(to);
	}
}
