package com.retentiondesk.packageadvice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** processes/package-advice.dmn, row by row, and the customers no row advises. */
class PackageAdviceDecisionTest {

	private static DmnEngine engine;
	private static DmnDecision decision;

	@BeforeAll
	static void parse() throws IOException {
		engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
		try (InputStream in = new FileInputStream("processes/package-advice.dmn")) {
			decision = engine.parseDecision(PackageAdviceProcess.DECISION_KEY, in);
		}
	}

	@ParameterizedTest(name = "{0} over {1} under {2} avg {3} next {4} converged {5} -> {6} {7}")
	@CsvSource(nullValues = "-", value = {
			// rule 1 (the default rule of the issue): 3 months over the minimum -> the catalogue's next tier
			"PKG_59, 3, 0, 75.0, PKG_89, false, NEXT_TIER, PKG_89",
			"PKG_39, 6, 0, 50.0, PKG_59, false, NEXT_TIER, PKG_59",
			// rule 2: the top single package over its minimum -> converged
			"PKG_129, 3, 0, 160.0, '', false, CONVERGED, FUSION_169",
			// rule 3: 3 months under 70% of the minimum -> the package that fits
			"PKG_89, 0, 3, 40.0, PKG_129, false, RIGHT_SIZE, PKG_39",
			// rule 4: no package, average 150 and up -> converged
			"NONE, 0, 0, 150.0, '', false, CONVERGED, FUSION_169",
			// rule 5: no package, average 39 and up -> the package that fits
			"NONE, 0, 0, 39.0, '', false, JOIN_PACKAGE, PKG_39",
			// no advice: two months over only, the converged top package over its minimum, no package and little spend
			"PKG_59, 2, 0, 75.0, PKG_89, false, -, -",
			"FUSION_169, 4, 0, 200.0, '', true, -, -",
			"NONE, 0, 0, 38.99, '', false, -, -",
			"PKG_59, 0, 2, 30.0, PKG_89, false, -, -" })
	void shouldAdviseByTheFirstMatchingRow(String packageCode, int over, int under, double average, String nextTier,
			boolean converged, String adviceType, String recommended) {
		Map<String, Object> facts = new HashMap<>();
		facts.put("packageCode", packageCode);
		facts.put("monthsOverMinimum", over);
		facts.put("monthsUnderUse", under);
		facts.put("averageSpend", average);
		facts.put("nextTier", nextTier);
		facts.put("converged", converged);
		facts.put("fittingPackage", average >= 59 ? "PKG_59" : "PKG_39");
		facts.put("convergedPackage", "FUSION_169");

		DmnDecisionTableResult result = engine.evaluateDecisionTable(decision, facts);

		if (adviceType == null) {
			assertThat(result).isEmpty();
		} else {
			assertThat((String) result.getSingleResult().getEntry("adviceType")).isEqualTo(adviceType);
			assertThat((String) result.getSingleResult().getEntry("recommendedPackage")).isEqualTo(recommended);
		}
	}
}
