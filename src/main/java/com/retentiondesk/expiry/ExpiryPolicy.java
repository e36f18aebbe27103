package com.retentiondesk.expiry;

import java.time.Period;
import java.util.Collection;

import com.retentiondesk.contract.Agreement;

/**
 * When an agreement ending soon is a new reason for an expiry case. An agreement is worked once,
 * whatever its case's outcome; an agreement of the same customer and type ending within
 * {@code desk.expiry.open-before} of one already worked is the same expiry (billing corrected or
 * re-sent the end date), not a new one. A renewal (its end date a year on) and an agreement of the
 * other type are new reasons.
 */
final class ExpiryPolicy {

	private ExpiryPolicy() {
	}

	static boolean alreadyWorked(Agreement agreement, Collection<Agreement> worked, Period window) {
		return worked.stream().anyMatch(done -> agreement.getId() != null && agreement.getId().equals(done.getId())
				|| done.getAgreementType() == agreement.getAgreementType()
						&& !done.getEndDate().isAfter(agreement.getEndDate().plus(window))
						&& !agreement.getEndDate().isAfter(done.getEndDate().plus(window)));
	}
}
