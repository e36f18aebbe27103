package com.retentiondesk.trafficdecline;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The stages of a bill's fall (话务下降分阶段), exactly as issue 25 states them. */
class TrafficDeclinePolicyTest {

	private final TrafficDeclinePolicy policy = new TrafficDeclinePolicy(2, 5);

	@ParameterizedTest(name = "{0}: {1} -> {2} with {3} calls = {4}")
	@CsvSource({
			"false, 100, 60, 12, STAGE_1",
			"false, 100, 69.99, 12, STAGE_1",
			// exactly -30% is stage 2
			"false, 100, 70, 12, STAGE_2",
			"false, 100, 80, 12, STAGE_2",
			"false, 100, 99.99, 1, STAGE_2",
			// CDMA 普1: any decline, no stages
			"true, 100, 95, 12, TIER1",
			"true, 100, 10, 12, TIER1",
			// no case: no fall, last month 0, no calls this month (0次户)
			"false, 100, 100, 12, NONE",
			"false, 100, 120, 12, NONE",
			"false, 0, 0, 12, NONE",
			"true, 0, 0, 3, NONE",
			"false, 100, 60, 0, NONE",
			"true, 100, 95, 0, NONE" })
	void shouldStageTheFall(boolean tier1, String last, String current, int calls, String expected) {
		String stage = policy.stage(tier1, new BigDecimal(last), new BigDecimal(current), calls).map(Enum::name)
				.orElse("NONE");

		assertThat(stage).isEqualTo(expected);
	}

	@Test
	void shouldGiveStageOneTwoWorkingDaysAndTheOthersFive() {
		assertThat(policy.callWithinWorkingDays(DeclineStage.STAGE_1)).isEqualTo(2);
		assertThat(policy.callWithinWorkingDays(DeclineStage.STAGE_2)).isEqualTo(5);
		assertThat(policy.callWithinWorkingDays(DeclineStage.TIER1)).isEqualTo(5);
	}

	@Test
	void shouldShowTheFallInPercent() {
		assertThat(TrafficDeclinePolicy.declinePercent(new BigDecimal("100"), new BigDecimal("60"))).isEqualByComparingTo("40.0");
		assertThat(TrafficDeclinePolicy.declinePercent(new BigDecimal("90"), new BigDecimal("60"))).isEqualByComparingTo("33.3");
	}
}
