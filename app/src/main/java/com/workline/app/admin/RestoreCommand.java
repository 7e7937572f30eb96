package com.workline.app.admin;

import com.workline.app.embedded.EmbeddedDatabase;
import com.workline.persistence.db.embedded.ClusterBackup;
import com.workline.persistence.db.embedded.EmbeddedPostgresServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code workline admin restore}: replaces the embedded database by a backup. The file is checked completely
 * first; the current data stays in place until the restored copy runs (then it is kept as
 * {@code embedded/pgdata.before-restore-<time>}). Needs the desktop app closed: it owns the running server.
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Replace the embedded database by a backup made with 'backup' (or by the app).",
                "Asks first unless --yes; close Workline on this data folder before."},
        footerHeading = "%nExample:%n", footer = "  workline admin restore --from ~/workline-2026-11-24.wlbackup")
final class RestoreCommand extends AdminOptions implements Callable<Integer> {
    @Option(names = "--from", required = true, paramLabel = "FILE", description = "The backup file to restore.")
    Path from;

    @Option(names = "--yes", description = "Replace the current data without asking.")
    boolean yes;

    @Override
    public Integer call() {
        PrintWriter out = out();
        if (!database.embedded()) {
            throw new IllegalArgumentException("restore acts on the embedded database only (docs/backups.md).");
        }
        Path dataFolder = database.dataFolder(environment());
        ClusterBackup.Manifest manifest = ClusterBackup.verify(from);
        out.printf("%s: a Workline backup of %s (schema version %d, made by Workline %s)%n", from, manifest.createdAt(),
                manifest.schemaVersion(), manifest.clientVersion());
        boolean existing = EmbeddedDatabase.exists(dataFolder);
        if (existing && !yes && !environment().confirm(
                "Replace the embedded database in " + dataFolder + " by this backup?", "--yes")) {
            out.println("Nothing was changed.");
            return 1;
        }
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrAttach(EmbeddedDatabase.home(dataFolder))) {
            ClusterBackup.restore(server, EmbeddedDatabase.DATABASE, from, ClusterBackup.Progress.NONE);
        }
        // Opening it migrates a backup of an older schema to this client's version.
        try (EmbeddedDatabase restored = EmbeddedDatabase.open(dataFolder, database.roles(environment()))) {
            out.printf("Restored the backup of %s into %s (%s).%n", manifest.createdAt(), dataFolder,
                    Reports.describe(restored.migration()));
        }
        return 0;
    }
}
