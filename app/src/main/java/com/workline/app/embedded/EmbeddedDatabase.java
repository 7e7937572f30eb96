package com.workline.app.embedded;

import com.workline.persistence.db.Connections;
import com.workline.persistence.db.MigrationReport;
import com.workline.persistence.db.RoleNames;
import com.workline.persistence.db.ServerAddress;
import com.workline.persistence.db.ServerBootstrap;
import com.workline.persistence.db.embedded.EmbeddedPostgresServer;

import javax.sql.DataSource;
import java.nio.file.Path;

/**
 * The embedded default: a PostgreSQL in the user's data folder, initialised like a company server on
 * first start (roles, grants, migrations) and migrated on later starts when this client is newer.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    public static final String DATABASE = "workline";

    private final EmbeddedPostgresServer server;
    private final ServerAddress address;
    private final DataSource superuser;
    private final MigrationReport migration;

    private EmbeddedDatabase(EmbeddedPostgresServer server, ServerAddress address, DataSource superuser,
                             MigrationReport migration) {
        this.server = server;
        this.address = address;
        this.superuser = superuser;
        this.migration = migration;
    }

    public static EmbeddedDatabase open(Path dataFolder, RoleNames roles) {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrAttach(dataFolder.resolve("embedded"));
        try {
            char[] password = server.superuserPassword().toCharArray();
            ServerAddress maintenance = ServerAddress.of(server.host(), server.port(), "postgres");
            ServerBootstrap.createDatabaseIfMissing(
                    Connections.dataSource(maintenance, EmbeddedPostgresServer.SUPERUSER, password), DATABASE);
            ServerAddress address = maintenance.withDatabase(DATABASE);
            DataSource superuser = Connections.dataSource(address, EmbeddedPostgresServer.SUPERUSER, password);
            MigrationReport report = ServerBootstrap.initialise(superuser, DATABASE, roles);
            return new EmbeddedDatabase(server, address, superuser, report);
        } catch (RuntimeException e) {
            server.close();
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

    @Override
    public void close() {
        server.close();
    }
}
