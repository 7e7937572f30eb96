package com.workline.app.admin;

import com.workline.app.Environment;
import com.workline.app.Main;
import com.workline.app.embedded.EmbeddedDatabase;
import com.workline.persistence.common.WorklineException;
import com.workline.persistence.db.RoleNames;
import com.workline.persistence.db.SchemaVersion;
import com.workline.persistence.db.embedded.ClusterBackup;
import com.workline.persistence.tenancy.SignInService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code workline admin backup} and {@code restore} on real embedded databases, as IT would run them: with the
 * desktop app stopped, and while it runs (here: an {@link EmbeddedDatabase} this test holds open, owning the server).
 */
class BackupRestoreCommandTest {
    private static final RoleNames ROLES = new RoleNames(RoleNames.DEFAULT_PREFIX);

    record Run(int exitCode, String out, String err) {
    }

    private static Run run(Environment environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine(environment, new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static Run run(String... args) {
        return run(Environment.of(Map.of("WORKLINE_USER_PASSWORD", "backup-password-1")), args);
    }

    private static Path dataFolder(Path temp) throws Exception {
        // As root (CI) PostgreSQL runs as 'nobody', which must be able to enter the folder JUnit made private.
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
        return temp.resolve("data");
    }

    private static void assertSuccess(Run run) {
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    }

    private static void prepareCompany(String dir) {
        assertSuccess(run("admin", "create-org", "--data-dir", dir, "--name", "Before Backup Co"));
        assertSuccess(run("admin", "create-user", "--data-dir", dir, "--org", "Before Backup Co",
                "--email", "owner@backup.test", "--first-name", "Olga", "--last-name", "Owner", "--role", "owner"));
    }

    private static void assertSignInWorks(Path dataFolder) {
        try (EmbeddedDatabase db = EmbeddedDatabase.open(dataFolder, ROLES);
             var person = new SignInService(ROLES, 1).signIn(db.address(), "owner@backup.test",
                     "backup-password-1".toCharArray())) {
            assertThat(person.organizations()).extracting(o -> o.name()).containsExactly("Before Backup Co");
        }
    }

    @Test
    void backUpChangeRestoreWhileStoppedTheChangeIsGoneAndPeopleSignIn(@TempDir Path temp) throws Exception {
        Path data = dataFolder(temp);
        String dir = data.toString();
        prepareCompany(dir);
        Path file = temp.resolve("company.wlbackup");

        Run backup = run("admin", "backup", "--data-dir", dir, "--to", file.toString());
        assertSuccess(backup);
        assertThat(backup.out()).contains("Backed up the embedded database (schema version " + SchemaVersion.EXPECTED);
        ClusterBackup.Manifest manifest = ClusterBackup.verify(file);
        assertThat(manifest.schemaVersion()).isEqualTo(SchemaVersion.EXPECTED);
        assertThat(manifest.createdAt()).isBefore(Instant.now().plusSeconds(1));

        assertSuccess(run("admin", "create-org", "--data-dir", dir, "--name", "After Backup Co"));
        assertThat(run("admin", "list-orgs", "--data-dir", dir).out()).contains("After Backup Co");

        // Without --yes and without a terminal: refused, nothing changed.
        Run unasked = run("admin", "restore", "--data-dir", dir, "--from", file.toString());
        assertThat(unasked.exitCode()).isEqualTo(1);
        assertThat(unasked.err()).contains("add --yes");
        // Answered "no" at the prompt: nothing changed.
        Environment sayNo = Environment.of(Map.of()).withLines(question -> Optional.of("n"));
        Run declined = run(sayNo, "admin", "restore", "--data-dir", dir, "--from", file.toString());
        assertThat(declined.out()).contains("Nothing was changed.");
        assertThat(run("admin", "list-orgs", "--data-dir", dir).out()).contains("After Backup Co");

        Environment sayYes = Environment.of(Map.of()).withLines(question -> Optional.of("yes"));
        Run restored = run(sayYes, "admin", "restore", "--data-dir", dir, "--from", file.toString());
        assertSuccess(restored);
        assertThat(restored.out()).contains("Restored the backup of " + manifest.createdAt());
        String orgs = run("admin", "list-orgs", "--data-dir", dir).out();
        assertThat(orgs).contains("Before Backup Co").doesNotContain("After Backup Co");
        assertSignInWorks(data);
        // The replaced cluster is kept beside it; no staging folder is left.
        try (var siblings = Files.list(data.resolve("embedded"))) {
            assertThat(siblings.map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.startsWith("pgdata.before-restore-")).doesNotContain("pgdata.restoring");
        }
    }

    @Test
    void backUpWhileTheAppRunsAndRestoreThroughIt(@TempDir Path temp) throws Exception {
        Path data = dataFolder(temp);
        String dir = data.toString();
        prepareCompany(dir);
        Path file = temp.resolve("online.wlbackup");
        try (EmbeddedDatabase app = EmbeddedDatabase.open(data, ROLES)) {
            assertThat(app.ownsServer()).isTrue();
            // The command line attaches to the app's server and copies it online.
            assertSuccess(run("admin", "backup", "--data-dir", dir, "--to", file.toString()));
            assertSuccess(run("admin", "create-org", "--data-dir", dir, "--name", "After Backup Co"));
            Run refused = run("admin", "restore", "--data-dir", dir, "--from", file.toString(), "--yes");
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.err()).contains("Workline is running on this data folder");
            assertThat(run("admin", "list-orgs", "--data-dir", dir).out()).contains("After Backup Co");

            // What the app does: restore into the server it runs, then people sign in again.
            app.restore(file, ClusterBackup.Progress.NONE);
            try (var person = new SignInService(ROLES, 1).signIn(app.address(), "owner@backup.test",
                    "backup-password-1".toCharArray())) {
                assertThat(person.organizations()).extracting(o -> o.name()).containsExactly("Before Backup Co");
            }
            assertThat(run("admin", "list-orgs", "--data-dir", dir).out()).doesNotContain("After Backup Co");
        }
        assertSignInWorks(data);
    }

    @Test
    void corruptAndForeignFilesAreRefusedAndTheDataIsUntouched(@TempDir Path temp) throws Exception {
        Path data = dataFolder(temp);
        String dir = data.toString();
        prepareCompany(dir);
        Path good = temp.resolve("good.wlbackup");
        assertSuccess(run("admin", "backup", "--data-dir", dir, "--to", good.toString()));
        assertSuccess(run("admin", "create-org", "--data-dir", dir, "--name", "After Backup Co"));

        byte[] bytes = Files.readAllBytes(good);
        Path damaged = temp.resolve("damaged.wlbackup");
        byte[] flipped = bytes.clone();
        for (int i = bytes.length / 3; i < bytes.length / 3 + 64; i++) {
            flipped[i] ^= 0x5a;
        }
        Files.write(damaged, flipped);
        Path truncated = temp.resolve("truncated.wlbackup");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Path randomZip = temp.resolve("photos.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(randomZip))) {
            zip.putNextEntry(new ZipEntry("holiday.jpg"));
            zip.write(new byte[] {1, 2, 3});
            zip.closeEntry();
        }
        Path plainDump = temp.resolve("other.sql");
        Files.writeString(plainDump, "--\n-- PostgreSQL database dump\n--\nCREATE TABLE t (id int);\n", StandardCharsets.UTF_8);

        assertRefused(dir, damaged, "is damaged");
        assertRefused(dir, truncated, "is not a Workline backup");
        assertRefused(dir, randomZip, "is not a Workline backup");
        assertRefused(dir, plainDump, "is not a Workline backup");
        assertRefused(dir, temp.resolve("missing.wlbackup"), "There is no file");

        assertThat(run("admin", "list-orgs", "--data-dir", dir).out()).contains("Before Backup Co", "After Backup Co");
        try (var siblings = Files.list(data.resolve("embedded"))) {
            assertThat(siblings.map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.startsWith("pgdata.before-restore-") || n.equals("pgdata.restoring"));
        }
        // Also through the app's path, which checks the whole file before it stops anything.
        try (EmbeddedDatabase app = EmbeddedDatabase.open(data, ROLES)) {
            assertThatThrownBy(() -> app.restore(damaged, ClusterBackup.Progress.NONE))
                    .isInstanceOf(WorklineException.class).hasMessageContaining("Nothing was changed");
        }
        assertThat(run("admin", "list-orgs", "--data-dir", dir).out()).contains("After Backup Co");
    }

    private static void assertRefused(String dir, Path file, String reason) {
        Run refused = run("admin", "restore", "--data-dir", dir, "--from", file.toString(), "--yes");
        assertThat(refused.exitCode()).as(refused.out()).isEqualTo(1);
        assertThat(refused.err()).contains(reason);
    }

    @Test
    void backupAndRestoreActOnTheEmbeddedDatabaseOnly(@TempDir Path temp) throws Exception {
        Run remote = run("admin", "backup", "--url", "jdbc:postgresql://db.example.test:5432/workline", "--to", "x");
        assertThat(remote.exitCode()).isEqualTo(1);
        assertThat(remote.err()).contains("embedded database only");
        Run none = run("admin", "backup", "--data-dir", temp.resolve("nothing").toString(), "--to", "x");
        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.err()).contains("There is no embedded database in");
    }

    @Test
    void anOlderSchemaIsBackedUpBeforeItIsMigratedAndTheLastFiveAreKept(@TempDir Path temp) throws Exception {
        Path data = dataFolder(temp);
        int older = SchemaVersion.EXPECTED - 1;
        try (EmbeddedDatabase atOlder = EmbeddedDatabase.open(data, ROLES, older)) {
            assertThat(atOlder.migration().versionAfter()).isEqualTo(older);
        }
        assertThat(EmbeddedDatabase.migrationBackups(data)).as("a new database is not backed up").isEmpty();
        Path backups = EmbeddedDatabase.backupsFolder(data);
        Files.createDirectories(backups);
        for (int i = 1; i <= 6; i++) {
            Files.writeString(backups.resolve("before-migration-2020010" + i + "-120000.wlbackup"), "older " + i);
        }
        Files.writeString(backups.resolve("my-own.wlbackup"), "not rotated");

        try (EmbeddedDatabase migrated = EmbeddedDatabase.open(data, ROLES)) {
            assertThat(migrated.migration().versionAfter()).isEqualTo(SchemaVersion.EXPECTED);
        }
        var kept = EmbeddedDatabase.migrationBackups(data);
        assertThat(kept).hasSize(EmbeddedDatabase.MIGRATION_BACKUPS_KEPT);
        assertThat(ClusterBackup.verify(kept.get(0)).schemaVersion()).as("the newest is the real one").isEqualTo(older);
        assertThat(kept).extracting(p -> p.getFileName().toString())
                .doesNotContain("before-migration-20200101-120000.wlbackup", "before-migration-20200102-120000.wlbackup");
        assertThat(backups.resolve("my-own.wlbackup")).exists();

        try (EmbeddedDatabase again = EmbeddedDatabase.open(data, ROLES)) {
            assertThat(again.migration().applied()).isZero();
        }
        assertThat(EmbeddedDatabase.migrationBackups(data)).as("nothing pending, no backup").isEqualTo(kept);
    }
}
