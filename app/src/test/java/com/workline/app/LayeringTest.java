package com.workline.app;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The module rules of ARCHITECTURE §1, checked on the compiled classes of all modules. */
@AnalyzeClasses(packages = "com.workline", importOptions = {ImportOption.DoNotIncludeTests.class, LayeringTest.NoTestJars.class})
class LayeringTest {

    /** The persistence test harness arrives as a test-jar, which DoNotIncludeTests does not recognise. */
    static final class NoTestJars implements ImportOption {
        @Override
        public boolean includes(com.tngtech.archunit.core.importer.Location location) {
            return !location.contains("-tests.jar");
        }
    }

    @ArchTest
    static final ArchRule uiNeverTouchesHibernateOrJdbc = noClasses().that().resideInAPackage("com.workline.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.hibernate..", "java.sql..",
                    "javax.sql..", "org.postgresql..", "com.zaxxer.hikari..", "org.flywaydb..")
            .because("the UI talks to persistence only through its services and records");

    @ArchTest
    static final ArchRule persistenceNeverTouchesJavaFx = noClasses().that().resideInAPackage("com.workline.persistence..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..", "com.workline.ui..",
                    "com.workline.app..")
            .because("persistence is usable without a toolkit: by the admin command line, tests and benchmarks");

    @ArchTest
    static final ArchRule uiDoesNotDependOnTheCompositionRoot = noClasses().that().resideInAPackage("com.workline.ui..")
            .should().dependOnClassesThat().resideInAPackage("com.workline.app..");

    @ArchTest
    static final ArchRule featurePackagesOfPersistenceHaveNoCycles = slices()
            .matching("com.workline.persistence.(*)..").should().beFreeOfCycles();
}
