package com.retentiondesk.packageadvice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The facts decision {@code PackageAdvice} decides on, from a customer's bills and the package catalogue:
 * the package of the usage month (or none), how many months running up to it the customer spent over the
 * package's minimum (保底) on that package, how many under {@value #UNDER_USE_PERCENT}% of it, the average
 * spend of the last {@value #AVERAGE_MONTHS} months, the package one tier up, the package that fits the
 * average spend, and the cheapest converged package. Plain Java.
 */
public final class PackageAdvicePolicy {

	static final int UNDER_USE_PERCENT = 70;
	static final int AVERAGE_MONTHS = 3;
	public static final String NONE = "NONE";

	/** A month's bill as the policy needs it. */
	public record Month(YearMonth month, BigDecimal amount, String packageCode) {
	}

	/** A package of the catalogue as the policy needs it. */
	public record Package(String code, BigDecimal minimum, String nextTier, boolean converged) {
	}

	/** The decision's inputs (names as in {@code package-advice.dmn}). */
	public record Facts(String packageCode, int monthsOverMinimum, int monthsUnderUse, BigDecimal averageSpend,
			String nextTier, String fittingPackage, String convergedPackage, boolean converged) {

		public Map<String, Object> variables() {
			return Map.of("packageCode", packageCode, "monthsOverMinimum", monthsOverMinimum, "monthsUnderUse",
					monthsUnderUse, "averageSpend", averageSpend.doubleValue(), "nextTier", nextTier, "fittingPackage",
					fittingPackage, "convergedPackage", convergedPackage, "converged", converged);
		}
	}

	private final Map<String, Package> catalogue;

	public PackageAdvicePolicy(Map<String, Package> catalogue) {
		this.catalogue = Map.copyOf(catalogue);
	}

	/**
	 * @param month the usage month
	 * @param bills the customer's bills (any order); the usage month's must be among them
	 */
	public Facts facts(YearMonth month, List<Month> bills) {
		List<Month> newestFirst = bills.stream().filter(b -> !b.month().isAfter(month))
				.sorted(Comparator.comparing(Month::month).reversed()).toList();
		Month current = newestFirst.stream().filter(b -> b.month().equals(month)).findFirst()
				.orElseThrow(() -> new IllegalArgumentException("no bill of " + month));
		Package pkg = current.packageCode() == null ? null : catalogue.get(current.packageCode());
		int over = 0;
		int under = 0;
		if (pkg != null) {
			over = running(newestFirst, month, pkg, b -> b.amount().compareTo(pkg.minimum()) > 0);
			BigDecimal underLine = pkg.minimum().multiply(BigDecimal.valueOf(UNDER_USE_PERCENT))
					.divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
			under = running(newestFirst, month, pkg, b -> b.amount().compareTo(underLine) < 0);
		}
		List<Month> lastMonths = newestFirst.stream().limit(AVERAGE_MONTHS).toList();
		BigDecimal average = lastMonths.stream().map(Month::amount).reduce(BigDecimal.ZERO, BigDecimal::add)
				.divide(BigDecimal.valueOf(lastMonths.size()), 2, RoundingMode.HALF_UP);
		return new Facts(pkg == null ? NONE : pkg.code(), over, under, average,
				pkg == null || pkg.nextTier() == null ? "" : pkg.nextTier(), fitting(average), converged(),
				pkg != null && pkg.converged());
	}

	/** Consecutive months back from {@code month}, on the same package, that pass the test. */
	private static int running(List<Month> newestFirst, YearMonth month, Package pkg,
			java.util.function.Predicate<Month> test) {
		int count = 0;
		YearMonth expected = month;
		for (Month bill : newestFirst) {
			if (!bill.month().equals(expected) || !Objects.equals(bill.packageCode(), pkg.code()) || !test.test(bill)) {
				break;
			}
			count++;
			expected = expected.minusMonths(1);
		}
		return count;
	}

	/** The dearest single (not converged) package whose minimum the average spend covers; else the cheapest. */
	String fitting(BigDecimal average) {
		List<Package> single = catalogue.values().stream().filter(p -> !p.converged())
				.sorted(Comparator.comparing(Package::minimum)).toList();
		Package fit = single.isEmpty() ? null : single.get(0);
		for (Package p : single) {
			if (p.minimum().compareTo(average) <= 0) {
				fit = p;
			}
		}
		return fit == null ? "" : fit.code();
	}

	/** The cheapest converged package (融合). */
	String converged() {
		return catalogue.values().stream().filter(Package::converged).min(Comparator.comparing(Package::minimum))
				.map(Package::code).orElse("");
	}
}
