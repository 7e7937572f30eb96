package com.workline.app.admin;

import com.workline.app.Environment;
import com.workline.app.embedded.DataFolders;
import com.workline.app.embedded.EmbeddedDatabase;
import com.workline.persistence.db.Connections;
import com.workline.persistence.db.RoleNames;
import com.workline.persistence.db.ServerAddress;
import picocli.CommandLine.Option;

import javax.sql.DataSource;
import java.nio.file.Path;

/** Which database an admin command acts on, and as whom. */
public final class DatabaseOptions {
    @Option(names = "--url", paramLabel = "JDBC_URL",
            description = "The company server, e.g. jdbc:postgresql://db.example.com:5432/workline?sslmode=verify-full. "
                    + "Without it: the embedded database.")
    String url;

    @Option(names = "--user", defaultValue = "postgres", paramLabel = "ROLE",
            description = "PostgreSQL role to connect as with --url: a superuser (init-server) or a member of the owner role. "
                    + "Its password comes from WORKLINE_ADMIN_PASSWORD or a prompt. Default: ${DEFAULT-VALUE}.")
    String user;

    @Option(names = "--role-prefix", paramLabel = "PREFIX",
            description = "Prefix of Workline's role names, so that several Workline databases can share one "
                    + "PostgreSQL cluster (default: wl, or WORKLINE_ROLE_PREFIX).")
    String rolePrefix;

    @Option(names = "--data-dir", paramLabel = "FOLDER",
            description = "Data folder of the embedded database (default: the OS-standard per-user folder, or WORKLINE_DATA_DIR).")
    Path dataDir;

    RoleNames roles(Environment environment) {
        return new RoleNames(rolePrefix != null ? rolePrefix
                : environment.variable("WORKLINE_ROLE_PREFIX").orElse(RoleNames.DEFAULT_PREFIX));
    }

    boolean embedded() {
        return url == null;
    }

    Path dataFolder(Environment environment) {
        if (dataDir != null) {
            return dataDir;
        }
        return environment.variable("WORKLINE_DATA_DIR").map(Path::of).orElseGet(DataFolders::userDataFolder);
    }

    /** Opens the target: the embedded database (started, initialised, migrated) or the server at --url. */
    Target open(Environment environment) {
        RoleNames roles = roles(environment);
        if (embedded()) {
            EmbeddedDatabase embedded = EmbeddedDatabase.open(dataFolder(environment), roles);
            return new Target(embedded.address(), roles, embedded, database -> embedded.superuser());
        }
        ServerAddress address = ServerAddress.parseJdbcUrl(url);
        char[] password = environment.password("WORKLINE_ADMIN_PASSWORD", "Password of " + user + ": ", false);
        return new Target(address, roles, null,
                database -> Connections.dataSource(address.withDatabase(database), user, password));
    }

    /** An opened database: where it is, the role names, and administrative connections to it (or its cluster). */
    record Target(ServerAddress address, RoleNames roles, EmbeddedDatabase embedded,
                  java.util.function.Function<String, DataSource> connector) implements AutoCloseable {

        DataSource admin() {
            return connector.apply(address.database());
        }

        DataSource maintenance() {
            return connector.apply("postgres");
        }

        @Override
        public void close() {
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
