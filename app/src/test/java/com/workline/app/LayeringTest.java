package com.workline.app;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
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

    /** Business areas of persistence; the rest (common, db, csv, money, documents, mail, session, tenancy, numbering, bench) is shared infrastructure. */
    static final java.util.Set<String> PERSISTENCE_AREAS = java.util.Set.of("crm", "admin", "catalog", "quoting");
    /** Business areas of the desktop client; shell, workbench, common, task, signin are the frame they plug into. */
    static final java.util.Set<String> UI_AREAS = java.util.Set.of("home", "crm", "catalog", "quoting", "admin", "projects", "time", "approval", "reports");

    @ArchTest
    static final ArchRule areasOfTheClientHaveNoCycles = slices()
            .matching("com.workline.ui.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule anAreaUsesAnotherOnlyThroughItsPublishedApi = classes()
            .that().resideInAPackage("com.workline.persistence..")
            .should(new com.tngtech.archunit.lang.ArchCondition<JavaClass>("use other areas only through their published API "
                    + "(public classes that are not entities)") {
                @Override
                public void check(JavaClass origin, com.tngtech.archunit.lang.ConditionEvents events) {
                    String from = area(origin.getPackageName(), "com.workline.persistence.");
                    for (var dependency : origin.getDirectDependenciesFromSelf()) {
                        JavaClass target = dependency.getTargetClass();
                        String to = area(target.getPackageName(), "com.workline.persistence.");
                        if (to == null || to.equals(from) || !PERSISTENCE_AREAS.contains(to)) {
                            continue;
                        }
                        boolean published = target.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC)
                                && !target.isAnnotatedWith("jakarta.persistence.Entity")
                                && !target.getPackageName().contains(".internal");
                        if (!published) {
                            events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(dependency,
                                    dependency.getDescription() + " reaches into area " + to));
                        }
                    }
                }
            });

    @ArchTest
    static final ArchRule uiNeverReachesPersistenceInternals = noClasses().that().resideInAPackage("com.workline.ui..")
            .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                    "persistence internals (db handles, entities)", (JavaClass c) ->
                            c.getPackageName().startsWith("com.workline.persistence.db")
                                    && !c.getName().equals("com.workline.persistence.db.DatabaseErrors")
                                    && !c.getName().equals("com.workline.persistence.db.ServerAddress")
                                    || c.isAnnotatedWith("jakarta.persistence.Entity")))
            .orShould().callMethod("com.workline.persistence.session.TenantSession", "database")
            .because("screens get services from an area's entry point (Crm.of(session)), never the raw data access");

    @ArchTest
    static final ArchRule theShellNeverNamesAnArea = noClasses().that().resideInAnyPackage("com.workline.ui.shell..",
                    "com.workline.ui.workbench..")
            .should().dependOnClassesThat().resideInAnyPackage(UI_AREAS.stream().map(a -> "com.workline.ui." + a + "..")
                    .toArray(String[]::new))
            .because("the shell loops over the registered areas");

    @ArchTest
    static final ArchRule onlyTheRegistrationNamesTheAreas = noClasses().that().resideInAPackage("com.workline.app..")
            .and().doNotHaveSimpleName("DesktopAreas")
            .should().dependOnClassesThat().resideInAnyPackage(UI_AREAS.stream().map(a -> "com.workline.ui." + a + "..")
                    .toArray(String[]::new))
            .because("adding an area is one line in DesktopAreas");

    @ArchTest
    static final ArchRule rolesBecomeActionsInOnePlace = noClasses().that().resideInAPackage("com.workline.ui..")
            .and().doNotHaveFullyQualifiedName("com.workline.ui.workbench.Permissions")
            .should().callMethod("com.workline.persistence.session.Role", "canAdminister")
            .orShould().accessField("com.workline.persistence.session.Role", "OWNER")
            .orShould().accessField("com.workline.persistence.session.Role", "ADMIN")
            .orShould().accessField("com.workline.persistence.session.Role", "MANAGER")
            .orShould().accessField("com.workline.persistence.session.Role", "VIEWER")
            .because("screens ask workbench.Permissions what the person may do (the database enforces it)");

    @ArchTest
    static final ArchRule screensShowProblemsInThePersonsLanguage = noClasses().that().resideInAPackage("com.workline.ui..")
            .should().callMethod("com.workline.persistence.common.WorklineException", "getMessage")
            .orShould().callMethod("com.workline.persistence.common.ValidationException", "getMessage")
            .because("getMessage() is the English text for logs; screens show getLocalizedMessage()");

    private static String area(String packageName, String prefix) {
        if (!packageName.startsWith(prefix)) {
            return null;
        }
        String rest = packageName.substring(prefix.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
