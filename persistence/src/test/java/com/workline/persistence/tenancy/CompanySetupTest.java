package com.workline.persistence.tenancy;

import com.workline.persistence.admin.Administration;
import com.workline.persistence.crm.Crm;
import com.workline.persistence.session.SignedInPerson;
import com.workline.persistence.session.TenantSession;
import com.workline.persistence.session.Role;
import com.workline.persistence.common.ValidationException;
import com.workline.persistence.db.Connections;
import com.workline.persistence.db.RoleNames;
import com.workline.persistence.db.ServerAddress;
import com.workline.persistence.db.ServerBootstrap;
import com.workline.persistence.testing.TestDatabase;
import com.workline.persistence.money.LineKind;
import com.workline.persistence.quoting.QuoteDetails;
import com.workline.persistence.quoting.QuoteLine;
import com.workline.persistence.quoting.QuoteService;
import com.workline.persistence.quoting.QuoteStatus;
import com.workline.persistence.quoting.Quoting;
import com.workline.persistence.projects.ApprovalEvent;
import com.workline.persistence.projects.ApprovalRow;
import com.workline.persistence.projects.ProjectDetails;
import com.workline.persistence.projects.ProjectQuery;
import com.workline.persistence.projects.ProjectRow;
import com.workline.persistence.projects.ProjectStatus;
import com.workline.persistence.projects.Projects;
import com.workline.persistence.projects.RoundingDirection;
import com.workline.persistence.projects.RoundingRule;
import com.workline.persistence.projects.TimeStatus;
import com.workline.persistence.projects.TimeWeek;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** First-run set-up and the demo company, on a database of their own (first run means: no organization yet). */
class CompanySetupTest {

    private static CompanySetup freshDatabase() {
        TestDatabase db = TestDatabase.get();
        String name = "setup_" + Long.toString(System.nanoTime(), 36);
        ServerBootstrap.createDatabaseIfMissing(Connections.dataSource(db.server().withDatabase("postgres"),
                db.superuserName(), db.superuserPassword().toCharArray()), name);
        ServerAddress server = db.server().withDatabase(name);
        var superuser = Connections.dataSource(server, db.superuserName(), db.superuserPassword().toCharArray());
        // Roles are cluster-wide: this second Workline database gets its own prefix.
        RoleNames roles = new RoleNames("s" + Long.toString(System.nanoTime() % 1_000_000, 36));
        ServerBootstrap.initialise(superuser, name, roles);
        return new CompanySetup(superuser, server, roles);
    }

    private static Map<String, char[]> demoPasswords(String suffix) {
        Map<String, char[]> passwords = new HashMap<>();
        CompanySetup.DEMO_PEOPLE.forEach(p -> passwords.put(p.email(), ("demo-" + suffix + "-" + p.role()).toCharArray()));
        return passwords;
    }

    @Test
    void firstRunCreatesTheCompanyAndSignsInItsOwner() {
        CompanySetup setup = freshDatabase();
        assertThat(setup.isFirstRun()).isTrue();
        assertThatThrownBy(() -> setup.createCompany(new NewCompany(" ", "Germany", "EURO", "", "B", "x", "short".toCharArray()),
                ZoneId.of("Europe/Berlin"), Locale.GERMANY))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).fieldErrors())
                        .containsKeys("companyName", "country", "currency", "firstName", "email", "password"));
        assertThat(setup.isFirstRun()).as("nothing half-created").isTrue();
        try (SignedInPerson owner = setup.createCompany(new NewCompany("Erste GmbH", "de", "eur", "Erika", "Muster",
                "erika@erste.example", "erikas-password".toCharArray()), ZoneId.of("Europe/Berlin"), Locale.GERMANY)) {
            assertThat(owner.organizations()).singleElement().satisfies(o -> {
                assertThat(o.name()).isEqualTo("Erste GmbH");
                assertThat(o.role()).isEqualTo(Role.OWNER);
            });
            var settings = Administration.of(owner.choose(owner.organizations().get(0).id())).organizationSettings().load();
            assertThat(settings.baseCurrency()).isEqualTo("EUR");
            assertThat(settings.timezone()).isEqualTo("Europe/Berlin");
            assertThat(settings.locale()).isEqualTo("de-DE");
        }
        assertThat(setup.isFirstRun()).isFalse();
    }

    /** Quotes in every status, made through the services: numbers, history, lines of every kind, a revision. */
    private static void assertDemoQuotes(TenantSession manager) {
        QuoteService quotes = Quoting.of(manager).quotes();
        assertThat(quotes.tabTotals(null).values()).allSatisfy(tab -> assertThat(tab.count()).as(tab.status().name()).isPositive());
        List<QuoteDetails> all = new ArrayList<>();
        for (QuoteStatus status : QuoteStatus.values()) {
            quotes.list(status, null, null, 50).rows().forEach(row -> all.add(quotes.load(row.id())));
        }
        assertThat(all).allSatisfy(q -> {
            assertThat(q.events()).as(q.title()).isNotEmpty();
            assertThat(q.events().get(0).action()).isIn("created", "revised");
            assertThat(q.lines()).isNotEmpty();
            assertThat(q.number() == null).as(q.title()).isEqualTo(q.status() == QuoteStatus.DRAFT);
        });
        assertThat(all).flatExtracting(QuoteDetails::lines).extracting(QuoteLine::kind)
                .contains(LineKind.PRODUCT, LineKind.SERVICE, LineKind.TEXT);
        assertThat(all).flatExtracting(QuoteDetails::lines).filteredOn(l -> l.kind() != LineKind.TEXT)
                .allSatisfy(l -> assertThat(l.unitPrice()).isPositive());
        assertThat(all).filteredOn(q -> q.status() == QuoteStatus.REJECTED)
                .allSatisfy(q -> assertThat(q.rejectionReason()).isNotBlank());
        assertThat(all).filteredOn(q -> q.status() == QuoteStatus.EXPIRED)
                .allSatisfy(q -> assertThat(q.events()).extracting(e -> e.action()).containsExactly("created", "sent", "expired"));
        QuoteDetails revision = all.stream().filter(q -> q.revision() == 2).findFirst().orElseThrow();
        QuoteDetails superseded = all.stream().filter(q -> q.id().equals(revision.supersedesId())).findFirst().orElseThrow();
        assertThat(superseded.status()).isEqualTo(QuoteStatus.SUPERSEDED);
        assertThat(revision.number()).isEqualTo(superseded.number() + "-R2");
        assertThat(revision.status()).isEqualTo(QuoteStatus.SENT);
    }

    /**
     * Projects (one from the accepted quote, with its budget lines), tasks, and weeks of time in every state of approval,
     * rated and rounded by the database: older weeks approved, one rejected with its reason, the last two submitted and
     * waiting for the manager, this week's drafts.
     */
    private static void assertDemoTime(TenantSession manager) {
        Projects projects = Projects.of(manager);
        List<ProjectRow> rows = projects.projects().list(ProjectQuery.all(), null, 20).rows();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(3).allSatisfy(r -> assertThat(r.figures().entries()).as(r.name()).isPositive());
        ProjectDetails fromQuote = rows.stream().map(r -> projects.projects().load(r.id()))
                .filter(d -> d.quoteNumber() != null).findFirst().orElseThrow();
        assertThat(fromQuote.budgetLines()).isNotEmpty();
        assertThat(fromQuote.project().status()).isEqualTo(ProjectStatus.ACTIVE);
        assertThat(rows).allSatisfy(r -> assertThat(projects.tasks().tree(r.id())).as(r.name())
                .anySatisfy(t -> assertThat(t.parentTaskId()).isNotNull()));

        var members = Administration.of(manager).people().list();
        UUID erik = members.stream().filter(m -> m.email().startsWith("erik.")).findFirst().orElseThrow().userId();
        LocalDate monday = LocalDate.now(ZoneId.of("Europe/Berlin")).with(DayOfWeek.MONDAY);
        assertThat(projects.approvals().queue(null, 50).rows()).as("the last two weeks of the employee and the admin wait")
                .extracting(ApprovalRow::weekStart).containsExactly(monday.minusWeeks(2), monday.minusWeeks(2), monday.minusWeeks(1),
                        monday.minusWeeks(1));
        assertThat(projects.approvals().history(erik, monday.minusWeeks(3))).extracting(ApprovalEvent::action, ApprovalEvent::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("submitted", null),
                        org.assertj.core.groups.Tuple.tuple("rejected", DemoTime.REJECTION));
        java.util.Map<TimeStatus, Integer> statuses = new java.util.EnumMap<>(TimeStatus.class);
        for (int age = 0; age <= DemoTime.WEEKS; age++) {
            TimeWeek week = projects.time().week(erik, monday.minusWeeks(age));
            week.entries().forEach(e -> statuses.merge(e.status(), 1, Integer::sum));
            if (age > 0) {
                assertThat(week.totalMinutes()).as("a full week").isGreaterThanOrEqualTo(5 * 360);
            }
        }
        assertThat(statuses).containsKeys(TimeStatus.APPROVED, TimeStatus.REJECTED, TimeStatus.SUBMITTED);
        assertThat(projects.time().week(erik, monday.minusWeeks(1)).entries())
                .filteredOn(e -> e.projectName().equals("Line 3 maintenance"))
                .isNotEmpty().allSatisfy(e -> {
                    assertThat(e.rounding()).isEqualTo(new RoundingRule(15, RoundingDirection.UP));
                    assertThat(e.billableMinutes() % 15).isZero();
                    assertThat(e.amount()).isPositive();
                });
        assertThat(projects.time().week(erik, monday.minusWeeks(1)).entries()).as("travel is not billed")
                .filteredOn(e -> "Travel".equals(e.taskName())).allSatisfy(e -> assertThat(e.amount()).isZero());
    }

    @Test
    void theDemoIsCreatedOnceAndSurvivesLostPasswords() {
        CompanySetup setup = freshDatabase();
        UUID demo = setup.ensureDemo(demoPasswords("one"), false);
        TenantSession manager = setup.signInToDemo(demo, demoPasswords("one").get("maria.manager@northwind.demo"));
        try {
            assertThat(manager.organization().role()).isEqualTo(Role.MANAGER);
            assertThat(Administration.of(manager).people().list()).extracting(m -> m.role())
                    .containsExactlyInAnyOrder(Role.OWNER, Role.ADMIN, Role.MANAGER, Role.EMPLOYEE, Role.VIEWER);
            // A living CRM: customers, and deals in every stage of the pipeline.
            assertThat(Crm.of(manager).customers().count(com.workline.persistence.crm.CustomerQuery.all()).value())
                    .isEqualTo(CompanySetup.DEMO_CUSTOMERS);
            assertThat(Crm.of(manager).deals().board(Crm.of(manager).deals().defaultPipeline(), 5))
                    .allSatisfy(column -> assertThat(column.dealCount()).as(column.name()).isPositive());
            // A catalog: tax rates, units, categories, products of every type, service categories and the default
            // rate card (with a role's and a person's rate).
            com.workline.persistence.catalog.CatalogDataGeneratorTest.assertGeneratedCatalog(manager,
                    CompanySetup.DEMO_PRODUCTS_PER_TYPE * 4, true);
            assertDemoQuotes(manager);
            assertDemoTime(manager);
        } finally {
            manager.person().close();
        }
        assertThat(setup.ensureDemo(demoPasswords("one"), true)).as("created once").isEqualTo(demo);
        // The generated passwords were lost: the demo people get new ones.
        assertThat(setup.ensureDemo(demoPasswords("two"), false)).isEqualTo(demo);
        setup.signInToDemo(demo, demoPasswords("two").get("maria.manager@northwind.demo")).person().close();
    }
}
