package com.workline.app.embedded;

import com.workline.app.ClientVersion;
import com.workline.persistence.db.Connections;
import com.workline.persistence.db.Migrations;
import com.workline.persistence.db.MigrationReport;
import com.workline.persistence.db.RoleNames;
import com.workline.persistence.db.ServerAddress;
import com.workline.persistence.db.ServerBootstrap;
import com.workline.app.lifecycle.ExitActions;
import com.workline.persistence.db.embedded.ClusterBackup;
import com.workline.persistence.db.embedded.EmbeddedPostgresServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The embedded default: a PostgreSQL in the user's data folder, initialised like a company server on
 * first start (roles, grants, migrations) and migrated on later starts when this client is newer.
 *
 * <p>The server is stopped by {@link #close()} (closing the window, an admin command finishing) or, when the
 * JVM is ended by a signal (log-out, system shutdown, {@code kill}, Ctrl-C), by the shutdown hook of
 * {@link ExitActions}; exactly once either way.
 *
 * <p>Before migrating a database that is already in use, it is backed up to {@code <data folder>/backups/}
 * (the last {@link #MIGRATION_BACKUPS_KEPT} such backups are kept; docs/backups.md).
 */
public final class EmbeddedDatabase implements AutoCloseable {
    public static final String DATABASE = "workline";
    /** pg_ctl's own limit is 60 s; a fast shutdown normally takes well under a second. */
    static final Duration STOP_LIMIT = Duration.ofSeconds(70);
    /** Automatic backups made before migrations that are kept in the backups folder. */
    public static final int MIGRATION_BACKUPS_KEPT = 5;
    static final String MIGRATION_BACKUP_PREFIX = "before-migration";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgresServer server;
    private final ServerAddress address;
    private final DataSource superuser;
    private final RoleNames roles;
    private volatile MigrationReport migration;
    private final ExitActions.Registration stopOnExit;

    private EmbeddedDatabase(EmbeddedPostgresServer server, ServerAddress address, DataSource superuser, RoleNames roles,
                             MigrationReport migration, ExitActions.Registration stopOnExit) {
        this.server = server;
        this.roles = roles;
        this.address = address;
        this.superuser = superuser;
        this.migration = migration;
        this.stopOnExit = stopOnExit;
    }

    public static EmbeddedDatabase open(Path dataFolder, RoleNames roles) {
        return open(dataFolder, roles, null);
    }

    /** Where the embedded server of a data folder lives (its cluster is {@code pgdata} inside). */
    public static Path home(Path dataFolder) {
        return dataFolder.resolve("embedded");
    }

    /** Whether the data folder already holds an embedded cluster (no server is started to find out). */
    public static boolean exists(Path dataFolder) {
        return Files.isRegularFile(home(dataFolder).resolve("pgdata").resolve("PG_VERSION"));
    }

    /** Migrated up to {@code targetVersion} only (null: the latest): tests that need an older schema. */
    public static EmbeddedDatabase open(Path dataFolder, RoleNames roles, Integer targetVersion) {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrAttach(home(dataFolder));
        // Registered before anything else can fail or hang: a signal during the migrations stops the server too.
        ExitActions.Registration stopOnExit = ExitActions.register("stop the embedded PostgreSQL", STOP_LIMIT, server::close);
        try {
            char[] password = server.superuserPassword().toCharArray();
            ServerAddress maintenance = ServerAddress.of(server.host(), server.port(), "postgres");
            ServerBootstrap.createDatabaseIfMissing(
                    Connections.dataSource(maintenance, EmbeddedPostgresServer.SUPERUSER, password), DATABASE);
            ServerAddress address = maintenance.withDatabase(DATABASE);
            DataSource superuser = Connections.dataSource(address, EmbeddedPostgresServer.SUPERUSER, password);
            if (targetVersion == null && Migrations.pendingOnExisting(superuser, roles)) {
                backUpBeforeMigrating(server, dataFolder);
            }
            MigrationReport report = ServerBootstrap.initialise(superuser, DATABASE, roles, targetVersion);
            return new EmbeddedDatabase(server, address, superuser, roles, report, stopOnExit);
        } catch (RuntimeException e) {
            stopOnExit.runNow();
            throw e;
        }
    }

    /** The database is about to be migrated: keep a copy first, and only the last few of those copies. */
    private static void backUpBeforeMigrating(EmbeddedPostgresServer server, Path dataFolder) {
        Path folder = backupsFolder(dataFolder);
        Path file = folder.resolve(ClusterBackup.fileName(MIGRATION_BACKUP_PREFIX, Instant.now()));
        LOG.info("Migrations are pending on the embedded database: backing it up to {} first", file);
        ClusterBackup.backUp(server, DATABASE, file, ClientVersion.version(), ClusterBackup.Progress.NONE);
        for (Path old : migrationBackups(dataFolder).stream().skip(MIGRATION_BACKUPS_KEPT).toList()) {
            try {
                Files.deleteIfExists(old);
                LOG.info("Removed the older automatic backup {}", old);
            } catch (IOException e) {
                LOG.warn("Could not remove the older automatic backup {}", old, e);
            }
        }
    }

    /** {@code <data folder>/backups}: automatic backups, and the default folder for the app's own. */
    public static Path backupsFolder(Path dataFolder) {
        return dataFolder.resolve("backups");
    }

    /** The automatic backups made before migrations, newest first. */
    public static List<Path> migrationBackups(Path dataFolder) {
        Path folder = backupsFolder(dataFolder);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().startsWith(MIGRATION_BACKUP_PREFIX + "-")
                            && p.getFileName().toString().endsWith(ClusterBackup.EXTENSION))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed()).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A consistent copy of the running database into {@code target}, also while people work in it. */
    public ClusterBackup.Manifest backUp(Path target, ClusterBackup.Progress progress) {
        return ClusterBackup.backUp(server, DATABASE, target, ClientVersion.version(), progress);
    }

    /**
     * Replaces the data by the backup in {@code file} (checked first; the previous cluster stays until the restored
     * one runs), then migrates it if it is older. Every connection to the database must be closed before.
     */
    public ClusterBackup.Manifest restore(Path file, ClusterBackup.Progress progress) {
        ClusterBackup.Manifest manifest = ClusterBackup.restore(server, DATABASE, file, progress);
        migration = ServerBootstrap.initialise(superuser, DATABASE, roles);
        return manifest;
    }

    /** True when this process runs the server (and so may restore into it). */
    public boolean ownsServer() {
        return server.ownsServer();
    }

    public ServerAddress address() {
        return address;
    }

    /** Superuser access to the embedded database: for the admin command line and first-run set-up only. */
    public DataSource superuser() {
        return superuser;
    }

    public MigrationReport migration() {
        return migration;
    }

    public Path home() {
        return server.home();
    }

    /** Stops the server if this process started it (once; later calls and the shutdown hook do nothing). */
    @Override
    public void close() {
        stopOnExit.runNow();
    }
}
