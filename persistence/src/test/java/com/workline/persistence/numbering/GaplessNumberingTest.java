package com.workline.persistence.numbering;

import com.workline.persistence.admin.Administration;
import com.workline.persistence.crm.Crm;
import com.workline.persistence.session.Role;
import com.workline.persistence.crm.CustomerDetails;
import com.workline.persistence.db.PersonDatabase;
import com.workline.persistence.testing.Sql;
import com.workline.persistence.testing.TestDatabase;
import com.workline.persistence.testing.TestPerson;
import com.workline.persistence.tenancy.MappedEntities;
import com.workline.persistence.session.TenantSession;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Gapless numbers are issued by the database inside the statement that creates the numbered record
 * (customers now; quotes, invoices and orders later through their issuing functions).
 */
class GaplessNumberingTest {

    private static String insertCustomer(org.hibernate.Session s, String name) {
        return s.createNativeQuery("INSERT INTO app.customers (organization_id, name) VALUES (sec.current_tenant(), :name) "
                + "RETURNING number", String.class).setParameter("name", name).getSingleResult();
    }

    @Test
    void tenClientsCreatingCustomersAtOnceGetConsecutiveNumbers() throws Exception {
        TestDatabase db = TestDatabase.get();
        UUID org = db.newOrganization("Numbers");
        TestPerson clerk = db.newPerson(org, Role.EMPLOYEE);
        int threads = 10;
        int perThread = 5;
        try (PersonDatabase pool = PersonDatabase.open(db.server(), clerk.login(), clerk.password().toCharArray(), threads,
                MappedEntities.ALL)) {
            com.workline.persistence.db.TenantDatabase inOrg = pool.forOrganization(org);
            ExecutorService executor = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<String>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(executor.submit(() -> {
                    start.await();
                    List<String> taken = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        String name = "Customer " + thread + "-" + i;
                        taken.add(inOrg.inTenant(s -> insertCustomer(s, name)));
                    }
                    return taken;
                }));
            }
            start.countDown();
            List<String> all = new ArrayList<>();
            for (Future<List<String>> f : futures) {
                all.addAll(f.get());
            }
            executor.shutdown();
            assertThat(all).containsExactlyInAnyOrderElementsOf(
                    IntStream.rangeClosed(1, threads * perThread).mapToObj(n -> String.format("C-%06d", n)).toList());
        }
    }

    @Test
    void aRolledBackInsertGivesItsNumberBack() {
        TestDatabase db = TestDatabase.get();
        UUID org = db.newOrganization("Rollback numbers");
        TenantSession session = db.signInTo(db.newPerson(org, Role.EMPLOYEE), org);
        try {
            var inOrg = session.database();
            assertThat((String) inOrg.inTenant(s -> insertCustomer(s, "First"))).isEqualTo("C-000001");
            assertThatThrownBy(() -> inOrg.inTenant(s -> {
                assertThat(insertCustomer(s, "Lost")).isEqualTo("C-000002");
                throw new IllegalStateException("creating the customer failed");
            })).hasMessageContaining("creating the customer failed");
            assertThat((String) inOrg.inTenant(s -> insertCustomer(s, "Next"))).isEqualTo("C-000002");
            assertThat(Crm.of(session).customers().create(CustomerDetails.newCustomer("Through the service", com.workline.persistence.crm.CustomerType.COMPANY, com.workline.persistence.crm.CustomerStatus.LEAD)).number())
                    .isEqualTo("C-000003");
        } finally {
            session.person().close();
        }
    }

    @Test
    void aNumberSuppliedByTheClientIsReplacedAndCannotBeChangedLater() throws SQLException {
        TestDatabase db = TestDatabase.get();
        UUID org = db.newOrganization("Own numbers");
        TestPerson clerk = db.newPerson(org, Role.MANAGER);
        try (Connection c = db.connectAs(clerk)) {
            c.setAutoCommit(false);
            Sql.value(c, "SELECT set_config('app.tenant_id', ?, true)", org.toString());
            Object id = Sql.value(c, "INSERT INTO app.customers (organization_id, number, name) VALUES (?, 'MINE-1', 'X') "
                    + "RETURNING id", org);
            assertThat(Sql.value(c, "SELECT number FROM app.customers WHERE id = ?", id)).isEqualTo("C-000001");
            assertThatThrownBy(() -> Sql.update(c, "UPDATE app.customers SET number = 'C-999999' WHERE id = ?", id))
                    .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("WL002");
            c.rollback();
        }
    }

    @Test
    void seriesAreSeparatePerOrganizationKindAndYear() throws SQLException {
        TestDatabase db = TestDatabase.get();
        UUID orgA = db.newOrganization("Series A");
        UUID orgB = db.newOrganization("Series B");
        try (Connection owner = db.superuser().getConnection()) {
            Sql.execute(owner, "SET ROLE " + db.roles().owner());
            String issue = "SELECT sec.issue_number(?, ?, ?)";
            assertThat(Sql.value(owner, issue, orgA, "invoice", LocalDate.of(2025, 12, 31))).isEqualTo("INV-2025-00001");
            assertThat(Sql.value(owner, issue, orgA, "invoice", LocalDate.of(2026, 1, 1))).isEqualTo("INV-2026-00001");
            assertThat(Sql.value(owner, issue, orgA, "invoice", LocalDate.of(2026, 5, 1))).isEqualTo("INV-2026-00002");
            assertThat(Sql.value(owner, issue, orgA, "customer", LocalDate.of(2026, 1, 1))).isEqualTo("C-000001");
            assertThat(Sql.value(owner, issue, orgA, "customer", LocalDate.of(2027, 1, 1)))
                    .as("customer numbers never restart").isEqualTo("C-000002");
            assertThat(Sql.value(owner, issue, orgB, "customer", LocalDate.of(2026, 1, 1))).isEqualTo("C-000001");
        }
        TenantSession a = db.signInTo(db.newPerson(orgA, Role.VIEWER), orgA);
        try {
            assertThat(Administration.of(a).numberSeries().list()).extracting(NumberSeries::kind)
                    .containsOnly(DocumentKind.INVOICE, DocumentKind.CUSTOMER);
        } finally {
            a.person().close();
        }
    }

    @Test
    void theDatabaseFormatsNumbersExactlyAsTheSettingsScreenPreviewsThem() throws SQLException {
        TestDatabase db = TestDatabase.get();
        for (String pattern : List.of("INV-{yyyy}-{seq:5}", "{yy}/{seq}", "Q{seq:3}-{yyyy}", "C-{seq:6}", "{seq:2}-{seq:4}", "X{seq:1}")) {
            for (long sequence : new long[]{1, 42, 123456}) {
                assertThat(Sql.value(db.superuser(), "SELECT sec.format_document_number(?, ?, ?)", pattern, 2026, sequence))
                        .as(pattern + " " + sequence).isEqualTo(NumberFormatPattern.format(pattern, 2026, sequence));
            }
        }
    }

    @Test
    void viewersCreateNoNumberedRecordsAndTheSeriesDoesNotMove() throws SQLException {
        TestDatabase db = TestDatabase.get();
        UUID org = db.newOrganization("Viewer numbers");
        TestPerson viewer = db.newPerson(org, Role.VIEWER);
        try (Connection c = db.connectAs(viewer)) {
            Sql.selectTenantForSession(c, org);
            assertThatThrownBy(() -> Sql.update(c, "INSERT INTO app.customers (organization_id, name) VALUES (?, 'Nope')", org))
                    .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42501");
        }
        assertThat(Sql.count(db.superuser(),
                "SELECT count(*) FROM app.number_series WHERE organization_id = ?", org)).isZero();
    }
}
