package com.retentiondesk.handover;

import java.time.Clock;
import java.time.OffsetDateTime;

import com.retentiondesk.billing.BillingBounds;

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

	/** From 2000-01-01 to a day ahead of the desk's clock (see {@link BillingBounds#eventTime}). */
	static void time(String field, OffsetDateTime at, Clock clock) {
		BillingBounds.eventTime(field, at, clock);
	}
}
