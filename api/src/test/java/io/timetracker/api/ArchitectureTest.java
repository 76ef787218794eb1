package io.timetracker.api;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The dependency rules of docs/architecture.md, enforced on every build. */
@AnalyzeClasses(packages = "io.timetracker", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule commandSideNeverReadsTheQuerySide = noClasses()
            .that().resideInAPackage("io.timetracker.command..")
            .should().dependOnClassesThat().resideInAPackage("io.timetracker.query..");

    @ArchTest
    static final ArchRule querySideNeverReachesIntoTheCommandSide = noClasses()
            .that().resideInAPackage("io.timetracker.query..")
            .should().dependOnClassesThat().resideInAPackage("io.timetracker.command..");

    @ArchTest
    static final ArchRule eventsDependOnNothingOfOurs = noClasses()
            .that().resideInAPackage("io.timetracker.events..")
            .should().dependOnClassesThat(resideInAPackage("io.timetracker..")
                    .and(DescribedPredicate.not(resideInAPackage("io.timetracker.events.."))));

    @ArchTest
    static final ArchRule neitherSideDependsOnTheApi = noClasses()
            .that().resideInAnyPackage("io.timetracker.command..", "io.timetracker.query..", "io.timetracker.events..")
            .should().dependOnClassesThat().resideInAPackage("io.timetracker.api..");
}
