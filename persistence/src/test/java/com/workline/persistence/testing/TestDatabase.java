package com.workline.persistence.testing;

import com.workline.persistence.admin.NewOrganization;
import com.workline.persistence.admin.NewPerson;
import com.workline.persistence.admin.OrganizationProvisioning;
import com.workline.persistence.session.Role;
import com.workline.persistence.db.Connections;
import com.workline.persistence.db.RoleNames;
import com.workline.persistence.db.ServerAddress;
import com.workline.persistence.db.ServerBootstrap;
import com.workline.persistence.db.embedded.EmbeddedPostgresServer;
import com.workline.persistence.tenancy.SignInService;
import com.workline.persistence.session.SignedInPerson;
import com.workline.persistence.session.TenantSession;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The database every test of this JVM uses: the embedded PostgreSQL (started once, initialised and
 * migrated like a real server) or, when {@code WORKLINE_TEST_DB_URL} is set, an external PostgreSQL 15+
 * server (see docs/testing.md). Tests isolate themselves by creating their own organizations and people.
 */
public final class TestDatabase {
    /** Every test person has this password. */
    public static final String PASSWORD = "correct horse battery";

    private static TestDatabase instance;

    private final ServerAddress server;
    private final String superuserName;
    private final char[] superuserPassword;
    private final DataSource superuser;
    private final RoleNames roles;
    private final OrganizationProvisioning provisioning;
    private final AtomicInteger counter = new AtomicInteger();
    private final String runId = Long.toString(System.nanoTime(), 36);

    private TestDatabase(ServerAddress server, String superuserName, char[] superuserPassword, RoleNames roles) {
        this.server = server;
        this.superuserName = superuserName;
        this.superuserPassword = superuserPassword;
        this.superuser = Connections.dataSource(server, superuserName, superuserPassword);
        this.roles = roles;
        this.provisioning = new OrganizationProvisioning(superuser, roles);
    }

    public static synchronized TestDatabase get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    private static TestDatabase start() {
        String externalUrl = System.getenv("WORKLINE_TEST_DB_URL");
        if (externalUrl != null && !externalUrl.isBlank()) {
            ServerAddress server = ServerAddress.parseJdbcUrl(externalUrl);
            String user = envOr("WORKLINE_TEST_DB_USER", "postgres");
            char[] password = envOr("WORKLINE_TEST_DB_PASSWORD", "").toCharArray();
            // A fresh database and role prefix per run: roles are cluster-wide, runs must not collide.
            String suffix = Long.toString(System.currentTimeMillis(), 36);
            String database = server.database() + "_" + suffix;
            ServerBootstrap.createDatabaseIfMissing(Connections.dataSource(server.withDatabase("postgres"), user, password), database);
            ServerAddress testServer = server.withDatabase(database);
            return initialise(testServer, user, password, new RoleNames("wlt" + suffix));
        }
        try {
            Path home = Files.createTempDirectory("workline-test-db");
            EmbeddedPostgresServer embedded = EmbeddedPostgresServer.startOrAttach(home);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                embedded.close();
                deleteRecursively(home);
            }, "embedded-postgres-stop"));
            ServerAddress maintenance = ServerAddress.of(embedded.host(), embedded.port(), "postgres");
            char[] password = embedded.superuserPassword().toCharArray();
            ServerBootstrap.createDatabaseIfMissing(
                    Connections.dataSource(maintenance, EmbeddedPostgresServer.SUPERUSER, password), "workline");
            ServerAddress server = maintenance.withDatabase("workline");
            return initialise(server, EmbeddedPostgresServer.SUPERUSER, password, RoleNames.defaults());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TestDatabase initialise(ServerAddress server, String user, char[] password, RoleNames roles) {
        TestDatabase db = new TestDatabase(server, user, password, roles);
        ServerBootstrap.initialise(db.superuser, server.database(), roles);
        // Always, so that the catalog and hostile suites check the pooler's lookup function too (PgBouncerTest uses it).
        ServerBootstrap.enablePoolerSignIn(db.superuser, server.database(), roles, db.poolerLogin(), POOLER_PASSWORD.toCharArray());
        return db;
    }

    /** The password of the connection pooler's login (auth_user of PgBouncer's auth_query). */
    public static final String POOLER_PASSWORD = "pooler lookup secret";

    /** The login PgBouncer looks people's verifiers up with (init-server --pooler-login). */
    public String poolerLogin() {
        return roles.prefix() + "_pooler";
    }

    private static void deleteRecursively(Path folder) {
        try (var all = Files.walk(folder)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary folder is harmless
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    public ServerAddress server() {
        return server;
    }

    public RoleNames roles() {
        return roles;
    }

    /** A superuser connection source: for catalog checks and fixtures only, never for code under test. */
    public DataSource superuser() {
        return superuser;
    }

    /** The superuser's name and password, for tests of the admin command line. */
    public String superuserName() {
        return superuserName;
    }

    public String superuserPassword() {
        return new String(superuserPassword);
    }

    public OrganizationProvisioning provisioning() {
        return provisioning;
    }

    public UUID newOrganization(String name) {
        return provisioning.createOrganization(new NewOrganization(name + " " + unique(), "EUR", "DE", "Europe/Berlin", "de-DE"));
    }

    /** A new person with the given role in the organization; email unique per run. */
    public TestPerson newPerson(UUID organizationId, Role role) {
        String email = role.databaseValue() + "." + unique() + "@example.test";
        UUID userId = provisioning.addPerson(organizationId,
                new NewPerson(email, "Test", role.name().charAt(0) + role.name().substring(1).toLowerCase(), role,
                        PASSWORD.toCharArray()));
        return new TestPerson(userId, email, roles.loginFor(email), PASSWORD);
    }

    public String unique() {
        return runId + "-" + counter.incrementAndGet();
    }

    /** A plain JDBC connection with the person's own login (autocommit on), as a hostile client would open it. */
    public Connection connectAs(TestPerson person) throws SQLException {
        return Connections.dataSource(server, person.login(), person.password().toCharArray()).getConnection();
    }

    public SignedInPerson signIn(TestPerson person) {
        return new SignInService(roles, 2).signIn(server, person.email(), person.password().toCharArray());
    }

    /** Signs in and chooses the organization. Close {@code session.person()} when done. */
    public TenantSession signInTo(TestPerson person, UUID organizationId) {
        return signIn(person).choose(organizationId);
    }

    /**
     * Like {@link #signInTo(TestPerson, UUID)} with a pool of one connection, for tests that sign one person in many
     * times at once (each sign-in's pool counts against the person's connection limit).
     */
    public TenantSession signInWithOneConnection(TestPerson person, UUID organizationId) {
        return new SignInService(roles, 1).signIn(server, person.email(), person.password().toCharArray())
                .choose(organizationId);
    }
}
