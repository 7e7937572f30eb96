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
}
