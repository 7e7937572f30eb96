package com.workline.persistence.server;

import com.workline.persistence.admin.NewOrganization;
import com.workline.persistence.admin.NewPerson;
import com.workline.persistence.admin.OrganizationProvisioning;
import com.workline.persistence.common.Problem;
import com.workline.persistence.common.WorklineException;
import com.workline.persistence.crm.Crm;
import com.workline.persistence.crm.CustomerDetails;
import com.workline.persistence.crm.CustomerQuery;
import com.workline.persistence.crm.CustomerStatus;
import com.workline.persistence.crm.CustomerType;
import com.workline.persistence.db.Connections;
import com.workline.persistence.db.RoleNames;
import com.workline.persistence.db.ServerAddress;
import com.workline.persistence.db.ServerBootstrap;
import com.workline.persistence.db.embedded.EmbeddedPostgresServer;
import com.workline.persistence.session.Role;
import com.workline.persistence.session.SignedInPerson;
import com.workline.persistence.session.TenantSession;
import com.workline.persistence.tenancy.SignInService;
import com.workline.persistence.testing.Certificates;
import com.workline.persistence.testing.Sql;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A company server with TLS, as docs/company-server.md tells IT to set it up: a PostgreSQL of its own (the shared test
 * database stays without TLS) with a certificate from a private CA made by {@code openssl}, and clients with
 * {@code sslmode=verify-full&sslrootcert=ca.pem}. A certificate of another CA, one made out for another host name, a
 * missing CA file and a server without TLS are each refused with a sentence saying which, never "cannot reach".
 */
@DisplayName("TLS to the company server")
class TlsSignInTest {
    private static final String PASSWORD = "correct horse battery";
    private static final String EMAIL = "tina.tls@example.test";
    private static Path home;
    private static Path serverHome;
    private static EmbeddedPostgresServer postgres;
    private static DataSource superuser;
    private static Certificates certificates;
    private static UUID organization;
    private final SignInService signIn = new SignInService(RoleNames.defaults(), 2);

    @BeforeAll
    static void serverWithPrivateCa() throws Exception {
        home = Files.createTempDirectory("workline-tls");
        certificates = new Certificates(home);
        certificates.authority("ca");
        certificates.server("server", "ca", "DNS:localhost", "IP:127.0.0.1");
        certificates.server("elsewhere", "ca", "DNS:db.elsewhere.example");
        certificates.authority("other-ca");

        serverHome = Files.createTempDirectory("workline-tls-server");
        postgres = EmbeddedPostgresServer.startOrAttach(serverHome);
        char[] password = postgres.superuserPassword().toCharArray();
        ServerAddress maintenance = ServerAddress.of(postgres.host(), postgres.port(), "postgres");
        ServerBootstrap.createDatabaseIfMissing(Connections.dataSource(maintenance, EmbeddedPostgresServer.SUPERUSER, password),
                "workline");
        superuser = Connections.dataSource(maintenance.withDatabase("workline"), EmbeddedPostgresServer.SUPERUSER, password);
        ServerBootstrap.initialise(superuser, "workline", RoleNames.defaults());
        OrganizationProvisioning provisioning = new OrganizationProvisioning(superuser, RoleNames.defaults());
        organization = provisioning.createOrganization(new NewOrganization("TLS Tools", "EUR", "DE", "Europe/Berlin", "de-DE"));
        provisioning.addPerson(organization, new NewPerson(EMAIL, "Tina", "Tls", Role.OWNER, PASSWORD.toCharArray()));
        useCertificate("server");
    }

    @AfterAll
    static void stop() throws java.io.IOException {
        if (postgres != null) {
            postgres.close();
        }
        for (Path folder : new Path[]{home, serverHome}) {
            if (folder != null) {
                try (var all = Files.walk(folder)) {
                    all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    /**
     * Puts the certificate and key into the server's data folder, readable by the server's account alone as PostgreSQL
     * demands (0600; 0640 and group of the server's account when the tests run as root and the server as nobody), and
     * turns TLS on: what IT does with ssl_cert_file and ssl_key_file.
     */
    private static void useCertificate(String name) throws Exception {
        Path dataDirectory = Path.of((String) Sql.value(superuser, "SHOW data_directory"));
        boolean root = Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        for (String suffix : new String[]{".crt", ".key"}) {
            Path target = dataDirectory.resolve("tls-" + name + suffix);
            Files.copy(certificates.file(name + suffix), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(target, java.nio.file.attribute.PosixFilePermissions.fromString(root ? "rw-r-----" : "rw-------"));
            Files.getFileAttributeView(target, java.nio.file.attribute.PosixFileAttributeView.class).setGroup(
                    Files.readAttributes(dataDirectory, java.nio.file.attribute.PosixFileAttributes.class).group());
        }
        try (Connection c = superuser.getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER SYSTEM SET ssl_cert_file = 'tls-" + name + ".crt'");
            s.execute("ALTER SYSTEM SET ssl_key_file = 'tls-" + name + ".key'");
            s.execute("ALTER SYSTEM SET ssl = on");
            s.execute("SELECT pg_reload_conf()");
        }
        awaitReload("on");
    }

    private static void turnTlsOff() throws Exception {
        try (Connection c = superuser.getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER SYSTEM SET ssl = off");
            s.execute("SELECT pg_reload_conf()");
        }
        awaitReload("off");
    }

    /** The postmaster applies a reload a moment later; new connections see it then. */
    private static void awaitReload(String ssl) throws Exception {
        for (int i = 0; i < 100 && !ssl.equals(Sql.value(superuser, "SHOW ssl")); i++) {
            Thread.sleep(50);
        }
        assertThat(Sql.value(superuser, "SHOW ssl")).isEqualTo(ssl);
        Thread.sleep(200); // the postmaster loads the files before the backends report the setting
    }

    private static ServerAddress server(String sslMode, Path rootCertificate) {
        return new ServerAddress("127.0.0.1", postgres.port(), "workline", sslMode,
                rootCertificate == null ? null : rootCertificate.toString());
    }

    private WorklineException refusal(ServerAddress server) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> signIn.signIn(server, EMAIL, PASSWORD.toCharArray()));
        assertThat(thrown).isInstanceOf(WorklineException.class);
        return (WorklineException) thrown;
    }

    @Test
    @DisplayName("verify-full with the private CA signs in, works, and every connection of the person is encrypted")
    void verifyFullWithThePrivateCa() throws Exception {
        ServerAddress server = ServerAddress.parseJdbcUrl("jdbc:postgresql://127.0.0.1:" + postgres.port()
                + "/workline?sslmode=verify-full&sslrootcert=" + certificates.file("ca.pem"));
        try (SignedInPerson person = signIn.signIn(server, EMAIL, PASSWORD.toCharArray())) {
            TenantSession session = person.choose(organization);
            var customers = Crm.of(session).customers();
            customers.create(CustomerDetails.newCustomer("Encrypted GmbH", CustomerType.COMPANY, CustomerStatus.LEAD));
            assertThat(customers.list(CustomerQuery.all(), null, 10).rows())
                    .extracting(row -> row.name()).contains("Encrypted GmbH");
            String login = RoleNames.defaults().loginFor(EMAIL);
            assertThat(Sql.rows(superuser, """
                    SELECT s.ssl, s.version IS NOT NULL FROM pg_stat_activity a JOIN pg_stat_ssl s USING (pid)
                     WHERE a.usename = ? GROUP BY 1, 2""", login)).containsExactly(java.util.List.of(true, true));
        }
    }

    @Test
    @DisplayName("a server certificate from a CA the client does not trust is refused in words")
    void unknownAuthority() {
        WorklineException refused = refusal(server("verify-full", certificates.file("other-ca.pem")));
        assertThat(refused.problem()).isEqualTo(Problem.SERVER_TLS_FAILED);
        assertThat(refused.getMessage()).contains("127.0.0.1").contains("not signed by the certificate authority")
                .doesNotContain("Cannot reach");
    }

    @Test
    @DisplayName("a certificate made out for another host name is refused in words, even from the trusted CA")
    void wrongHostName() throws Exception {
        useCertificate("elsewhere");
        try {
            WorklineException refused = refusal(server("verify-full", certificates.file("ca.pem")));
            assertThat(refused.problem()).isEqualTo(Problem.SERVER_TLS_FAILED);
            assertThat(refused.getMessage()).contains("not made out for 127.0.0.1").doesNotContain("Cannot reach");
            // verify-ca checks the CA only: IT's choice for servers reached by several names (documented).
            signIn.signIn(server("verify-ca", certificates.file("ca.pem")), EMAIL, PASSWORD.toCharArray()).close();
        } finally {
            useCertificate("server");
        }
    }

    @Test
    @DisplayName("a CA file that is not there is named")
    void missingCaFile() {
        WorklineException refused = refusal(server("verify-full", home.resolve("no-such-ca.pem")));
        assertThat(refused.problem()).isEqualTo(Problem.SERVER_TLS_FAILED);
        assertThat(refused.getMessage()).contains(home.resolve("no-such-ca.pem").toString()).doesNotContain("Cannot reach");
    }

    @Test
    @DisplayName("a server without TLS is refused when the client requires it")
    void serverWithoutTls() throws Exception {
        turnTlsOff();
        try {
            WorklineException refused = refusal(server("verify-full", certificates.file("ca.pem")));
            assertThat(refused.problem()).isEqualTo(Problem.SERVER_TLS_FAILED);
            assertThat(refused.getMessage().toLowerCase(Locale.ROOT)).contains("does not offer an encrypted connection");
        } finally {
            useCertificate("server");
        }
    }

    @Test
    @DisplayName("the wrong password over TLS is still 'email or password not correct'")
    void wrongPasswordOverTls() {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() ->
                signIn.signIn(server("verify-full", certificates.file("ca.pem")), EMAIL, "wrong".toCharArray()));
        assertThat(((WorklineException) thrown).problem()).isEqualTo(Problem.WRONG_CREDENTIALS);
    }
}
