package com.retentiondesk.expiry;

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

/** processes/retention-offer.dmn, row by row (FIRST hit policy: each row is reached by one case). */
class RetentionOfferDecisionTest {

	private static DmnEngine engine;
	private static DmnDecision decision;

	@BeforeAll
	static void parse() throws IOException {
		engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
		try (InputStream in = new FileInputStream("processes/retention-offer.dmn")) {
			decision = engine.parseDecision("RetentionOffer", in);
		}
	}

	@ParameterizedTest(name = "{0} {1} {2} bill {3} tenure {4} -> {5}")
	@CsvSource({
			// rule 1: PHS high spender (boundary 100)
			"PHS, MID_HIGH_END, HANDSET_SUBSIDY, 100.0, 12, PHS_TO_CDMA_PREMIUM",
			// rule 2: other PHS customers
			"PHS, MID_HIGH_END, RECHARGE_BINDING, 99.99, 60, PHS_TO_CDMA",
			"PHS, OTHER, HANDSET_SUBSIDY, 0.0, 0, PHS_TO_CDMA",
			// rule 3: CDMA high spender (boundary 150), whatever the segment
			"CDMA, CDMA_TIER1, RECHARGE_BINDING, 150.0, 3, TIER_UPGRADE",
			"CDMA, OTHER, HANDSET_SUBSIDY, 320.5, 3, TIER_UPGRADE",
			// rule 4: tier-1 recharge binding -> 冻费送
			"CDMA, CDMA_TIER1, RECHARGE_BINDING, 149.99, 40, PREPAY_BONUS",
			// rule 5: tier-1 handset subsidy, 24+ months -> converged bundle
			"CDMA, CDMA_TIER1, HANDSET_SUBSIDY, 80.0, 24, CONVERGED_BUNDLE",
			// rule 6: tier-1 handset subsidy, newer customer -> new handset
			"CDMA, CDMA_TIER1, HANDSET_SUBSIDY, 80.0, 23, HANDSET_RENEWAL",
			// rule 7: other CDMA customers
			"CDMA, MID_HIGH_END, RECHARGE_BINDING, 50.0, 10, PREPAY_BONUS_STANDARD",
			// rule 8: anything else
			"OTHER_NETWORK, OTHER, RECHARGE_BINDING, 50.0, 10, CARE_PACKAGE" })
	void shouldChooseTheOfferOfTheFirstMatchingRow(String network, String segment, String agreementType,
			double avgMonthlyBill, int tenureMonths, String offerCode) {
		DmnDecisionRuleResult result = engine.evaluateDecisionTable(decision,
				Map.of("network", network, "segment", segment, "agreementType", agreementType, "avgMonthlyBill",
						avgMonthlyBill, "tenureMonths", tenureMonths))
				.getSingleResult();

		assertThat((String) result.getEntry("offerCode")).isEqualTo(offerCode);
		assertThat((String) result.getEntry("offerScript")).isNotBlank().doesNotContainPattern("[A-Za-z_]{5,}");
	}
}
