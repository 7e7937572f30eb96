package com.workline.app.embedded;

import com.workline.persistence.db.Connections;
import com.workline.persistence.db.MigrationReport;
import com.workline.persistence.db.RoleNames;
import com.workline.persistence.db.ServerAddress;
import com.workline.persistence.db.ServerBootstrap;
import com.workline.app.lifecycle.ExitActions;
import com.workline.persistence.db.embedded.EmbeddedPostgresServer;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The embedded default: a PostgreSQL in the user's data folder, initialised like a company server on
 * first start (roles, grants, migrations) and migrated on later starts when this client is newer.
 *
 * <p>The server is stopped by {@link #close()} (closing the window, an admin command finishing) or, when the
 * JVM is ended by a signal (log-out, system shutdown, {@code kill}, Ctrl-C), by the shutdown hook of
 * {@link ExitActions}; exactly once either way.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    public static final String DATABASE = "workline";
    /** pg_ctl's own limit is 60 s; a fast shutdown normally takes well under a second. */
    static final Duration STOP_LIMIT = Duration.ofSeconds(70);

    private final EmbeddedPostgresServer server;
    private final ServerAddress address;
    private final DataSource superuser;
    private final MigrationReport migration;
    private final ExitActions.Registration stopOnExit;

    private EmbeddedDatabase(EmbeddedPostgresServer server, ServerAddress address, DataSource superuser,
                             MigrationReport migration, ExitActions.Registration stopOnExit) {
        this.server = server;
        this.address = address;
        this.superuser = superuser;
        this.migration = migration;
        this.stopOnExit = stopOnExit;
    }

    public static EmbeddedDatabase open(Path dataFolder, RoleNames roles) {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrAttach(dataFolder.resolve("embedded"));
        // Registered before anything else can fail or hang: a signal during the migrations stops the server too.
        ExitActions.Registration stopOnExit = ExitActions.register("stop the embedded PostgreSQL", STOP_LIMIT, server::close);
        try {
            char[] password = server.superuserPassword().toCharArray();
            ServerAddress maintenance = ServerAddress.of(server.host(), server.port(), "postgres");
            ServerBootstrap.createDatabaseIfMissing(
                    Connections.dataSource(maintenance, EmbeddedPostgresServer.SUPERUSER, password), DATABASE);
            ServerAddress address = maintenance.withDatabase(DATABASE);
            DataSource superuser = Connections.dataSource(address, EmbeddedPostgresServer.SUPERUSER, password);
            MigrationReport report = ServerBootstrap.initialise(superuser, DATABASE, roles);
            return new EmbeddedDatabase(server, address, superuser, report, stopOnExit);
        } catch (RuntimeException e) {
            stopOnExit.runNow();
            throw e;
        }
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
