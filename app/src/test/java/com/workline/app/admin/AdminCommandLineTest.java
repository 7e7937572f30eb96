package com.workline.app.admin;

import com.workline.app.Environment;
import com.workline.app.Main;
import com.workline.persistence.db.Connections;
import com.workline.persistence.db.RoleNames;
import com.workline.persistence.testing.Sql;
import com.workline.persistence.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The `workline admin` commands, run in-process against a real PostgreSQL. */
class AdminCommandLineTest {
    private final TestDatabase db = TestDatabase.get();

    record Run(int exitCode, String out, String err) {
    }

    private Run run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine(Environment.of(env), new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private Map<String, String> adminEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("WORKLINE_ADMIN_PASSWORD", db.superuserPassword());
        env.put("WORKLINE_ROLE_PREFIX", db.roles().prefix());
        return env;
    }

    private String url(String database) {
        return db.server().withDatabase(database).jdbcUrl();
    }

    private static String capture(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("'" + regex + "' in: " + text).isTrue();
        return m.group(1);
    }

    @Test
    void createOrgCreateUserAndListOrgs() {
        Map<String, String> env = adminEnv();
        String name = "CLI Org " + db.unique();
        Run created = run(env, "admin", "create-org", "--url", url(db.server().database()), "--user", db.superuserName(),
                "--name", name, "--currency", "usd", "--country", "us", "--timezone", "America/Chicago", "--locale", "en-US");
        assertThat(created.exitCode()).as(created.err()).isZero();
        String id = capture(created.out(), "with id ([0-9a-f-]{36})");

        env.put("WORKLINE_USER_PASSWORD", "cli-password-1");
        String email = "cli." + db.unique() + "@example.test";
        Run user = run(env, "admin", "create-user", "--url", url(db.server().database()), "--user", db.superuserName(),
                "--org", name, "--email", email, "--first-name", "Cleo", "--last-name", "Line", "--role", "ADMIN");
        assertThat(user.exitCode()).as(user.err()).isZero();
        assertThat(user.out()).contains("Added " + email + " as admin").contains(db.roles().loginFor(email));

        Run list = run(env, "admin", "list-orgs", "--url", url(db.server().database()), "--user", db.superuserName());
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).containsPattern(id + "\\s+" + Pattern.quote(name) + "\\s+USD\\s+1");

        try (var signedIn = new com.workline.persistence.tenancy.SignInService(db.roles(), 1)
                .signIn(db.server(), email, "cli-password-1".toCharArray())) {
            assertThat(signedIn.organizations()).extracting(o -> o.id().toString()).containsExactly(id);
        }
    }

    @Test
    void failuresExplainThemselvesWithNonZeroExitCodes() {
        Map<String, String> env = adminEnv();
        String url = url(db.server().database());
        Run badCurrency = run(env, "admin", "create-org", "--url", url, "--user", db.superuserName(), "--name", "X", "--currency", "EURO");
        assertThat(badCurrency.exitCode()).isEqualTo(1);
        assertThat(badCurrency.err()).contains("baseCurrency: Choose a currency");

        Run unknownOrg = run(env, "admin", "create-user", "--url", url, "--user", db.superuserName(), "--org", "No such org",
                "--email", "a@b.test", "--first-name", "A", "--last-name", "B");
        assertThat(unknownOrg.exitCode()).isEqualTo(1);
        assertThat(unknownOrg.err()).contains("No organization with id or name 'No such org'");

        Run noPassword = run(Map.of(), "admin", "list-orgs", "--url", url, "--user", db.superuserName());
        assertThat(noPassword.exitCode()).isEqualTo(1);
        assertThat(noPassword.err()).contains("set WORKLINE_ADMIN_PASSWORD");

        Map<String, String> wrong = new HashMap<>(env);
        wrong.put("WORKLINE_ADMIN_PASSWORD", "wrong");
        Run wrongPassword = run(wrong, "admin", "list-orgs", "--url", url, "--user", db.superuserName());
        assertThat(wrongPassword.exitCode()).isEqualTo(1);
        assertThat(wrongPassword.err()).contains("The server refused the sign-in: password authentication failed");

        Run unreachable = run(env, "admin", "version", "--url", "jdbc:postgresql://127.0.0.1:1/workline");
        assertThat(unreachable.exitCode()).isEqualTo(1);
        assertThat(unreachable.err()).contains("Cannot reach the Workline server at 127.0.0.1:1");

        Run badRole = run(env, "admin", "create-user", "--url", url, "--org", "x", "--email", "a@b.test",
                "--first-name", "A", "--last-name", "B", "--role", "emperor");
        assertThat(badRole.exitCode()).isEqualTo(1);
        assertThat(badRole.err()).contains("Unknown role 'emperor'");

        Run usage = run(env, "admin", "create-org", "--url", url);
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.err()).contains("Missing required option: '--name=<name>'");
    }

    /**
     * init-server on an empty database of the same cluster with another role prefix (two Workline databases
     * side by side), then: a person of one organization, connected with their own credentials, can neither
     * see nor change anything of another organization.
     */
    @Test
    void initServerPreparesAnEmptyDatabaseNextToAnotherWorklineDatabase() throws Exception {
        String database = "initcheck_" + Long.toString(System.nanoTime(), 36);
        String prefix = "wl" + Long.toString(System.nanoTime() % 100000, 36);
        Map<String, String> env = adminEnv();
        env.put("WORKLINE_ROLE_PREFIX", prefix);
        String[] target = {"--url", url(database), "--user", db.superuserName()};

        Run init = run(env, concat(new String[] {"admin", "init-server"}, target));
        assertThat(init.exitCode()).as(init.err()).isZero();
        assertThat(init.out()).contains("Created database " + database)
                // Counted by version, not by files: a branch may leave a number out until it is merged.
                .containsPattern("Applied \\d+ migration\\(s\\): schema version \\(empty\\) -> "
                        + com.workline.persistence.db.SchemaVersion.EXPECTED + "\\.");
        Run again = run(env, concat(new String[] {"admin", "init-server"}, target));
        assertThat(again.out()).contains("nothing to migrate");
        Run migrate = run(env, concat(new String[] {"admin", "migrate"}, target));
        assertThat(migrate.out()).contains("Schema is at version " + com.workline.persistence.db.SchemaVersion.EXPECTED);
        Run version = run(env, concat(new String[] {"admin", "version"}, target));
        assertThat(version.out()).contains("Schema version:   " + com.workline.persistence.db.SchemaVersion.EXPECTED).contains("PostgreSQL:");

        String orgA = capture(run(env, concat(new String[] {"admin", "create-org", "--name", "Side A"}, target)).out(),
                "with id ([0-9a-f-]{36})");
        String orgB = capture(run(env, concat(new String[] {"admin", "create-org", "--name", "Side B"}, target)).out(),
                "with id ([0-9a-f-]{36})");
        env.put("WORKLINE_USER_PASSWORD", "side-password");
        assertThat(run(env, concat(new String[] {"admin", "create-user", "--org", "Side A", "--email", "a@side.test",
                "--first-name", "A", "--last-name", "Side", "--role", "owner"}, target)).exitCode()).isZero();
        assertThat(run(env, concat(new String[] {"admin", "create-user", "--org", "Side B", "--email", "b@side.test",
                "--first-name", "B", "--last-name", "Side", "--role", "owner"}, target)).exitCode()).isZero();

        // IT lets PgBouncer sign people in: its login may look up person verifiers, nothing else.
        env.put("WORKLINE_POOLER_PASSWORD", "pooler-password");
        String pooler = prefix + "pgb";
        Run pooling = run(env, concat(new String[] {"admin", "init-server", "--pooler-login", pooler}, target));
        assertThat(pooling.exitCode()).as(pooling.err()).isZero();
        assertThat(pooling.out()).contains("auth_query = SELECT login, verifier FROM pgbouncer.user_lookup($1)");
        try (Connection p = Connections.dataSource(db.server().withDatabase(database), pooler, "pooler-password".toCharArray())
                .getConnection()) {
            assertThat(Sql.value(p, "SELECT verifier FROM pgbouncer.user_lookup(?)", new RoleNames(prefix).loginFor("a@side.test")))
                    .asString().startsWith("SCRAM-SHA-256$");
        }
        // IT changes the limits of person logins: existing logins get them too.
        Run limits = run(env, concat(new String[] {"admin", "init-server", "--person-connection-limit", "7",
                "--person-statement-timeout", "90s"}, target));
        assertThat(limits.exitCode()).as(limits.err()).isZero();
        assertThat(limits.out()).contains("at most 7 connections each, statement timeout 90s");
        assertThat(run(env, concat(new String[] {"admin", "init-server", "--person-lock-timeout", "forever"}, target)).err())
                .contains("Timeouts are a number with ms, s, min or h");

        RoleNames roles = new RoleNames(prefix);
        try (Connection b = Connections.dataSource(db.server().withDatabase(database), roles.loginFor("b@side.test"),
                "side-password".toCharArray()).getConnection()) {
            Sql.selectTenantForSession(b, orgA);
            assertThat(Sql.count(b, "SELECT count(*) FROM app.organizations")).isZero();
            assertThat(Sql.count(b, "SELECT count(*) FROM sec.memberships")).isZero();
            assertThat(Sql.update(b, "UPDATE app.organizations SET name = 'x' WHERE id = ?", UUID.fromString(orgA))).isZero();
            Sql.selectTenantForSession(b, orgB);
            assertThat(Sql.count(b, "SELECT count(*) FROM app.organizations")).isOne();
            assertThat(Sql.value(b, "SELECT current_setting('statement_timeout')")).isEqualTo("90s");
            assertThat(Sql.value(b, "SELECT rolconnlimit FROM pg_roles WHERE rolname = session_user")).isEqualTo(7);
        }
        // The role prefix is recorded: migrating with another prefix is refused with the right one named.
        Map<String, String> otherPrefix = adminEnv();
        otherPrefix.put("WORKLINE_ROLE_PREFIX", "other");
        Run mismatch = run(otherPrefix, concat(new String[] {"admin", "migrate"}, target));
        assertThat(mismatch.exitCode()).isEqualTo(1);
        assertThat(mismatch.err()).contains("--role-prefix " + prefix);
    }

    @Test
    void sessionsShowWhoIsConnectedAndWhatWaitsAndEndAPersonsSession() throws Exception {
        java.util.UUID org = db.newOrganization("Sessions");
        com.workline.persistence.testing.TestPerson person = db.newPerson(org, com.workline.persistence.session.Role.EMPLOYEE);
        String[] target = {"--url", url(db.server().database()), "--user", db.superuserName()};
        try (Connection holder = db.connectAs(person); Connection waiter = db.connectAs(person)) {
            holder.setAutoCommit(false);
            Sql.selectTenantForSession(holder, org);
            Sql.execute(holder, "LOCK TABLE app.pipelines IN ACCESS EXCLUSIVE MODE");
            int holderPid = (Integer) Sql.value(holder, "SELECT pg_backend_pid()");
            int waiterPid = (Integer) Sql.value(waiter, "SELECT pg_backend_pid()");
            Thread blocked = new Thread(() -> {
                try {
                    Sql.count(waiter, "SELECT count(*) FROM app.pipelines");
                } catch (java.sql.SQLException expected) {
                    // ended or released: either is fine
                }
            });
            blocked.start();
            Run list = null;
            for (int i = 0; i < 200; i++) {
                list = run(adminEnv(), concat(new String[] {"admin", "sessions"}, target));
                if (list.out().matches("(?s).*\\b" + waiterPid + "\\b.*Lock:relation\\s+" + holderPid + "\\b.*")) {
                    break;
                }
            }
            assertThat(list.exitCode()).as(list.err()).isZero();
            assertThat(list.out()).containsPattern(holderPid + "\\s+" + Pattern.quote(person.email()))
                    .containsPattern(waiterPid + "\\s+" + Pattern.quote(person.email()) + ".*Lock:relation\\s+" + holderPid)
                    .contains("idle in transaction");

            Run end = run(adminEnv(), concat(new String[] {"admin", "sessions", "--end", String.valueOf(holderPid)}, target));
            assertThat(end.exitCode()).as(end.err()).isZero();
            assertThat(end.out()).contains("Ended session " + holderPid);
            blocked.join(10_000);
            assertThat(blocked.isAlive()).as("the waiting session got its lock").isFalse();
            assertThat(holder.isValid(2)).isFalse();
        }
        Run notAPerson = run(adminEnv(), concat(new String[] {"admin", "sessions", "--end", "1"}, target));
        assertThat(notAPerson.exitCode()).isEqualTo(1);
        assertThat(notAPerson.err()).contains("No session 1 of a Workline person");
    }

    @Test
    void createUserAttachesAnExistingAccountOnlyWhenAskedTo() throws Exception {
        java.util.UUID first = db.newOrganization("First");
        String second = "Second " + db.unique();
        String[] target = {"--url", url(db.server().database()), "--user", db.superuserName()};
        assertThat(run(adminEnv(), concat(new String[] {"admin", "create-org", "--name", second}, target)).exitCode()).isZero();
        com.workline.persistence.testing.TestPerson person = db.newPerson(first, com.workline.persistence.session.Role.EMPLOYEE);
        String[] add = {"admin", "create-user", "--org", second, "--email", person.email(), "--first-name", "P", "--last-name", "Q"};
        Run refused = run(adminEnv(), concat(add, target));
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("already has a Workline account, member of: First").contains("--attach-existing");
        Run attached = run(adminEnv(), concat(concat(add, target), new String[] {"--attach-existing"}));
        assertThat(attached.exitCode()).as(attached.err()).isZero();
        assertThat(attached.out()).contains("Attached the existing account of " + person.email());
        try (var signedIn = db.signIn(person)) {
            assertThat(signedIn.organizations()).hasSize(2);
        }
    }

    @Test
    void withoutUrlCommandsUseTheEmbeddedDatabaseInTheDataFolder(@TempDir Path dataDir) throws Exception {
        // As root (CI) PostgreSQL runs as 'nobody', which must be able to enter the folder JUnit made private.
        java.nio.file.Files.setPosixFilePermissions(dataDir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Run version = run(Map.of(), "admin", "version", "--data-dir", dataDir.toString());
        assertThat(version.exitCode()).as(version.err()).isZero();
        assertThat(version.out()).contains("(embedded, data in " + dataDir.resolve("embedded") + ")").contains("Schema version:   " + com.workline.persistence.db.SchemaVersion.EXPECTED);
        Run create = run(Map.of(), "admin", "create-org", "--data-dir", dataDir.toString(), "--name", "Embedded Co");
        assertThat(create.exitCode()).as(create.err()).isZero();
        Run list = run(Map.of(), "admin", "list-orgs", "--data-dir", dataDir.toString());
        assertThat(list.out()).contains("Embedded Co");
    }

    @Test
    void generateCreatesCustomersACatalogAndQuotesPerOrganization() throws Exception {
        String prefix = "Gen " + db.unique();
        String[] target = {"--url", url(db.server().database()), "--user", db.superuserName()};
        Run generated = run(adminEnv(), concat(new String[] {"admin", "generate", "--organizations", "2", "--customers", "30",
                "--products", "12", "--quotes", "25", "--name-prefix", prefix}, target));
        assertThat(generated.exitCode()).as(generated.err()).isZero();
        assertThat(generated.out()).contains("Generated 2 organization(s) with 30 customers, 12 products and 25 quotes each")
                .contains("\"" + prefix + " 2\": 26 quotes with");
        String org = capture(generated.out(), "([0-9a-f-]{36})  " + Pattern.quote(prefix + " 1"));
        try (var c = db.superuser().getConnection(); var s = c.createStatement()) {
            var rs = s.executeQuery("SELECT (SELECT count(*) FROM app.products WHERE organization_id = '" + org + "'), "
                    + "(SELECT count(DISTINCT product_type) FROM app.products WHERE organization_id = '" + org + "'), "
                    + "(SELECT count(*) FROM app.product_costs WHERE organization_id = '" + org + "'), "
                    + "(SELECT count(*) FROM app.rate_cards WHERE organization_id = '" + org + "' AND is_default), "
                    + "(SELECT count(*) FROM app.rate_card_items WHERE organization_id = '" + org + "'), "
                    + "(SELECT count(*) FROM app.quotes WHERE organization_id = '" + org + "'), "
                    + "(SELECT count(*) FROM app.quotes WHERE organization_id = '" + org + "' AND title = 'Benchmark: 200 lines')");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).as("products").isEqualTo(12);
            assertThat(rs.getInt(2)).as("types").isEqualTo(4);
            assertThat(rs.getInt(3)).as("costs").isEqualTo(12);
            assertThat(rs.getInt(4)).as("default rate card").isEqualTo(1);
            assertThat(rs.getInt(5)).as("rates").isEqualTo(4);
            assertThat(rs.getInt(6)).as("quotes, with the benchmark's draft").isEqualTo(26);
            assertThat(rs.getInt(7)).as("the benchmark's draft").isEqualTo(1);
        }
        Run refused = run(adminEnv(), concat(new String[] {"admin", "generate", "--customers", "30", "--products", "2"}, target));
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err()).contains("4 to 1,000,000 products");
        Run noQuotes = run(adminEnv(), concat(new String[] {"admin", "generate", "--customers", "30", "--quotes", "-1"}, target));
        assertThat(noQuotes.exitCode()).isNotZero();
        assertThat(noQuotes.err()).contains("0 to 2,000,000 quotes");
    }

    @Test
    void generateWritesTimeAndBenchTimeMeasuresItBesideItsBaseline() throws Exception {
        String prefix = "Time gen " + db.unique();
        String[] target = {"--url", url(db.server().database()), "--user", db.superuserName()};
        Run generated = run(adminEnv(), concat(new String[] {"admin", "generate", "--customers", "30", "--products", "8",
                "--quotes", "0", "--time-entries", "3000", "--people", "4", "--name-prefix", prefix}, target));
        assertThat(generated.exitCode()).as(generated.err()).isZero();
        assertThat(generated.out()).contains("\"" + prefix + " 1\": 4 people, 11 projects").contains("3,000 time entries");
        String org = capture(generated.out(), "([0-9a-f-]{36})  " + Pattern.quote(prefix + " 1"));
        try (var c = db.superuser().getConnection(); var s = c.createStatement()) {
            var rs = s.executeQuery("SELECT count(*) FILTER (WHERE NOT (started_at IS NOT NULL AND ended_at IS NULL)), "
                    + "count(DISTINCT status) FROM app.time_entries WHERE organization_id = '" + org + "'");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(3000);
            assertThat(rs.getInt(2)).as("statuses by the weeks' age").isGreaterThanOrEqualTo(4);
        }

        Run bench = run(adminEnv(), concat(new String[] {"admin", "bench", "time", "--org", org, "--runs", "2",
                "--warmup-seconds", "0"}, target));
        assertThat(bench.exitCode()).as(bench.err()).isZero();
        assertThat(bench.out()).contains("Data: organization " + org + ": 3,00") // and its running timers
                .contains("the person's week").contains("the manager's approval queue").contains("a project's budget figures")
                .contains("time report over a year by project").contains("plain JDBC");

        Run refused = run(adminEnv(), concat(new String[] {"admin", "generate", "--customers", "30", "--time-entries", "10",
                "--people", "2"}, target));
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err()).contains("3 to 1,000 people");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] result = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, result, a.length, b.length);
        return result;
    }
}
