package com.workline.persistence.db.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The physical online backup under load: taken while a writer commits pairs of rows, restored into another
 * installation (another superuser password): the copy starts, is consistent (only whole pairs), has the roles
 * of the original, and the installation keeps its own superuser password.
 */
class ClusterBackupTest {

    private static Connection connect(EmbeddedPostgresServer server, String database, String user, String password)
            throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        return DriverManager.getConnection(server.jdbcUrl(database), p);
    }

    private static long count(EmbeddedPostgresServer server) throws SQLException {
        try (Connection c = connect(server, "workline", EmbeddedPostgresServer.SUPERUSER, server.superuserPassword());
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM pairs")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aBackupTakenWhileWritingRestoresConsistentlyIntoAnotherInstallation(@TempDir Path temp) throws Exception {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path file = temp.resolve("busy.wlbackup");
        long countAtBackupStart;
        long countAtBackupEnd;
        try (EmbeddedPostgresServer source = EmbeddedPostgresServer.startOrAttach(temp.resolve("a"))) {
            try (Connection c = connect(source, "postgres", EmbeddedPostgresServer.SUPERUSER, source.superuserPassword());
                 Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE workline");
                s.execute("CREATE ROLE person_login LOGIN PASSWORD 'person-secret'");
            }
            try (Connection c = connect(source, "workline", EmbeddedPostgresServer.SUPERUSER, source.superuserPassword());
                 Statement s = c.createStatement()) {
                // Enough data that the copy takes a while and checkpoints may happen meanwhile.
                s.execute("CREATE TABLE pairs (id bigserial PRIMARY KEY, filler text)");
                s.execute("INSERT INTO pairs (filler) SELECT repeat(md5(g::text), 20) FROM generate_series(1, 60000) g");
                s.execute("GRANT SELECT ON pairs TO person_login");
            }
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicInteger committed = new AtomicInteger();
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try (Connection c = connect(source, "workline", EmbeddedPostgresServer.SUPERUSER, source.superuserPassword())) {
                    c.setAutoCommit(false);
                    while (writing.get()) {
                        try (Statement s = c.createStatement()) {
                            s.execute("INSERT INTO pairs (filler) SELECT repeat('x', 500) FROM generate_series(1, 2)");
                            if (committed.get() % 50 == 0) {
                                s.execute("CHECKPOINT");
                            }
                        }
                        c.commit();
                        committed.incrementAndGet();
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            while (committed.get() < 20) {
                Thread.sleep(10);
            }
            countAtBackupStart = count(source);
            int commitsBefore = committed.get();
            ClusterBackup.Manifest manifest = ClusterBackup.backUp(source, "workline", file, "test", ClusterBackup.Progress.NONE);
            countAtBackupEnd = count(source);
            int commitsDuring = committed.get() - commitsBefore;
            Thread.sleep(200);
            writing.set(false);
            writer.join();
            assertThat(commitsDuring).as("writes went on during the copy").isPositive();
            assertThat(manifest.schemaVersion()).as("no Flyway history in this database").isZero();
            assertThat(ClusterBackup.verify(file).sha256()).isEqualTo(manifest.sha256());
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }

        try (EmbeddedPostgresServer target = EmbeddedPostgresServer.startOrAttach(temp.resolve("b"))) {
            String ownPassword = target.superuserPassword();
            ClusterBackup.restore(target, "workline", file, ClusterBackup.Progress.NONE);
            long restored = count(target);
            assertThat(restored % 2).as("only whole transactions").isZero();
            assertThat(restored).isGreaterThanOrEqualTo(countAtBackupStart)
                    .isLessThanOrEqualTo(countAtBackupEnd);
            assertThat(target.superuserPassword()).isEqualTo(ownPassword);
            try (Connection c = connect(target, "workline", "person_login", "person-secret");
                 ResultSet rs = c.createStatement().executeQuery("SELECT count(*) > 0 FROM pairs")) {
                rs.next();
                assertThat(rs.getBoolean(1)).as("the login and its grant came back").isTrue();
            }
        }
        // And it starts again normally after a restart.
        try (EmbeddedPostgresServer again = EmbeddedPostgresServer.startOrAttach(temp.resolve("b"))) {
            assertThat(count(again) % 2).isZero();
        }
    }

    @Test
    void aSwapInterruptedBeforeTheRestoredClusterWasInPlacePutsThePreviousOneBack(@TempDir Path temp) throws Exception {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path home = temp.resolve("home");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrAttach(home);
             Connection c = connect(server, "postgres", EmbeddedPostgresServer.SUPERUSER, server.superuserPassword());
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE workline");
        }
        // As if the process died right after moving the current cluster aside.
        Files.writeString(home.resolve(ClusterBackup.SWAP_MARKER), ClusterBackup.REPLACED_PREFIX + "20260101-000000");
        Files.move(home.resolve("pgdata"), home.resolve(ClusterBackup.REPLACED_PREFIX + "20260101-000000"));
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrAttach(home);
             Connection c = connect(server, "workline", EmbeddedPostgresServer.SUPERUSER, server.superuserPassword())) {
            assertThat(c.isValid(5)).as("the previous cluster, with its database, is back").isTrue();
        }
        assertThat(home.resolve(ClusterBackup.SWAP_MARKER)).doesNotExist();
    }
}
