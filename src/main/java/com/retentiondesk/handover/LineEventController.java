package com.retentiondesk.handover;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.retentiondesk.web.AllowedGroups;
import com.retentiondesk.web.ConcurrentUpdates;
import com.retentiondesk.web.DatabaseErrors;
import com.retentiondesk.web.DeskGroups;
import com.retentiondesk.winback.StopKind;

/** {@code POST /api/billing/suspensions}, {@code /reactivations} and {@code /activations}: line events. */
@RestController
@AllowedGroups({ DeskGroups.INTEGRATION, DeskGroups.ADMINS })
class LineEventController {

	record Suspension(String customerNo, StopKind kind, OffsetDateTime at) {
	}

	record Reactivation(String customerNo, OffsetDateTime at) {
	}

	record Activation(String customerNo, String newServiceNo, OffsetDateTime at) {
	}

	private static final java.util.regex.Pattern PHONE = java.util.regex.Pattern.compile("[0-9+\\- ]{3,32}");

	private final LineEventBooking booking;
	private final Clock clock;

	LineEventController(LineEventBooking booking, Clock clock) {
		this.booking = booking;
		this.clock = clock;
	}

	@PostMapping("/api/billing/suspensions")
	Map<String, Object> suspension(@RequestBody Suspension event) {
		String customerNo = BillingEvents.customerNo(event.customerNo());
		if (event.kind() == null) {
			throw new IllegalArgumentException("kind: 缺少停机类型 (SINGLE_STOP 或 DOUBLE_STOP)");
		}
		BillingEvents.time("at", event.at(), clock);
		return answer(customerNo, () -> booking.suspended(customerNo, event.kind(), event.at()));
	}

	@PostMapping("/api/billing/reactivations")
	Map<String, Object> reactivation(@RequestBody Reactivation event) {
		String customerNo = BillingEvents.customerNo(event.customerNo());
		BillingEvents.time("at", event.at(), clock);
		return answer(customerNo, () -> booking.reactivated(customerNo, event.at()));
	}

	@PostMapping("/api/billing/activations")
	Map<String, Object> activation(@RequestBody Activation event) {
		String customerNo = BillingEvents.customerNo(event.customerNo());
		if (event.newServiceNo() == null || !PHONE.matcher(event.newServiceNo().trim()).matches()) {
			throw new IllegalArgumentException("newServiceNo: 缺少或不是电话号码: " + event.newServiceNo());
		}
		BillingEvents.time("at", event.at(), clock);
		return answer(customerNo, () -> booking.activated(customerNo, event.newServiceNo().trim(), event.at()));
	}

	private static Map<String, Object> answer(String customerNo, java.util.function.Supplier<LineEventBooking.Result> booking) {
		try {
			LineEventBooking.Result result = ConcurrentUpdates.retry("billing event of " + customerNo, booking);
			return Map.of("customerNo", customerNo, "duplicate", result.duplicate(), "cases", result.casesTouched());
		} catch (PaymentBooking.UnknownCustomerException e) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
		} catch (DataIntegrityViolationException refused) {
			if (!DatabaseErrors.isUniqueKeyViolation(refused)) {
				throw refused;
			}
			// the same event was booked by a concurrent request a moment ago
			return Map.of("customerNo", customerNo, "duplicate", true, "cases", List.of());
		}
	}
}
