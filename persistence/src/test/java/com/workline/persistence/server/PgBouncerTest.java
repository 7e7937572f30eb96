package com.workline.persistence.server;

import com.workline.persistence.admin.Administration;
import com.workline.persistence.admin.NewPerson;
import com.workline.persistence.common.Problem;
import com.workline.persistence.common.WorklineException;
import com.workline.persistence.crm.Crm;
import com.workline.persistence.crm.CustomerDetails;
import com.workline.persistence.crm.CustomerQuery;
import com.workline.persistence.crm.CustomerRow;
import com.workline.persistence.crm.CustomerStatus;
import com.workline.persistence.crm.CustomerType;
import com.workline.persistence.db.ServerAddress;
import com.workline.persistence.session.Role;
import com.workline.persistence.session.SignedInPerson;
import com.workline.persistence.session.TenantSession;
import com.workline.persistence.tenancy.SignInService;
import com.workline.persistence.testing.PgBouncer;
import com.workline.persistence.testing.Sql;
import com.workline.persistence.testing.TestDatabase;
import com.workline.persistence.testing.TestPerson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The client unchanged behind the real PgBouncer in transaction mode (docs/scale-out.md): every person signs in with
 * their own password through {@code auth_query}, and several clients of two organizations work at once over two server
 * connections per login, so that transactions of different clients, and of one person in two organizations, take turns
 * on the same server connections. Runs when the {@code pgbouncer} binary is installed ({@code .ci/run} installs it and
 * sets WORKLINE_REQUIRE_PGBOUNCER, which turns a missing binary into a failure).
 */
@DisplayName("PgBouncer in transaction mode")
class PgBouncerTest {
    private static final int SERVER_CONNECTIONS_PER_LOGIN = 2;
    private static TestDatabase db;
    private static PgBouncer bouncer;

    @BeforeAll
    static void start() throws Exception {
        boolean installed = PgBouncer.binary().isPresent();
        if (System.getenv("WORKLINE_REQUIRE_PGBOUNCER") != null) {
            assertThat(installed).as("WORKLINE_REQUIRE_PGBOUNCER is set but pgbouncer is not installed").isTrue();
        }
        assumeTrue(installed, "pgbouncer is not installed (apt-get install pgbouncer); the PgBouncer tests are skipped");
        db = TestDatabase.get();
        bouncer = PgBouncer.start(db, SERVER_CONNECTIONS_PER_LOGIN);
    }

    @AfterAll
    static void stop() throws Exception {
        if (bouncer != null) {
            bouncer.close();
        }
    }

    /** The company server's URL as IT writes it for PgBouncer 1.18 (no prepared statements across transactions). */
    private static ServerAddress throughPgBouncer() {
        return ServerAddress.parseJdbcUrl("jdbc:postgresql://127.0.0.1:" + bouncer.port() + "/" + db.server().database()
                + "?prepareThreshold=0");
    }

    private static SignedInPerson signIn(TestPerson person, int poolSize) {
        return new SignInService(db.roles(), poolSize).signIn(throughPgBouncer(), person.email(), person.password().toCharArray());
    }

    @Test
    @DisplayName("clients of two organizations read and write at once over shared server connections, each seeing only its own organization")
    void clientsShareServerConnectionsAndTenantsNeverLeak() throws Exception {
        UUID a = db.newOrganization("Pool A");
        UUID b = db.newOrganization("Pool B");
        TestPerson anna = db.newPerson(a, Role.MANAGER);
        TestPerson bert = db.newPerson(b, Role.MANAGER);
        // One person in both organizations: their two clients share one login's server connections.
        TestPerson both = db.newPerson(a, Role.MANAGER);
        db.provisioning().addPerson(b, new NewPerson(both.email(), "x", "y", Role.MANAGER, null));

        record Client(String tag, TenantSession session) {
        }
        List<SignedInPerson> signedIn = new ArrayList<>();
        List<Client> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) { // two computers each
                SignedInPerson annaHere = signIn(anna, 3);
                SignedInPerson bertHere = signIn(bert, 3);
                SignedInPerson bothHere = signIn(both, 3);
                signedIn.addAll(List.of(annaHere, bertHere, bothHere));
                clients.add(new Client("A", annaHere.choose(a)));
                clients.add(new Client("B", bertHere.choose(b)));
                clients.add(new Client("A", bothHere.choose(a)));
                clients.add(new Client("B", bothHere.choose(b)));
            }
            List<String> logins = List.of(anna.login(), bert.login(), both.login());
            Map<String, Integer> mostServerConnections = new ConcurrentHashMap<>();
            Map<String, Integer> mostClientConnections = new ConcurrentHashMap<>();
            AtomicBoolean running = new AtomicBoolean(true);
            java.util.concurrent.atomic.AtomicReference<Throwable> monitorFailure = new java.util.concurrent.atomic.AtomicReference<>();
            Thread monitor = new Thread(() -> watchConnections(logins, running, mostServerConnections, mostClientConnections));
            monitor.setUncaughtExceptionHandler((thread, failure) -> monitorFailure.set(failure));
            monitor.start();

            int rounds = 15;
            CountDownLatch ready = new CountDownLatch(clients.size() * 2);
            ExecutorService threads = Executors.newFixedThreadPool(clients.size() * 2);
            List<Future<?>> work = new ArrayList<>();
            for (int c = 0; c < clients.size(); c++) {
                Client client = clients.get(c);
                for (int t = 0; t < 2; t++) { // two screens of each client at once
                    String name = client.tag() + "-" + c + "-" + t;
                    work.add(threads.submit(() -> {
                        var customers = Crm.of(client.session()).customers();
                        ready.countDown();
                        ready.await();
                        for (int i = 0; i < rounds; i++) {
                            customers.create(CustomerDetails.newCustomer(name + "-" + i, CustomerType.COMPANY, CustomerStatus.LEAD));
                            List<CustomerRow> rows = customers.list(CustomerQuery.all(), null, 500).rows();
                            assertThat(rows).extracting(CustomerRow::name).allMatch(n -> n.startsWith(client.tag() + "-"),
                                    "only organization " + client.tag() + "'s customers").contains(name + "-" + i);
                            assertThat(customers.count(CustomerQuery.all()).value()).isGreaterThanOrEqualTo(rows.size());
                            assertThat(Administration.of(client.session()).organizationSettings().load().id())
                                    .isEqualTo(client.tag().equals("A") ? a : b);
                        }
                        return null;
                    }));
                }
            }
            threads.shutdown();
            for (Future<?> f : work) {
                f.get(5, TimeUnit.MINUTES);
            }
            running.set(false);
            monitor.join();
            assertThat(monitorFailure.get()).isNull();

            int perOrganization = clients.size() / 2 * 2 * rounds;
            assertThat(Sql.value(db.superuser(), "SELECT count(*) FROM app.customers WHERE organization_id = ?", a))
                    .isEqualTo((long) perOrganization);
            assertThat(Sql.value(db.superuser(), "SELECT count(*) FROM app.customers WHERE organization_id = ?", b))
                    .isEqualTo((long) perOrganization);
            for (String login : logins) {
                assertThat(mostServerConnections.getOrDefault(login, 0)).as("server connections of " + login)
                        .isBetween(1, SERVER_CONNECTIONS_PER_LOGIN);
                assertThat(mostClientConnections.getOrDefault(login, 0)).as("client connections of " + login)
                        .isGreaterThan(SERVER_CONNECTIONS_PER_LOGIN);
            }
        } finally {
            signedIn.forEach(SignedInPerson::close);
        }
    }

    /**
     * Samples the database's sessions per login (server connections) and PgBouncer's clients per login (its admin
     * console, SHOW CLIENTS) until {@code running} ends.
     */
    private static void watchConnections(List<String> logins, AtomicBoolean running, Map<String, Integer> servers,
                                         Map<String, Integer> clients) {
        Properties admin = new Properties();
        admin.setProperty("user", db.poolerLogin());
        admin.setProperty("password", TestDatabase.POOLER_PASSWORD);
        admin.setProperty("preferQueryMode", "simple");
        try (Connection server = db.superuser().getConnection();
             Connection console = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + bouncer.port() + "/pgbouncer", admin);
             Statement serverQuery = server.createStatement(); Statement consoleQuery = console.createStatement()) {
            while (running.get()) {
                try (ResultSet rs = serverQuery.executeQuery("SELECT usename, count(*) FROM pg_stat_activity GROUP BY 1")) {
                    while (rs.next()) {
                        if (rs.getString(1) != null && logins.contains(rs.getString(1))) {
                            servers.merge(rs.getString(1), rs.getInt(2), Math::max);
                        }
                    }
                }
                Map<String, Integer> count = new HashMap<>();
                try (ResultSet rs = consoleQuery.executeQuery("SHOW CLIENTS")) {
                    while (rs.next()) {
                        count.merge(String.valueOf(rs.getString("user")), 1, Integer::sum);
                    }
                }
                count.forEach((login, n) -> {
                    if (logins.contains(login)) {
                        clients.merge(login, n, Math::max);
                    }
                });
                Thread.sleep(20);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @DisplayName("a wrong password, an unknown e-mail and a deactivated account read as they do without PgBouncer")
    void signInErrorsAreAsClearAsWithoutPgBouncer() {
        UUID org = db.newOrganization("Pool errors");
        TestPerson owner = db.newPerson(org, Role.OWNER);
        TestPerson leaver = db.newPerson(org, Role.EMPLOYEE);
        SignInService signIn = new SignInService(db.roles(), 1);

        Throwable wrong = catchThrowable(() -> signIn.signIn(throughPgBouncer(), owner.email(), "not the password".toCharArray()));
        assertThat(wrong).isInstanceOf(WorklineException.class).hasMessage("The email or password is not correct.");
        assertThat(((WorklineException) wrong).problem()).isEqualTo(Problem.WRONG_CREDENTIALS);

        Throwable unknown = catchThrowable(() -> signIn.signIn(throughPgBouncer(), "nobody." + db.unique() + "@example.test",
                "whatever password".toCharArray()));
        assertThat(((WorklineException) unknown).problem()).as(chain(unknown)).isEqualTo(Problem.WRONG_CREDENTIALS);

        try (SignedInPerson admin = signIn(owner, 1)) {
            Administration.of(admin.choose(org)).people().deactivate(leaver.userId());
        }
        Throwable deactivated = catchThrowable(() -> signIn.signIn(throughPgBouncer(), leaver.email(), leaver.password().toCharArray()));
        assertThat(((WorklineException) deactivated).problem()).as(chain(deactivated)).isEqualTo(Problem.ACCOUNT_DEACTIVATED);
    }

    private static String chain(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.append(" <- ").append(c);
        }
        return all.toString();
    }

    @Test
    @DisplayName("a new password works through PgBouncer at once (it looks the verifier up at every sign-in)")
    void changedPasswordSignsInThroughPgBouncer() {
        UUID org = db.newOrganization("Pool password");
        TestPerson person = db.newPerson(org, Role.EMPLOYEE);
        try (SignedInPerson signedIn = signIn(person, 1)) {
            Administration.of(signedIn.choose(org)).profile().changePassword(person.password().toCharArray(),
                    "a brand new password".toCharArray());
        }
        new SignInService(db.roles(), 1).signIn(throughPgBouncer(), person.email(), "a brand new password".toCharArray()).close();
        Throwable old = catchThrowable(() -> signIn(person, 1));
        assertThat(((WorklineException) old).problem()).isEqualTo(Problem.WRONG_CREDENTIALS);
    }
}
