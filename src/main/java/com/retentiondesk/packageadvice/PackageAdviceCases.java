package com.retentiondesk.packageadvice;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.retentiondesk.billing.MonthlyBill;
import com.retentiondesk.billing.UsagePackage;
import com.retentiondesk.billing.UsagePackages;
import com.retentiondesk.calendar.WorkCalendar;
import com.retentiondesk.casework.CaseBriefs;
import com.retentiondesk.casework.CaseFiles;
import com.retentiondesk.casework.CaseType;
import com.retentiondesk.casework.CaseVariables;
import com.retentiondesk.casework.RetentionCase;
import com.retentiondesk.customer.Customer;

/**
 * The package-advice case (套餐预警保有): what the monthly usage scan and the tests call to advise a customer
 * on a package by decision {@code PackageAdvice} and to open the case.
 */
@Service
public class PackageAdviceCases {

	/** What {@code PackageAdvice} advised, with the facts it decided on. */
	public record Advice(AdviceType type, String recommendedPackage, PackageAdvicePolicy.Facts facts) {
	}

	/**
	 * Evaluates the deployed table without the engine's decision history: a monthly scan asks it once per
	 * customer (100,000 history rows a month, and most of the scan's time, for answers that are mostly "no
	 * advice"); an opened case keeps its advice in its variables.
	 */
	private static final DmnEngine PLAIN_DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

	/** The latest deployed {@code PackageAdvice} and the catalogue, read once for a whole scan. */
	public static final class Adviser {

		private final DmnDecision decision;
		private final Map<String, UsagePackage> catalogue;
		private final PackageAdvicePolicy policy;

		private Adviser(DmnDecision decision, Map<String, UsagePackage> catalogue) {
			this.decision = decision;
			this.catalogue = catalogue;
			this.policy = new PackageAdvicePolicy(catalogue.values().stream()
					.collect(Collectors.toMap(UsagePackage::getCode, p -> new PackageAdvicePolicy.Package(p.getCode(),
							p.getMonthlyMinimum(), p.getNextTier(), p.isConverged()))));
		}

		public Map<String, UsagePackage> catalogue() {
			return catalogue;
		}

		/**
		 * The advice for the customer's usage month, if {@code PackageAdvice} has one.
		 *
		 * @param bills the customer's recent bills, the usage month's among them
		 */
		public Optional<Advice> advise(YearMonth month, List<MonthlyBill> bills) {
			PackageAdvicePolicy.Facts facts = policy.facts(month, bills.stream()
					.map(b -> new PackageAdvicePolicy.Month(b.getMonth(), b.getAmount(), b.getPackageCode())).toList());
			DmnDecisionResultEntries result = PLAIN_DMN.evaluateDecision(decision, Variables.fromMap(facts.variables()))
					.getFirstResult();
			if (result == null || result.getEntry("adviceType") == null) {
				return Optional.empty();
			}
			String recommended = result.getEntry("recommendedPackage");
			if (recommended == null || recommended.isBlank()) {
				return Optional.empty();
			}
			return Optional.of(new Advice(AdviceType.valueOf(result.getEntry("adviceType")), recommended, facts));
		}
	}

	private final CaseFiles files;
	private final RepositoryService repository;
	private final UsagePackages packages;
	private final WorkCalendar calendar;
	private final PackageAdviceSettings settings;
	private final Clock clock;

	PackageAdviceCases(CaseFiles files, RepositoryService repository, UsagePackages packages, WorkCalendar calendar,
			PackageAdviceSettings settings, Clock clock) {
		this.files = files;
		this.repository = repository;
		this.packages = packages;
		this.calendar = calendar;
		this.settings = settings;
		this.clock = clock;
	}

	/** The catalogue as it is now, for a scan to read once and use for all its customers. */
	public Map<String, UsagePackage> catalogue() {
		return packages.findAll().stream().collect(Collectors.toMap(UsagePackage::getCode, p -> p));
	}

	/** The latest deployed {@code PackageAdvice} (an administrator may have deployed a new version) and the catalogue as they are now. */
	public Adviser adviser() {
		return adviser(catalogue());
	}

	private Adviser adviser(Map<String, UsagePackage> catalogue) {
		DecisionDefinition latest = repository.createDecisionDefinitionQuery()
				.decisionDefinitionKey(PackageAdviceProcess.DECISION_KEY).latestVersion().singleResult();
		try (java.io.InputStream xml = repository.getDecisionModel(latest.getId())) {
			return new Adviser(PLAIN_DMN.parseDecision(PackageAdviceProcess.DECISION_KEY, xml), catalogue);
		} catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	/**
	 * The advice for the customer's usage month, if {@code PackageAdvice} has one (one customer: a scan
	 * takes an {@link #adviser()} once).
	 *
	 * @param bills the customer's recent bills, the usage month's among them
	 */
	public Optional<Advice> advise(YearMonth month, List<MonthlyBill> bills, Map<String, UsagePackage> catalogue) {
		return adviser(catalogue).advise(month, bills);
	}

	/**
	 * Opens a case about the usage month and starts {@code PackageAdviceProcess}; the call is due within
	 * {@code desk.package-advice.call-within-working-days} (5).
	 *
	 * @param recentContacts the chunk's contacts and bills read beforehand by a scan, or null
	 */
	@Transactional
	public RetentionCase open(Customer customer, YearMonth month, Advice advice, Map<String, UsagePackage> catalogue,
			CaseBriefs.RecentContacts recentContacts) {
		Map<String, Object> variables = new HashMap<>();
		variables.put(PackageAdviceProcess.USAGE_MONTH, month.toString());
		variables.put(PackageAdviceProcess.ADVICE_TYPE, advice.type().name());
		variables.put(PackageAdviceProcess.RECOMMENDED_PACKAGE, advice.recommendedPackage());
		variables.put(PackageAdviceProcess.UNREACHABLE_ATTEMPTS, 0);
		variables.put(CaseVariables.CALL_DUE, Date.from(callDue()));
		List<String> lines = caseLines(advice, catalogue);
		RetentionCase file = recentContacts == null
				? files.open(CaseType.PACKAGE_ADVICE, PackageAdviceProcess.PROCESS_KEY, customer, lines, variables)
				: files.openChecked(CaseType.PACKAGE_ADVICE, PackageAdviceProcess.PROCESS_KEY, customer, lines,
						recentContacts, variables);
		file.aboutUsageMonth(month.toString());
		return file;
	}

	private Instant callDue() {
		Instant due = calendar.endOfWorkingDay(clock.instant());
		LocalDate day = due.atZone(calendar.zone()).toLocalDate();
		for (int i = 1; i < settings.callWithinWorkingDays(); i++) {
			day = calendar.nextWorkingDay(day);
		}
		return calendar.endOfWorkingDay(day.atStartOfDay(calendar.zone()).toInstant());
	}

	static List<String> caseLines(Advice advice, Map<String, UsagePackage> catalogue) {
		PackageAdvicePolicy.Facts facts = advice.facts();
		List<String> lines = new ArrayList<>();
		UsagePackage current = catalogue.get(facts.packageCode());
		StringBuilder line = new StringBuilder("套餐预警: ");
		if (current == null) {
			line.append("未办理套餐");
		} else {
			line.append("当前 ").append(current.getName()).append(" (保底")
					.append(CaseBriefs.yuan(current.getMonthlyMinimum())).append(")");
			if (facts.monthsOverMinimum() > 0) {
				line.append(", 连续").append(facts.monthsOverMinimum()).append("个月超出保底");
			}
			if (facts.monthsUnderUse() > 0) {
				line.append(", 连续").append(facts.monthsUnderUse()).append("个月低于保底的")
						.append(PackageAdvicePolicy.UNDER_USE_PERCENT).append("%");
			}
		}
		line.append(", 近").append(PackageAdvicePolicy.AVERAGE_MONTHS).append("月平均 ")
				.append(CaseBriefs.yuan(facts.averageSpend()));
		lines.add(line.toString());
		UsagePackage recommended = catalogue.get(advice.recommendedPackage());
		String name = recommended == null ? advice.recommendedPackage()
				: recommended.getName() + " (保底" + CaseBriefs.yuan(recommended.getMonthlyMinimum()) + ")";
		lines.add("建议: " + (advice.type() == AdviceType.RIGHT_SIZE && advice.recommendedPackage().equals(facts.packageCode())
				? "提醒客户用足 " + name + " 的套餐内资源"
				: advice.type().advice(name)));
		return lines;
	}
}
