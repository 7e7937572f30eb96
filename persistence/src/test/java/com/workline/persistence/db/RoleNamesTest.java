package com.workline.persistence.db;

import com.workline.persistence.testing.Sql;
import com.workline.persistence.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoleNamesTest {
    @Test
    void javaAndSqlDeriveTheSameOpaqueLogin() throws Exception {
        TestDatabase db = TestDatabase.get();
        for (String email : List.of("anna@example.com", "  Anna.Smith+crm@Example.COM ", "x@y.z")) {
            assertThat(Sql.value(db.superuser(), "SELECT sec.login_for_email(?)", email))
                    .isEqualTo(db.roles().loginFor(email));
        }
    }

    @Test
    void loginsAreOpaqueAndDifferPerPrefix() {
        RoleNames a = new RoleNames("wl");
        RoleNames b = new RoleNames("acme2");
        assertThat(a.loginFor("anna@example.com")).matches("wl_u_[0-9a-f]{24}").doesNotContain("anna");
        assertThat(a.loginFor("ANNA@example.com ")).isEqualTo(a.loginFor("anna@example.com"));
        assertThat(b.loginFor("anna@example.com").substring(8)).isNotEqualTo(a.loginFor("anna@example.com").substring(5));
        assertThat(a.owner()).isEqualTo("wl_owner");
        assertThat(b.person()).isEqualTo("acme2_person");
        assertThatThrownBy(() -> new RoleNames("Bad-Prefix")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void expectedSchemaVersionIsTheNewestMigration() throws Exception {
        Pattern version = Pattern.compile("V(\\d+)__.+\\.sql");
        int newest;
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            newest = files.map(p -> version.matcher(p.getFileName().toString()))
                    .filter(Matcher::matches).mapToInt(m -> Integer.parseInt(m.group(1))).max().orElseThrow();
        }
        assertThat(SchemaVersion.EXPECTED).isEqualTo(newest);
        assertThat(Sql.value(TestDatabase.get().superuser(), "SELECT sec.schema_version()")).isEqualTo(newest);
    }

    @Test
    void parsesServerUrls() {
        ServerAddress a = ServerAddress.parseJdbcUrl("jdbc:postgresql://db.example.com:6543/workline?sslmode=verify-full&sslrootcert=/etc/ca.pem");
        assertThat(a).isEqualTo(new ServerAddress("db.example.com", 6543, "workline", "verify-full", "/etc/ca.pem"));
        assertThat(a.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:6543/workline?sslmode=verify-full&sslrootcert=/etc/ca.pem");
        assertThat(ServerAddress.parseJdbcUrl("jdbc:postgresql://localhost/wl").port()).isEqualTo(5432);
        // Other driver settings (PgBouncer 1.18 needs prepareThreshold=0) are kept, for the other databases too.
        ServerAddress pooled = ServerAddress.parseJdbcUrl(
                "jdbc:postgresql://pool.example.com:6432/workline?prepareThreshold=0&sslmode=require&connectTimeout=5");
        assertThat(pooled.options()).isEqualTo("prepareThreshold=0&connectTimeout=5");
        assertThat(pooled.withDatabase("postgres").jdbcUrl())
                .isEqualTo("jdbc:postgresql://pool.example.com:6432/postgres?sslmode=require&prepareThreshold=0&connectTimeout=5");
        assertThatThrownBy(() -> ServerAddress.parseJdbcUrl("jdbc:mysql://x/y")).isInstanceOf(IllegalArgumentException.class);
    }
}
