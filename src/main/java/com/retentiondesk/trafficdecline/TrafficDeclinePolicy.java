package com.retentiondesk.trafficdecline;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * When a bill's fall makes a traffic-decline case (话务下降用户保有), and its stage: {@code STAGE_1} when this
 * month's amount is more than 30% below last month's, {@code STAGE_2} when it is lower by 30% or less
 * (exactly 30% is {@code STAGE_2}); a CDMA 普1 customer gets {@code TIER1} for any decline. No case when
 * last month's amount is 0, when this month has no calls (0次户), or when the bill did not fall. The call
 * is due in {@code stage1Days} working days for {@code STAGE_1}, in {@code otherDays} for the others.
 * Plain Java.
 */
public record TrafficDeclinePolicy(int stage1Days, int otherDays) {

	private static final BigDecimal STAGE_1_BELOW = new BigDecimal("0.70");

	public TrafficDeclinePolicy {
		stage1Days = stage1Days <= 0 ? 2 : stage1Days;
		otherDays = otherDays <= 0 ? 5 : otherDays;
	}

	/**
	 * @param tier1     whether the customer is a CDMA 普1 customer
	 * @param lastMonth last month's amount (the earlier of the two months compared)
	 * @param thisMonth this month's amount
	 * @param thisCalls this month's calls
	 */
	public Optional<DeclineStage> stage(boolean tier1, BigDecimal lastMonth, BigDecimal thisMonth, int thisCalls) {
		if (lastMonth == null || thisMonth == null || lastMonth.signum() <= 0 || thisCalls <= 0
				|| thisMonth.compareTo(lastMonth) >= 0) {
			return Optional.empty();
		}
		if (tier1) {
			return Optional.of(DeclineStage.TIER1);
		}
		// more than 30% below: this < last * 0.70 (exactly -30% is stage 2)
		return Optional.of(thisMonth.compareTo(lastMonth.multiply(STAGE_1_BELOW)) < 0 ? DeclineStage.STAGE_1
				: DeclineStage.STAGE_2);
	}

	/** The working days the call has, counting today's end as the first. */
	public int callWithinWorkingDays(DeclineStage stage) {
		return stage == DeclineStage.STAGE_1 ? stage1Days : otherDays;
	}

	/** The fall in percent, one decimal: 40.0 for 100 → 60. */
	public static BigDecimal declinePercent(BigDecimal lastMonth, BigDecimal thisMonth) {
		return lastMonth.subtract(thisMonth).multiply(BigDecimal.valueOf(100))
				.divide(lastMonth, 1, java.math.RoundingMode.HALF_UP);
	}
}
