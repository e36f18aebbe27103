package com.retentiondesk.trafficdecline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** processes/traffic-decline-offer.dmn, row by row (FIRST hit policy: each row is reached by one case). */
class TrafficDeclineOfferDecisionTest {

	private static DmnEngine engine;
	private static DmnDecision decision;

	@BeforeAll
	static void parse() throws IOException {
		engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
		try (InputStream in = new FileInputStream("processes/traffic-decline-offer.dmn")) {
			decision = engine.parseDecision(TrafficDeclineProcess.DECISION_KEY, in);
		}
	}

	@ParameterizedTest(name = "{0} last {1} star {2} package {3} -> {4}")
	@CsvSource({
			// rule 1: stage 1, 5 stars and up
			"STAGE_1, 20.0, 5, PKG_59, DECLINE_VIP_CARE",
			// rule 2: stage 1, last month 100 and up (boundary)
			"STAGE_1, 100.0, 4, NONE, DECLINE_BONUS_50",
			// rule 3: other stage-1 customers
			"STAGE_1, 99.99, 4, PKG_39, DECLINE_BONUS_20",
			// rule 4: CDMA 普1, whatever the stars and spend
			"TIER1, 300.0, 7, PKG_129, DECLINE_MINUTES_PACK",
			// rule 5: stage 2 without a package
			"STAGE_2, 80.0, 3, NONE, DECLINE_PACKAGE_INTRO",
			// rule 6: other stage-2 customers
			"STAGE_2, 80.0, 6, PKG_89, DECLINE_CARE_CALL" })
	void shouldChooseTheOfferOfTheFirstMatchingRow(String stage, double last, int stars, String packageCode,
			String offerCode) {
		DmnDecisionRuleResult result = engine.evaluateDecisionTable(decision, Map.of("declineStage", stage,
				"lastMonthAmount", last, "starLevel", stars, "packageCode", packageCode)).getSingleResult();

		assertThat((String) result.getEntry("offerCode")).isEqualTo(offerCode);
		assertThat((String) result.getEntry("offerScript")).isNotBlank().doesNotContainPattern("[A-Za-z_]{5,}");
	}
}
