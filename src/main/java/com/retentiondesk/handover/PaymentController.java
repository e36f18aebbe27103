package com.retentiondesk.handover;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.retentiondesk.billing.BillingBounds;
import com.retentiondesk.web.AllowedGroups;
import com.retentiondesk.web.ConcurrentUpdates;
import com.retentiondesk.web.DatabaseErrors;
import com.retentiondesk.web.DeskGroups;

/** {@code POST /api/billing/payments}: billing reports a payment. */
@RestController
class PaymentController {

	/** The body billing sends; every field is checked here so a bad one is named in the answer. */
	record PaymentEvent(String customerNo, BigDecimal amount, OffsetDateTime paidAt) {
	}

	private final PaymentBooking booking;
	private final Clock clock;

	PaymentController(PaymentBooking booking, Clock clock) {
		this.booking = booking;
		this.clock = clock;
	}

	@PostMapping("/api/billing/payments")
	@AllowedGroups({ DeskGroups.INTEGRATION, DeskGroups.ADMINS })
	Map<String, Object> payment(@RequestBody PaymentEvent event) {
		String customerNo = BillingEvents.customerNo(event.customerNo());
		BillingBounds.payment("amount", event.amount());
		BillingEvents.time("paidAt", event.paidAt(), clock);
		PaymentBooking.Result result;
		try {
			result = ConcurrentUpdates.retry("payment of " + customerNo,
					() -> booking.book(customerNo, event.amount(), event.paidAt()));
		} catch (PaymentBooking.UnknownCustomerException e) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
		} catch (DataIntegrityViolationException refused) {
			if (!DatabaseErrors.isUniqueKeyViolation(refused)) {
				throw refused;
			}
			// the same payment was booked by a concurrent request a moment ago
			return Map.of("customerNo", customerNo, "duplicate", true, "casesClosed", java.util.List.of());
		}
		return Map.of("customerNo", result.customerNo(), "duplicate", result.duplicate(), "casesClosed",
				result.casesClosed());
	}
}
