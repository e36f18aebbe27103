package com.retentiondesk.packageadvice;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.retentiondesk.packageadvice.PackageAdvicePolicy.Month;
import com.retentiondesk.packageadvice.PackageAdvicePolicy.Package;

/** The facts of the package advice: months running over and under the minimum, the average, the fitting package. */
class PackageAdvicePolicyTest {

	private static final YearMonth NOV = YearMonth.of(2026, 11);

	private final PackageAdvicePolicy policy = new PackageAdvicePolicy(Map.of(
			"PKG_39", new Package("PKG_39", new BigDecimal("39"), "PKG_59", false),
			"PKG_59", new Package("PKG_59", new BigDecimal("59"), "PKG_89", false),
			"PKG_89", new Package("PKG_89", new BigDecimal("89"), "PKG_129", false),
			"PKG_129", new Package("PKG_129", new BigDecimal("129"), null, false),
			"FUSION_169", new Package("FUSION_169", new BigDecimal("169"), null, true)));

	@Test
	void shouldCountTheMonthsRunningOverTheMinimumOnTheSamePackage() {
		PackageAdvicePolicy.Facts facts = policy.facts(NOV, List.of(month(11, "75", "PKG_59"), month(10, "70", "PKG_59"),
				month(9, "60", "PKG_59"), month(8, "90", "PKG_39"), month(12, "10", "PKG_59")));

		assertThat(facts.packageCode()).isEqualTo("PKG_59");
		assertThat(facts.monthsOverMinimum()).isEqualTo(3);
		assertThat(facts.monthsUnderUse()).isZero();
		assertThat(facts.averageSpend()).isEqualByComparingTo("68.33");
		assertThat(facts.nextTier()).isEqualTo("PKG_89");
		assertThat(facts.fittingPackage()).isEqualTo("PKG_59");
		assertThat(facts.convergedPackage()).isEqualTo("FUSION_169");
	}

	@Test
	void shouldStopCountingAtAMissingMonthOrAMonthAtTheMinimum() {
		assertThat(policy.facts(NOV, List.of(month(11, "75", "PKG_59"), month(9, "75", "PKG_59"), month(8, "75", "PKG_59")))
				.monthsOverMinimum()).isEqualTo(1);
		assertThat(policy.facts(NOV, List.of(month(11, "75", "PKG_59"), month(10, "59", "PKG_59"), month(9, "75", "PKG_59")))
				.monthsOverMinimum()).isEqualTo(1);
	}

	@Test
	void shouldCountUnderUseBelowSeventyPercentAndFindThePackageThatFits() {
		// 70% of 89 is 62.30
		PackageAdvicePolicy.Facts facts = policy.facts(NOV, List.of(month(11, "45", "PKG_89"), month(10, "62.29", "PKG_89"),
				month(9, "40", "PKG_89")));

		assertThat(facts.monthsUnderUse()).isEqualTo(3);
		assertThat(facts.fittingPackage()).isEqualTo("PKG_39");
		assertThat(policy.facts(NOV, List.of(month(11, "62.30", "PKG_89"))).monthsUnderUse()).isZero();
	}

	@Test
	void shouldDescribeACustomerWithoutAPackage() {
		PackageAdvicePolicy.Facts facts = policy.facts(NOV, List.of(month(11, "95", null), month(10, "85", null)));

		assertThat(facts.packageCode()).isEqualTo(PackageAdvicePolicy.NONE);
		assertThat(facts.monthsOverMinimum()).isZero();
		assertThat(facts.nextTier()).isEmpty();
		assertThat(facts.averageSpend()).isEqualByComparingTo("90.00");
		assertThat(facts.fittingPackage()).isEqualTo("PKG_89");
		assertThat(policy.facts(NOV, List.of(month(11, "20", null))).fittingPackage()).isEqualTo("PKG_39");
	}

	private static Month month(int month, String amount, String packageCode) {
		return new Month(YearMonth.of(2026, month), new BigDecimal(amount), packageCode);
	}
}
