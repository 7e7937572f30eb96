package com.workline.persistence.server;

import com.workline.persistence.db.Connections;
import com.workline.persistence.session.Role;
import com.workline.persistence.testing.Sql;
import com.workline.persistence.testing.TestDatabase;
import com.workline.persistence.testing.TestPerson;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The lookup PgBouncer's auth_query uses hands out password verifiers, so it is attacked like the rest: by a person with
 * psql and their own login, and by someone who stole the pooler's password (db/bootstrap/pooler-sign-in.sql).
 */
@DisplayName("The pooler's verifier lookup")
class PoolerSignInSecurityTest {
    private final TestDatabase db = TestDatabase.get();

    private Connection asPooler() throws SQLException {
        return Connections.dataSource(db.server(), db.poolerLogin(), TestDatabase.POOLER_PASSWORD.toCharArray()).getConnection();
    }

    @Test
    @DisplayName("a person cannot call it, see into its schema or read pg_authid")
    void peopleCannotLookUpVerifiers() throws SQLException {
        UUID org = db.newOrganization("Lookup");
        TestPerson owner = db.newPerson(org, Role.OWNER);
        TestPerson colleague = db.newPerson(org, Role.EMPLOYEE);
        try (Connection c = db.connectAs(owner)) {
            assertThatThrownBy(() -> Sql.rows(c, "SELECT * FROM pgbouncer.user_lookup(?)", colleague.login()))
                    .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42501");
            assertThatThrownBy(() -> Sql.rows(c, "SELECT rolpassword FROM pg_authid"))
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42501");
            assertThatThrownBy(() -> Sql.execute(c, "SET ROLE " + db.roles().authLookup()))
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42501");
            assertThatThrownBy(() -> Sql.execute(c, "CREATE FUNCTION pgbouncer.x() RETURNS int LANGUAGE sql AS 'SELECT 1'"))
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42501");
        }
    }

    @Test
    @DisplayName("the pooler's login gets the verifiers of person logins only, and reads no business data")
    void poolerLearnsPersonVerifiersOnly() throws SQLException {
        UUID org = db.newOrganization("Lookup pooler");
        TestPerson person = db.newPerson(org, Role.EMPLOYEE);
        try (Connection c = asPooler()) {
            List<List<Object>> found = Sql.rows(c, "SELECT login, verifier FROM pgbouncer.user_lookup(?)", person.login());
            assertThat(found).hasSize(1);
            assertThat(found.get(0).get(0)).isEqualTo(person.login());
            assertThat((String) found.get(0).get(1)).startsWith("SCRAM-SHA-256$");
            for (String other : List.of(db.superuserName(), db.roles().owner(), db.roles().person(), db.roles().authLookup(),
                    db.poolerLogin(), "pg_monitor", db.roles().prefix() + "_u_000000000000000000000000")) {
                assertThat(Sql.rows(c, "SELECT * FROM pgbouncer.user_lookup(?)", other)).as(other).isEmpty();
            }
            for (String table : List.of("app.customers", "sec.users", "sec.memberships", "audit.audit_log", "meta.installation")) {
                assertThatThrownBy(() -> Sql.rows(c, "SELECT * FROM " + table + " LIMIT 1")).as(table)
                        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42501");
            }
            assertThatThrownBy(() -> Sql.rows(c, "SELECT rolpassword FROM pg_authid"))
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42501");
            assertThatThrownBy(() -> Sql.execute(c, "SET ROLE " + db.roles().authLookup()))
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42501");
            assertThatThrownBy(() -> Sql.execute(c, "CREATE FUNCTION pgbouncer.x() RETURNS int LANGUAGE sql AS 'SELECT 1'"))
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42501");
        }
        // A superuser added to the person group by mistake is still not looked up.
        String intruder = db.roles().prefix() + "_u_" + "ffffffffffffffffffffffff";
        try (Connection su = db.superuser().getConnection()) {
            Sql.execute(su, "CREATE ROLE " + intruder + " LOGIN SUPERUSER PASSWORD 'x'");
            Sql.execute(su, "GRANT " + db.roles().person() + " TO " + intruder);
            try (Connection c = asPooler()) {
                assertThat(Sql.rows(c, "SELECT * FROM pgbouncer.user_lookup(?)", intruder)).isEmpty();
            } finally {
                Sql.execute(su, "DROP ROLE " + intruder);
            }
        }
        assertThat(Sql.value(db.superuser(), "SELECT rolcanlogin FROM pg_roles WHERE rolname = ?", db.roles().authLookup()))
                .isEqualTo(false);
    }
}
