package com.retentiondesk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * The desk's module boundaries: no cycle between top-level packages, cases do not depend on each other,
 * the data the cases work on does not depend on the engine or on the cases, and the web pieces every
 * controller uses depend on no other package of the desk.
 */
@AnalyzeClasses(packages = "com.retentiondesk", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	/** The case packages: what two of them share belongs in a shared package (casework, customer...). */
	private static final Set<String> CASES = Set.of("arrears", "expiry", "winback", "upgrade", "trafficdecline", "packageadvice", "birthday");

	private static final SliceAssignment CASE_PACKAGES = new SliceAssignment() {
		@Override
		public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
			String[] parts = javaClass.getPackageName().split("\\.");
			if (parts.length >= 3 && CASES.contains(parts[2])) {
				return SliceIdentifier.of(parts[2]);
			}
			return SliceIdentifier.ignore();
		}

		@Override
		public String getDescription() {
			return "retention case packages";
		}
	};

	/** A cycle between any two top-level packages under {@code root} (including through others) fails. */
	static ArchRule noCyclesBetweenTopLevelPackagesOf(String root) {
		return slices().matching(root + ".(*)..").namingSlices("package $1").should().beFreeOfCycles()
				.because("a package that is used must not use its users back (see the layout in README.md)");
	}

	@ArchTest
	static final ArchRule topLevelPackagesAreFreeOfCycles = noCyclesBetweenTopLevelPackagesOf("com.retentiondesk");

	@Test
	void shouldReportACycleBetweenTopLevelPackages() {
		JavaClasses fixture = new ClassFileImporter().importPackages("com.retentiondesk.archfixture");
		assertThat(fixture.stream().map(JavaClass::getSimpleName)).contains("Alpha", "Beta");
		assertThatThrownBy(() -> noCyclesBetweenTopLevelPackagesOf("com.retentiondesk.archfixture").check(fixture))
				.isInstanceOf(AssertionError.class)
				.hasMessageContaining("Cycle detected")
				.hasMessageContaining("package alpha")
				.hasMessageContaining("package beta");
	}

	@ArchTest
	static final ArchRule billingDataDoesNotDriveTheCases = noClasses()
			.that().resideInAnyPackage("com.retentiondesk.billing..", "com.retentiondesk.customer..",
					"com.retentiondesk.contract..", "com.retentiondesk.contact..")
			.should().dependOnClassesThat().resideInAnyPackage("com.retentiondesk.arrears..", "com.retentiondesk.expiry..",
					"com.retentiondesk.winback..", "com.retentiondesk.upgrade..", "com.retentiondesk.handover..",
					"com.retentiondesk.trafficdecline..", "com.retentiondesk.packageadvice..", "com.retentiondesk.usage..");

	@ArchTest
	static final ArchRule webPiecesDependOnNoOtherDeskPackage = noClasses()
			.that().resideInAPackage("com.retentiondesk.web..")
			.should().dependOnClassesThat().resideOutsideOfPackages("com.retentiondesk.web..", "java..", "jakarta..",
					"org..", "com.fasterxml..");

	/** The business rules (ArrearsPolicy, WinbackCallPolicy, OfferCallPolicy...) are plain Java, unit-tested without Spring. */
	@ArchTest
	static final ArchRule policiesAreFrameworkFree = noClasses()
			.that().haveSimpleNameEndingWith("Policy").and().resideInAPackage("com.retentiondesk..")
			.should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.camunda..", "jakarta.persistence..");

	@ArchTest
	static final ArchRule casesDoNotDependOnEachOther = slices().assignedFrom(CASE_PACKAGES).should()
			.notDependOnEachOther();

	@ArchTest
	static final ArchRule domainDataDoesNotImportCamunda = noClasses()
			.that().resideInAnyPackage("com.retentiondesk.customer..", "com.retentiondesk.contract..",
					"com.retentiondesk.billing..", "com.retentiondesk.contact..", "com.retentiondesk.calendar..",
					"com.retentiondesk.notification..")
			.should().dependOnClassesThat().resideInAnyPackage("org.camunda..");
}
