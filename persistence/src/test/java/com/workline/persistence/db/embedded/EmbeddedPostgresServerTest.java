package com.workline.persistence.db.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded server's life cycle: first start, restart, a killed client, a stale pid file, a second process. */
class EmbeddedPostgresServerTest {

    private static int selectOne(EmbeddedPostgresServer server, String password) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", EmbeddedPostgresServer.SUPERUSER);
        p.setProperty("password", password);
        try (Connection c = DriverManager.getConnection(server.jdbcUrl("postgres"), p);
             ResultSet rs = c.createStatement().executeQuery("SELECT 1")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Alive and not a zombie (an exited process whose parent, here maybe PID 1, has not reaped it yet). */
    private static boolean running(long pid) throws java.io.IOException {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (Files.exists(stat)) {
            String content = Files.readString(stat);
            return content.charAt(content.lastIndexOf(')') + 2) != 'Z';
        }
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    @Test
    void passwordAuthenticationOnLoopbackOnlyAndAPrivatePasswordFile(@TempDir Path home) throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrAttach(home)) {
            assertThat(selectOne(server, server.superuserPassword())).isEqualTo(1);
            assertThatThrownBy(() -> selectOne(server, "wrong")).isInstanceOf(SQLException.class)
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("28P01");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("superuser.password"))))
                    .isEqualTo("rw-------");
            Properties p = new Properties();
            p.setProperty("user", EmbeddedPostgresServer.SUPERUSER);
            p.setProperty("password", server.superuserPassword());
            try (Connection c = DriverManager.getConnection(server.jdbcUrl("postgres"), p);
                 ResultSet rs = c.createStatement().executeQuery(
                         "SELECT current_setting('listen_addresses'), current_setting('password_encryption')")) {
                rs.next();
                assertThat(List.of(rs.getString(1), rs.getString(2))).containsExactly("127.0.0.1", "scram-sha-256");
            }
        }
    }

    @Test
    void restartsOnTheSameDataAfterACleanStop(@TempDir Path home) throws Exception {
        String password;
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.startOrAttach(home)) {
            password = first.superuserPassword();
            Properties p = new Properties();
            p.setProperty("user", EmbeddedPostgresServer.SUPERUSER);
            p.setProperty("password", password);
            try (Connection c = DriverManager.getConnection(first.jdbcUrl("postgres"), p)) {
                c.createStatement().execute("CREATE TABLE kept (x int); INSERT INTO kept VALUES (42)");
            }
        }
        assertThat(home.resolve("pgdata/postmaster.pid")).doesNotExist();
        try (EmbeddedPostgresServer second = EmbeddedPostgresServer.startOrAttach(home)) {
            assertThat(second.superuserPassword()).isEqualTo(password);
            Properties p = new Properties();
            p.setProperty("user", EmbeddedPostgresServer.SUPERUSER);
            p.setProperty("password", password);
            try (Connection c = DriverManager.getConnection(second.jdbcUrl("postgres"), p);
                 ResultSet rs = c.createStatement().executeQuery("SELECT x FROM kept")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(42);
            }
        }
    }

    @Test
    void aKilledClientDoesNotPreventTheNextStart(@TempDir Path home) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ServerHoldingProcess.class.getName(), home.toString()).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String ready = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.startsWith("READY ")) {
                        return line;
                    }
                }
                return null;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).get(120, TimeUnit.SECONDS);
        assertThat(ready).as("the child process started the server").isNotNull();
        long leftoverPostmaster = PostmasterPid.read(home.resolve("pgdata")).orElseThrow().pid();

        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(ProcessHandle.of(leftoverPostmaster).map(ProcessHandle::isAlive)).as("postmaster outlives its client")
                .contains(true);

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrAttach(home)) {
            assertThat(server.ownsServer()).isTrue();
            assertThat(selectOne(server, server.superuserPassword())).isEqualTo(1);
            assertThat(running(leftoverPostmaster)).as("the leftover postmaster was stopped").isFalse();
            assertThat(PostmasterPid.read(home.resolve("pgdata")).orElseThrow().pid()).isNotEqualTo(leftoverPostmaster);
        }
    }

    @Test
    void aStalePidFileDoesNotPreventTheNextStart(@TempDir Path home) throws Exception {
        EmbeddedPostgresServer.startOrAttach(home).close();
        Process exited = new ProcessBuilder("true").start();
        exited.waitFor();
        Path pidFile = home.resolve("pgdata/postmaster.pid");
        Files.writeString(pidFile, exited.pid() + "\n" + home.resolve("pgdata") + "\n1700000000\n5432\n\n127.0.0.1\n");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrAttach(home)) {
            assertThat(selectOne(server, server.superuserPassword())).isEqualTo(1);
        }
    }

    @Test
    void aSecondProcessAttachesAndLeavesTheServerRunning(@TempDir Path home) throws Exception {
        try (EmbeddedPostgresServer owner = EmbeddedPostgresServer.startOrAttach(home)) {
            try (EmbeddedPostgresServer guest = EmbeddedPostgresServer.startOrAttach(home)) {
                assertThat(guest.ownsServer()).isFalse();
                assertThat(guest.port()).isEqualTo(owner.port());
                assertThat(selectOne(guest, guest.superuserPassword())).isEqualTo(1);
            }
            assertThat(selectOne(owner, owner.superuserPassword())).as("still running after the guest left").isEqualTo(1);
        }
    }
}
