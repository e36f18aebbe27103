package com.retentiondesk.handover;

import java.time.Clock;
import java.time.OffsetDateTime;

/** The checks every billing event shares; a bad field is named in the 400 answer. */
final class BillingEvents {

	private BillingEvents() {
	}

	static String customerNo(String customerNo) {
		if (customerNo == null || customerNo.isBlank()) {
			throw new IllegalArgumentException("customerNo: 缺少客户编号");
		}
		return customerNo.trim();
	}

	static void time(String field, OffsetDateTime at, Clock clock) {
		if (at == null) {
			throw new IllegalArgumentException(field + ": 缺少时间 (ISO-8601, 例如 2026-11-27T10:15:00+08:00)");
		}
		if (at.toInstant().isAfter(clock.instant().plusSeconds(3600))) {
			throw new IllegalArgumentException(field + ": 时间不能在未来: " + at);
		}
	}
}
