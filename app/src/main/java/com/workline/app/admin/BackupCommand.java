package com.workline.app.admin;

import com.workline.app.ClientVersion;
import com.workline.app.embedded.EmbeddedDatabase;
import com.workline.persistence.common.Problem;
import com.workline.persistence.common.Text;
import com.workline.persistence.common.WorklineException;
import com.workline.persistence.db.embedded.ClusterBackup;
import com.workline.persistence.db.embedded.EmbeddedPostgresServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code workline admin backup}: a consistent copy of the embedded database, taken online (the desktop app may be
 * running; otherwise the server is started for the copy and stopped again). Never migrates.
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Back up the embedded database into one file (also while Workline is running).",
                "A company server is backed up by IT with PostgreSQL's own tools (docs/backups.md)."},
        footerHeading = "%nExample:%n", footer = "  workline admin backup --to ~/workline-2026-11-24.wlbackup")
final class BackupCommand extends AdminOptions implements Callable<Integer> {
    @Option(names = "--to", required = true, paramLabel = "FILE", description = "The backup file to write (replaced if it exists).")
    Path to;

    @Override
    public Integer call() {
        Path dataFolder = EmbeddedCommands.requireEmbedded(database, admin);
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrAttach(EmbeddedDatabase.home(dataFolder))) {
            long started = System.nanoTime();
            ClusterBackup.Manifest manifest = ClusterBackup.backUp(server, EmbeddedDatabase.DATABASE, to,
                    ClientVersion.version(), ClusterBackup.Progress.NONE);
            out().printf("Backed up the embedded database (schema version %d, %d files, %s) to %s in %.1f s%n",
                    manifest.schemaVersion(), manifest.entries(), EmbeddedCommands.size(to), to.toAbsolutePath(),
                    (System.nanoTime() - started) / 1e9);
        }
        return 0;
    }
}

/** What backup and restore share: only the embedded database, and only one that exists. */
final class EmbeddedCommands {
    private EmbeddedCommands() {
    }

    static Path requireEmbedded(DatabaseOptions database, AdminCommand admin) {
        if (!database.embedded()) {
            throw new IllegalArgumentException("backup and restore act on the embedded database only; back up a company "
                    + "server with pg_dump or pg_basebackup (docs/backups.md).");
        }
        Path dataFolder = database.dataFolder(admin.main.environment());
        if (!EmbeddedDatabase.exists(dataFolder)) {
            throw new WorklineException(Problem.NOT_FOUND, Text.of("backup.noDatabase", dataFolder));
        }
        return dataFolder;
    }

    static String size(Path file) {
        try {
            return String.format(java.util.Locale.ROOT, "%.1f MB", Files.size(file) / 1e6);
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
