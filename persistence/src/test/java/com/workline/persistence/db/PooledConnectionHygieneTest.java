package com.workline.persistence.db;

import com.workline.persistence.session.Role;
import com.workline.persistence.testing.TestDatabase;
import com.workline.persistence.testing.TestPerson;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A pooled connection never carries a tenant or a previous transaction's state to its next use. */
class PooledConnectionHygieneTest {

    private static String setting(Session s) {
        return s.createNativeQuery("SELECT coalesce(current_setting('app.tenant_id', true), '')", String.class).getSingleResult();
    }

    @Test
    void tenantAThenRollbackThenTenantBOnOneConnection() {
        TestDatabase db = TestDatabase.get();
        UUID orgA = db.newOrganization("Pool A");
        UUID orgB = db.newOrganization("Pool B");
        TestPerson person = db.newPerson(orgA, Role.ADMIN);
        db.provisioning().addPerson(orgB, new com.workline.persistence.admin.NewPerson(person.email(), "Test", "Admin",
                Role.ADMIN, TestDatabase.PASSWORD.toCharArray()));

        try (PersonDatabase pool = PersonDatabase.open(db.server(), person.login(), person.password().toCharArray(), 1, com.workline.persistence.tenancy.MappedEntities.ALL)) {
            com.workline.persistence.db.TenantDatabase inOrgA = pool.forOrganization(orgA);
            int[] backendPid = new int[1];
            assertThatThrownBy(() -> inOrgA.inTenant(s -> {
                backendPid[0] = s.createNativeQuery("SELECT pg_backend_pid()", Integer.class).getSingleResult();
                assertThat(setting(s)).isEqualTo(orgA.toString());
                s.createNativeQuery("CREATE TEMP TABLE scratch (x int)").executeUpdate();
                s.createNativeQuery("INSERT INTO app.customers (organization_id, name) VALUES (sec.current_tenant(), 'Scratch')")
                        .executeUpdate();
                throw new IllegalStateException("roll back");
            })).hasMessageContaining("roll back");

            com.workline.persistence.db.TenantDatabase inOrgB = pool.forOrganization(orgB);
            List<Object> seen = inOrgB.inTenant(s -> List.of(
                    s.createNativeQuery("SELECT pg_backend_pid()", Integer.class).getSingleResult(),
                    setting(s),
                    s.createNativeQuery("SELECT count(*) FROM app.organizations WHERE id = :a", Long.class)
                            .setParameter("a", orgA).getSingleResult(),
                    s.createNativeQuery("SELECT to_regclass('pg_temp.scratch') IS NULL", Boolean.class).getSingleResult(),
                    s.createNativeQuery("SELECT sec.current_tenant()", UUID.class).getSingleResult()));
            assertThat(seen.get(0)).as("same pooled connection").isEqualTo(backendPid[0]);
            assertThat(seen.get(1)).isEqualTo(orgB.toString());
            assertThat(seen.get(2)).isEqualTo(0L);
            assertThat(seen.get(3)).as("the rolled-back temp table is gone").isEqualTo(true);
            assertThat(seen.get(4)).isEqualTo(orgB);

            // Outside any unit of work the connection carries no tenant at all.
            String between = inOrgB.inTenant(s -> {
                s.doWork(c -> {
                    c.commit(); // end the unit's transaction, the next statement starts a fresh one
                });
                return setting(s);
            });
            assertThat(between).isEmpty();
        }
    }

    @Test
    void theSessionlessReadSetsTheTenantForItsOwnTransactionOnly() {
        TestDatabase db = TestDatabase.get();
        UUID orgA = db.newOrganization("Read A");
        TestPerson person = db.newPerson(orgA, Role.EMPLOYEE);
        try (PersonDatabase pool = PersonDatabase.open(db.server(), person.login(), person.password().toCharArray(), 1,
                com.workline.persistence.tenancy.MappedEntities.ALL)) {
            TenantDatabase inOrgA = pool.forOrganization(orgA);
            List<Object> inside = inOrgA.read("SELECT pg_backend_pid(), current_setting('app.tenant_id', true), "
                    + "sec.current_tenant()", List.of(), rs -> {
                        rs.next();
                        return List.of(rs.getInt(1), rs.getString(2), rs.getObject(3, UUID.class));
                    });
            assertThat(inside.get(1)).isEqualTo(orgA.toString());
            assertThat(inside.get(2)).isEqualTo(orgA);
            // The same pooled connection afterwards, outside any unit of work: no tenant.
            List<Object> after = inOrgA.inTenant(s -> {
                s.doWork(java.sql.Connection::commit);
                return List.of(s.createNativeQuery("SELECT pg_backend_pid()", Integer.class).getSingleResult(), setting(s));
            });
            assertThat(after.get(0)).as("same pooled connection").isEqualTo(inside.get(0));
            assertThat(after.get(1)).isEqualTo("");
            // A failing read rolls back and leaves nothing behind either.
            assertThatThrownBy(() -> inOrgA.read("SELECT 1 / 0", List.of(), rs -> null)).isNotNull();
            UUID again = inOrgA.read("SELECT sec.current_tenant()", List.of(), rs -> {
                rs.next();
                return rs.getObject(1, UUID.class);
            });
            assertThat(again).isEqualTo(orgA);
            assertThatThrownBy(() -> inOrgA.read("SELECT 1; SELECT 2", List.of(), rs -> null))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
