package com.workline.persistence.crm;

import com.workline.persistence.session.Role;
import com.workline.persistence.common.Problem;
import com.workline.persistence.common.ValidationException;
import com.workline.persistence.common.WorklineException;
import com.workline.persistence.testing.Sql;
import com.workline.persistence.testing.TestDatabase;
import com.workline.persistence.testing.TestPerson;
import com.workline.persistence.session.TenantSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class CustomerServiceTest {
    private final TestDatabase db = TestDatabase.get();
    private UUID org;
    private TestPerson manager;
    private TenantSession session;
    private CustomerService customers;

    @BeforeEach
    void organization() {
        org = db.newOrganization("Customers");
        manager = db.newPerson(org, Role.MANAGER);
        session = db.signInTo(manager, org);
        customers = Crm.of(session).customers();
    }

    @AfterEach
    void close() {
        session.person().close();
    }

    /** Custom fields are defined by owners and admins only. */
    private void define(String key, String label, CustomFieldType type, List<String> options, boolean required) {
        TenantSession admin = db.signInTo(db.newPerson(org, Role.ADMIN), org);
        try {
            Crm.of(admin).customFields().define("customer", key, label, type, options, required);
        } finally {
            admin.person().close();
        }
    }

    private static Problem problemOf(Throwable e) {
        return ((WorklineException) e).problem();
    }

    private CustomerDetails create(String name, CustomerStatus status) {
        return customers.create(CustomerDetails.newCustomer(name, CustomerType.COMPANY, status));
    }

    private List<String> allNames(CustomerQuery query, int pageSize) {
        List<String> names = new ArrayList<>();
        CustomerPage.Cursor cursor = null;
        do {
            CustomerPage page = customers.list(query, cursor, pageSize);
            page.rows().forEach(r -> names.add(r.name()));
            cursor = page.next();
        } while (cursor != null);
        return names;
    }

    @Test
    void createsWithNumbersFromTheSeriesAndRoundTripsEveryField() {
        CustomerDetails first = create("Alpha Mills", CustomerStatus.LEAD);
        CustomerDetails second = customers.create(new CustomerDetails(null, null, "Beta Works", CustomerType.INDIVIDUAL,
                CustomerStatus.ACTIVE, "Machining", "https://beta.test", "info@beta.test", "+49 1", "DE1", "CHF", 14,
                new BigDecimal("5000"), manager.userId(), List.of("key account", " vip ", "vip"), 4, "Good payer", Map.of(), 0));
        assertThat(first.number()).isEqualTo("C-000001");
        assertThat(second.number()).isEqualTo("C-000002");
        CustomerDetails loaded = customers.load(second.id());
        assertThat(loaded.tags()).containsExactly("key account", "vip");
        assertThat(loaded.creditLimit()).isEqualByComparingTo("5000.00");
        assertThat(loaded.ownerId()).isEqualTo(manager.userId());
        assertThat(loaded.type()).isEqualTo(CustomerType.INDIVIDUAL);
    }

    @Test
    void keysetPagesWalkTheWholeListInOrderWithoutRepeats() {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            String name = "Customer " + (char) ('a' + (i * 7) % 23) + i;
            create(name, CustomerStatus.ACTIVE);
            expected.add(name);
        }
        expected.sort(String.CASE_INSENSITIVE_ORDER);
        assertThat(allNames(CustomerQuery.all(), 10)).containsExactlyElementsOf(expected);
        List<String> descending = allNames(CustomerQuery.all().sortedBy(CustomerQuery.Sort.NAME, true), 7);
        List<String> reversed = new ArrayList<>(expected);
        java.util.Collections.reverse(reversed);
        assertThat(descending).containsExactlyElementsOf(reversed);
        assertThat(allNames(CustomerQuery.all().sortedBy(CustomerQuery.Sort.NUMBER, false), 5)).hasSize(23);
        assertThat(allNames(CustomerQuery.all().sortedBy(CustomerQuery.Sort.CREATED, true), 9)).hasSize(23).doesNotHaveDuplicates();
    }

    @Test
    void searchFindsNameNumberEmailPhoneAndContactNames() throws Exception {
        CustomerDetails acme = customers.create(new CustomerDetails(null, null, "Acme Tooling", CustomerType.COMPANY,
                CustomerStatus.ACTIVE, null, null, "orders@acme-tooling.test", "+49 30 5550199", null, null, null, null,
                null, List.of(), null, null, Map.of(), 0));
        create("Bolt & Nut 50% Ltd", CustomerStatus.PROSPECT);
        try (Connection su = db.superuser().getConnection()) {
            Sql.execute(su, "SET ROLE " + db.roles().owner());
            Sql.update(su, "INSERT INTO app.contacts (organization_id, customer_id, first_name, last_name) VALUES (?, ?, 'Greta', 'Thunberger')",
                    org, acme.id());
        }
        for (String term : List.of("acme", "TOOL", acme.number(), "orders@", "5550199", "thunberg", "greta")) {
            assertThat(customers.list(CustomerQuery.all().withSearch(term), null, 50).rows())
                    .as(term).extracting(CustomerRow::name).containsExactly("Acme Tooling");
        }
        assertThat(customers.list(CustomerQuery.all().withSearch("50%"), null, 50).rows()).extracting(CustomerRow::name)
                .as("LIKE wildcards are literal").containsExactly("Bolt & Nut 50% Ltd");
        assertThat(customers.list(CustomerQuery.all().withSearch("zzz"), null, 50).rows()).isEmpty();
    }

    @Test
    void searchRanksNamesStartingWithTheTermFirstAndPagesThroughEveryMatchOnce() {
        for (String name : List.of("Harbor Tools", "Anchor Harbor", "harbor supplies", "Zeta Harborside", "Harbinger",
                "Old Harbor Inn", "Harbor Freight", "Unrelated Mill")) {
            create(name, CustomerStatus.ACTIVE);
        }
        List<String> expected = List.of("harbor freight", "harbor supplies", "harbor tools", "anchor harbor",
                "old harbor inn", "zeta harborside");
        for (int pageSize : List.of(1, 2, 4, 50)) {
            List<String> seen = new ArrayList<>();
            CustomerPage.Cursor after = null;
            do {
                CustomerPage page = customers.list(CustomerQuery.all().withSearch("Harbor"), after, pageSize);
                page.rows().forEach(r -> seen.add(r.name().toLowerCase(java.util.Locale.ROOT)));
                after = page.next();
            } while (after != null);
            assertThat(seen).as("page size " + pageSize).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void filtersByStatusOwnerTagAndCustomField() {
        assertThatThrownBy(() -> Crm.of(session).customFields().define("customer", "segment", "Segment", CustomFieldType.SELECT,
                List.of("A", "B"), false)).as("managers do not define fields")
                .satisfies(e -> assertThat(problemOf(e)).isEqualTo(Problem.NOT_ALLOWED));
        define("segment", "Segment", CustomFieldType.SELECT, List.of("A", "B"), false);
        customers.create(new CustomerDetails(null, null, "Tagged", CustomerType.COMPANY, CustomerStatus.ACTIVE, null, null,
                null, null, null, null, null, null, manager.userId(), List.of("export"), null, null, Map.of("segment", "A"), 0));
        create("Lead One", CustomerStatus.LEAD);
        create("Churned One", CustomerStatus.CHURNED);
        assertThat(allNames(CustomerQuery.all().withStatuses(Set.of(CustomerStatus.LEAD, CustomerStatus.CHURNED)), 10))
                .containsExactly("Churned One", "Lead One");
        assertThat(allNames(CustomerQuery.all().withOwner(manager.userId()), 10)).containsExactly("Tagged");
        assertThat(allNames(CustomerQuery.all().withTag("export"), 10)).containsExactly("Tagged");
        assertThat(allNames(CustomerQuery.all().withCustomField("segment", "A"), 10)).containsExactly("Tagged");
        assertThat(allNames(CustomerQuery.all().withCustomField("segment", "B"), 10)).isEmpty();
        assertThat(customers.list(CustomerQuery.all().withTag("export"), null, 10).rows().get(0).ownerName())
                .isEqualTo("Test Manager");
    }

    @Test
    void customFieldsAreValidatedAgainstTheirDefinitions() {
        define("employees", "Employees", CustomFieldType.NUMBER, List.of(), true);
        define("since", "Customer since", CustomFieldType.DATE, List.of(), false);
        define("regions", "Regions", CustomFieldType.MULTISELECT, List.of("North", "South"), false);
        CustomerDetails bad = new CustomerDetails(null, null, "Fields", CustomerType.COMPANY, CustomerStatus.LEAD, null, null,
                null, null, null, null, null, null, null, List.of(), null, null,
                Map.of("since", "yesterday", "regions", List.of("West"), "colour", "red"), 0);
        assertThatThrownBy(() -> customers.create(bad)).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).fieldErrors()).containsOnlyKeys(
                        "custom.employees", "custom.since", "custom.regions", "custom.colour"));
        CustomerDetails good = customers.create(new CustomerDetails(null, null, "Fields", CustomerType.COMPANY,
                CustomerStatus.LEAD, null, null, null, null, null, null, null, null, null, List.of(), null, null,
                Map.of("employees", "120", "since", "2019-05-01", "regions", List.of("North")), 0));
        assertThat(customers.load(good.id()).customFields()).containsEntry("since", "2019-05-01")
                .containsEntry("regions", List.of("North"));
        assertThat(((Number) customers.load(good.id()).customFields().get("employees")).intValue()).isEqualTo(120);
    }

    @Test
    void theSecondOfTwoEditorsGetsAConflictShowingTheOtherVersion() {
        CustomerDetails created = create("Conflict Corp", CustomerStatus.LEAD);
        TenantSession other = db.signInTo(db.newPerson(org, Role.EMPLOYEE), org);
        try {
            CustomerDetails mine = customers.load(created.id());
            CustomerDetails theirs = Crm.of(other).customers().load(created.id());
            Crm.of(other).customers().update(withPhone(theirs, "+1 111"));
            assertThatThrownBy(() -> customers.update(withPhone(mine, "+2 222")))
                    .isInstanceOf(CustomerConflictException.class)
                    .satisfies(e -> assertThat(((CustomerConflictException) e).current().phone()).isEqualTo("+1 111"));
            assertThat(customers.load(created.id()).phone()).isEqualTo("+1 111");
            // The history panel: who changed which field from what to what, newest first.
            List<Change> history = Crm.of(session).history().customer(created.id(), 10);
            assertThat(history).extracting(Change::action).containsExactly("UPDATE", "INSERT");
            assertThat(history.get(0).who()).isEqualTo("Test Employee");
            assertThat(history.get(0).fields()).containsExactly(new Change.FieldChange("phone", null, "+1 111"));
        } finally {
            other.person().close();
        }
    }

    private static CustomerDetails withPhone(CustomerDetails d, String phone) {
        return new CustomerDetails(d.id(), d.number(), d.name(), d.type(), d.status(), d.industry(), d.website(), d.email(),
                phone, d.taxId(), d.currency(), d.paymentTermsDays(), d.creditLimit(), d.ownerId(), d.tags(), d.rating(),
                d.notes(), d.customFields(), d.version());
    }

    @Test
    void permissionsByRoleAreEnforcedByTheDatabase() {
        CustomerDetails created = create("Permission Plc", CustomerStatus.ACTIVE);
        TenantSession viewer = db.signInTo(db.newPerson(org, Role.VIEWER), org);
        TenantSession employee = db.signInTo(db.newPerson(org, Role.EMPLOYEE), org);
        try {
            assertThat(Crm.of(viewer).customers().load(created.id()).name()).isEqualTo("Permission Plc");
            assertThatThrownBy(() -> Crm.of(viewer).customers().create(CustomerDetails.newCustomer("Nope", CustomerType.COMPANY,
                    CustomerStatus.LEAD))).satisfies(e -> assertThat(problemOf(e)).isEqualTo(Problem.NOT_ALLOWED));
            CustomerDetails seen = Crm.of(viewer).customers().load(created.id());
            assertThatThrownBy(() -> Crm.of(viewer).customers().update(withPhone(seen, "123")))
                    .satisfies(e -> assertThat(problemOf(e)).isIn(Problem.NOT_ALLOWED, Problem.CONFLICT));
            Crm.of(employee).customers().update(withPhone(Crm.of(employee).customers().load(created.id()), "+3 333"));
            assertThatThrownBy(() -> Crm.of(employee).customers().delete(created.id()))
                    .satisfies(e -> assertThat(problemOf(e)).isEqualTo(Problem.NOT_ALLOWED))
                    .hasMessageContaining("Only managers");
            customers.delete(created.id());
            assertThat(allNames(CustomerQuery.all(), 10)).doesNotContain("Permission Plc");
            customers.restore(created.id());
            assertThat(allNames(CustomerQuery.all(), 10)).contains("Permission Plc");
        } finally {
            viewer.person().close();
            employee.person().close();
        }
    }

    @Test
    void showDeletedListsDeletedCustomersAndOnlyManagersAndAboveRestoreThemTheDatabaseRefusesOthers() throws Exception {
        CustomerDetails gone = create("Restorable GmbH", CustomerStatus.ACTIVE);
        create("Staying GmbH", CustomerStatus.ACTIVE);
        customers.delete(gone.id());
        assertThat(customers.list(CustomerQuery.all(), null, 10).rows()).extracting(CustomerRow::name)
                .containsExactly("Staying GmbH");
        CustomerQuery deletedToo = CustomerQuery.all().withDeleted(true);
        assertThat(customers.list(deletedToo, null, 10).rows())
                .extracting(CustomerRow::name, CustomerRow::deleted)
                .containsExactly(tuple("Restorable GmbH", true),
                        tuple("Staying GmbH", false));
        assertThat(customers.list(deletedToo.withSearch("restorable"), null, 10).rows()).extracting(CustomerRow::name)
                .containsExactly("Restorable GmbH");
        assertThat(customers.count(deletedToo).value()).isEqualTo(2);

        TestPerson employeePerson = db.newPerson(org, Role.EMPLOYEE);
        TestPerson viewerPerson = db.newPerson(org, Role.VIEWER);
        TenantSession employee = db.signInTo(employeePerson, org);
        TenantSession viewer = db.signInTo(viewerPerson, org);
        try {
            assertThat(Crm.of(employee).customers().list(deletedToo, null, 10).rows()).hasSize(2);
            assertThatThrownBy(() -> Crm.of(employee).customers().restore(gone.id()))
                    .satisfies(e -> assertThat(problemOf(e)).isEqualTo(Problem.NOT_ALLOWED))
                    .hasMessageContaining("Only managers");
            assertThatThrownBy(() -> Crm.of(viewer).customers().restore(gone.id()))
                    .satisfies(e -> assertThat(problemOf(e)).isIn(Problem.NOT_ALLOWED, Problem.CONFLICT));
        } finally {
            employee.person().close();
            viewer.person().close();
        }
        // Not the client's check: the employee's own connection, plain SQL, is refused by the trigger.
        try (Connection c = db.connectAs(employeePerson)) {
            c.setAutoCommit(false);
            Sql.selectTenantForSession(c, org);
            assertThatThrownBy(() -> Sql.update(c, "UPDATE app.customers SET deleted_at = NULL WHERE id = ?", gone.id()))
                    .isInstanceOf(java.sql.SQLException.class)
                    .satisfies(e -> assertThat(((java.sql.SQLException) e).getSQLState()).isEqualTo("WL002"));
            c.rollback();
        }
        try (Connection c = db.connectAs(viewerPerson)) {
            Sql.selectTenantForSession(c, org);
            assertThat(Sql.update(c, "UPDATE app.customers SET deleted_at = NULL WHERE id = ?", gone.id()))
                    .as("the viewer's update matches no row it may write").isZero();
        }
        assertThat(customers.list(CustomerQuery.all(), null, 10).rows()).extracting(CustomerRow::name)
                .containsExactly("Staying GmbH");

        customers.restore(gone.id());
        assertThat(customers.list(CustomerQuery.all(), null, 10).rows()).extracting(CustomerRow::name, CustomerRow::deleted)
                .containsExactly(tuple("Restorable GmbH", false),
                        tuple("Staying GmbH", false));
    }

    @Test
    void countsExactlyUpToTheLimitThenEstimatesAndAPageCostsTwoStatements() throws Exception {
        create("Counted", CustomerStatus.ACTIVE);
        assertThat(customers.count(CustomerQuery.all())).isEqualTo(new CustomerCount(1, true));
        try (Connection su = db.superuser().getConnection()) {
            Sql.execute(su, "SET ROLE " + db.roles().owner());
            Sql.update(su, "INSERT INTO app.customers (organization_id, number, name) SELECT ?, 'B-' || g, 'Bulk ' || g "
                    + "FROM generate_series(1, " + (CustomerService.EXACT_COUNT_LIMIT + 500) + ") g", org);
            Sql.execute(su, "ANALYZE app.customers");
        }
        CustomerCount count = customers.count(CustomerQuery.all());
        assertThat(count.exact()).isFalse();
        assertThat(count.value()).isGreaterThan(CustomerService.EXACT_COUNT_LIMIT);
        assertThat(customers.count(CustomerQuery.all().withSearch("counted"))).isEqualTo(new CustomerCount(1, true));

        var database = session.person().database();
        var statistics = database.statistics();
        statistics.clear();
        long readsBefore = database.readQueryCount();
        CustomerPage page = customers.list(CustomerQuery.all(), null, 100);
        customers.list(CustomerQuery.all(), page.next(), 100);
        // One query per page, whatever the page size, without a Hibernate session (set_config travels with it).
        assertThat(database.readQueryCount() - readsBefore).as("one select per page, no N+1").isEqualTo(2);
        assertThat(statistics.getPrepareStatementCount()).as("no Hibernate statements").isZero();
    }

    @Test
    void aSearchCountBeyondTheLimitIsARealEstimateNeverTheCap() throws Exception {
        int bulk = 30_000;
        try (Connection su = db.superuser().getConnection()) {
            Sql.execute(su, "SET ROLE " + db.roles().owner());
            Sql.update(su, "INSERT INTO app.customers (organization_id, number, name) SELECT ?, 'W-' || g, 'Bulk Widget ' || g "
                    + "FROM generate_series(1, " + bulk + ") g", org);
            Sql.execute(su, "ANALYZE app.customers");
        }
        CustomerCount widgets = customers.count(CustomerQuery.all().withSearch("widget"));
        assertThat(widgets.exact()).isFalse();
        assertThat(widgets.value()).as("an estimate of %,d matches", bulk)
                .isNotEqualTo(CustomerService.EXACT_COUNT_LIMIT + 1L).isBetween(bulk / 2L, bulk * 2L);
        // Few matches among many customers: counted exactly.
        create("Rare Gadget", CustomerStatus.ACTIVE);
        assertThat(customers.count(CustomerQuery.all().withSearch("gadget"))).isEqualTo(new CustomerCount(1, true));
        assertThat(customers.count(CustomerQuery.all().withSearch("gadget").withStatuses(Set.of(CustomerStatus.LEAD))))
                .isEqualTo(new CustomerCount(0, true));
        // A word inside the names: the first page in name order, after the names that start with it.
        create("Widget Works", CustomerStatus.ACTIVE);
        CustomerPage first = customers.list(CustomerQuery.all().withSearch("widget"), null, 3);
        assertThat(first.rows()).extracting(CustomerRow::name).containsExactly("Widget Works", "Bulk Widget 1", "Bulk Widget 10");
        assertThat(customers.list(CustomerQuery.all().withSearch("widget"), first.next(), 2).rows())
                .extracting(CustomerRow::name).containsExactly("Bulk Widget 100", "Bulk Widget 1000");
    }
}
