package com.retentiondesk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Set;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/** Cases do not depend on each other; the domain data does not depend on the engine. */
@AnalyzeClasses(packages = "com.retentiondesk", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	/** The case packages: what two of them share belongs in a shared package (casework, customer...). */
	private static final Set<String> CASES = Set.of("arrears", "expiry", "winback", "upgrade");

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
