package com.workline.persistence.bench;

import com.workline.persistence.bench.Timing.Timed;
import com.workline.persistence.crm.Crm;
import com.workline.persistence.crm.CustomerPage;
import com.workline.persistence.crm.CustomerQuery;
import com.workline.persistence.crm.CustomerService;
import com.workline.persistence.crm.DealService;

import com.workline.persistence.admin.OrganizationProvisioning;
import com.workline.persistence.db.Connections;
import com.workline.persistence.db.DatabaseErrors;
import com.workline.persistence.db.RoleNames;
import com.workline.persistence.db.SqlBuilder;
import com.workline.persistence.db.ServerAddress;
import com.workline.persistence.tenancy.SignInService;
import com.workline.persistence.session.TenantSession;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * {@code workline admin bench crm}: times what the CRM screens do, each figure beside two baselines
 * measured in the same run on the same data: the same SQL through plain JDBC as the same person (the floor:
 * what Hibernate and the service add), and the same SQL as the owner role, which bypasses row-level
 * security (the price of isolation). The plain-JDBC baseline sends exactly the service's statement with the
 * same bind parameters (taken from the service), on a connection whose tenant is set once for the session.
 *
 * <p>First the cold figures: the first customer page (and its count) right after signing in, in this fresh
 * JVM, before anything else has run the CRM code. Then each operation is warmed up until its figures are stable
 * (a time-based warm-up: windows of runs until two successive medians agree within 5 %, at least
 * {@code warmupSeconds}), and the median and 95th percentile of {@code runs} timed runs are reported, the
 * service and its baselines taking turns run by run so that they share the machine's state.
 */
public final class CrmBenchmark {


    private final ServerAddress server;
    private final DataSource admin;
    private final RoleNames roles;
    private final Consumer<String> out;
    private double warmupSeconds = 3;

    public CrmBenchmark(ServerAddress server, DataSource admin, RoleNames roles, Consumer<String> out) {
        this.server = server;
        this.admin = admin;
        this.roles = roles;
        this.out = out;
    }

    /** The least warm-up per operation, in seconds (more if its figures are not yet stable). */
    public CrmBenchmark warmupSeconds(double seconds) {
        this.warmupSeconds = seconds;
        return this;
    }

    /** One measured operation: the service figure and its two baselines, in milliseconds. */
    public record Figure(String operation, double serviceMedian, double serviceP95, double jdbcMedian, double jdbcP95,
                         double ownerMedian, double ownerP95) {
    }

    public List<Figure> run(UUID organizationId, int runs) {
        BenchPerson bench = BenchPerson.enrol(new OrganizationProvisioning(admin, roles), organizationId);
        String email = bench.email();
        char[] password = bench.password();
        List<Figure> figures = new ArrayList<>();
        // Cold: sign in as the app does, then the first customer page and its count, timed one by one.
        long signInStart = System.nanoTime();
        try (var person = new SignInService(roles, 2).signIn(server, email, password)) {
            TenantSession session = person.choose(organizationId);
            double signIn = (System.nanoTime() - signInStart) / 1e6;
            CustomerService customers = Crm.of(session).customers();
            long firstStart = System.nanoTime();
            customers.list(CustomerQuery.all(), null, 100);
            double firstPage = (System.nanoTime() - firstStart) / 1e6;
            long countStart = System.nanoTime();
            customers.count(CustomerQuery.all());
            double firstCount = (System.nanoTime() - countStart) / 1e6;
            long secondStart = System.nanoTime();
            customers.list(CustomerQuery.all(), null, 100);
            double secondPage = (System.nanoTime() - secondStart) / 1e6;
            out.accept(String.format("Cold (this JVM's first calls): sign-in %.0f ms; then the first customer page (100) %.1f ms, "
                    + "its count %.1f ms, the same page again %.1f ms.", signIn, firstPage, firstCount, secondPage));
            figures.addAll(warm(organizationId, runs, person, session, email, password));
        }
        return figures;
    }

    private List<Figure> warm(UUID organizationId, int runs, com.workline.persistence.session.SignedInPerson person,
                              TenantSession session, String email, char[] password) {
        List<Figure> figures = new ArrayList<>();
        try (Connection jdbc = Connections.dataSource(server, roles.loginFor(email), password).getConnection();
             Connection owner = admin.getConnection()) {
            try (PreparedStatement s = jdbc.prepareStatement("SELECT set_config('app.tenant_id', ?, false)")) {
                s.setString(1, organizationId.toString());
                s.execute();
            }
            try (Statement s = owner.createStatement()) {
                s.execute("SET ROLE \"" + roles.owner() + "\"");
            }
            CustomerService customers = Crm.of(session).customers();
            DealService deals = Crm.of(session).deals();
            String tenantParam = "'" + organizationId + "'::uuid";
            String deepKey;
            UUID deepId;
            UUID someCustomer;
            try (PreparedStatement ps = owner.prepareStatement("SELECT sort_name, id, (SELECT count(*) FROM app.customers "
                    + "WHERE organization_id = ?) FROM app.customers WHERE organization_id = ? AND deleted_at IS NULL "
                    + "ORDER BY sort_name, id OFFSET (SELECT count(*) / 2 FROM app.customers WHERE organization_id = ?) LIMIT 1")) {
                ps.setObject(1, organizationId);
                ps.setObject(2, organizationId);
                ps.setObject(3, organizationId);
                ResultSet rs = ps.executeQuery();
                rs.next();
                deepKey = rs.getString(1);
                deepId = rs.getObject(2, UUID.class);
                out.accept(String.format("Organization %s: %,d customers; %d timed runs per figure after a warm-up of at least"
                        + " %.0f s until stable.", organizationId, rs.getLong(3), runs, warmupSeconds));
            }
            someCustomer = deepId;
            UUID pipeline = deals.defaultPipeline();
            String[] prefixes = {"har", "harb", "harbo", "harbor", "meridian"};
            CustomerQuery all = CustomerQuery.all();
            CustomerPage.Cursor middle = new CustomerPage.Cursor(deepKey, deepId);

            figures.add(measure("customer list, first page (50)", runs,
                    i -> customers.list(all, null, 50),
                    i -> query(jdbc, customers.listStatement(all, null, 50)),
                    i -> query(owner, customers.listStatement(all, null, 50))));
            figures.add(measure("customer list, page in the middle", runs,
                    i -> customers.list(all, middle, 50),
                    i -> query(jdbc, customers.listStatement(all, middle, 50)),
                    i -> query(owner, customers.listStatement(all, middle, 50))));
            figures.add(measure("search as you type (har, harb, harbo, harbor, meridian)", runs,
                    i -> customers.list(all.withSearch(prefixes[i % prefixes.length]), null, 50),
                    i -> query(jdbc, customers.listStatement(all.withSearch(prefixes[i % prefixes.length]), null, 50)),
                    null));
            String[] inside = {"tools", "logist", "schulz"};
            figures.add(measure("search, word inside names or contacts (tools, logist, schulz)", runs,
                    i -> customers.list(all.withSearch(inside[i % inside.length]), null, 50),
                    i -> query(jdbc, customers.listStatement(all.withSearch(inside[i % inside.length]), null, 50)),
                    null));
            figures.add(measure("search as the screen does it: page (100) and count (tools, logist, schulz, harbor)", runs,
                    i -> {
                        CustomerQuery q = all.withSearch(SCREEN_TERMS[i % SCREEN_TERMS.length]);
                        customers.list(q, null, 100);
                        customers.count(q);
                    },
                    i -> {
                        CustomerQuery q = all.withSearch(SCREEN_TERMS[i % SCREEN_TERMS.length]);
                        query(jdbc, customers.listStatement(q, null, 100));
                        var count = customers.countStatements(q, CustomerService.samplePercent(jdbc));
                        if (value(jdbc, count.get(0)) <= 2 * CustomerService.EXACT_COUNT_LIMIT) {
                            query(jdbc, count.get(1));
                        }
                    },
                    null));
            CustomerQuery me = all.withSearch("me");
            figures.add(measure("search, first letters (\"me\": name prefix)", runs,
                    i -> customers.list(me, null, 50),
                    i -> query(jdbc, customers.listStatement(me, null, 50)),
                    i -> query(owner, customers.listStatement(me, null, 50))));
            figures.add(measure("customer record open", runs,
                    i -> customers.load(someCustomer),
                    i -> query(jdbc, customers.recordStatement(someCustomer)),
                    i -> query(owner, customers.recordStatement(someCustomer))));
            figures.add(measure("kanban board (6 stages, 20 cards each, totals)", runs,
                    i -> deals.board(pipeline, 20),
                    i -> {
                        query(jdbc, named(DealService.BOARD_COLUMNS, "sec.current_tenant()"), pipeline, pipeline, pipeline);
                        query(jdbc, named(DealService.BOARD_CARDS, "sec.current_tenant()"), 20, pipeline);
                    },
                    i -> {
                        query(owner, named(DealService.BOARD_COLUMNS, tenantParam), pipeline, pipeline, pipeline);
                        query(owner, named(DealService.BOARD_CARDS, tenantParam), 20, pipeline);
                    }));
        } catch (SQLException e) {
            throw DatabaseErrors.translate(e);
        }
        return figures;
    }

    /** What people type into the search field: words inside names, a contact's name, a name's first word. */
    private static final String[] SCREEN_TERMS = {"tools", "logist", "schulz", "harbor"};

    /** The services' SQL with named parameters turned into JDBC ones, and the tenant expression chosen. */
    private static String named(String sql, String tenant) {
        return sql.replace("sec.current_tenant()", tenant).replace(":pipeline", "?").replace(":limit", "?");
    }

    private static double value(Connection c, SqlBuilder.Positional statement) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(statement.sql())) {
            ps.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(0);
            for (int i = 0; i < statement.parameters().size(); i++) {
                ps.setObject(i + 1, statement.parameters().get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getDouble(1) : 0;
            }
        }
    }

    private static void query(Connection c, SqlBuilder.Positional statement) throws SQLException {
        query(c, statement.sql(), statement.parameters().toArray());
    }

    private static void query(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int k = 1; k <= columns; k++) {
                        rs.getObject(k);
                    }
                }
            }
        }
    }

    private Figure measure(String operation, int runs, Timed service, Timed jdbc, Timed owner) {
        Timed[] work = owner == null ? new Timed[] {service, jdbc} : new Timed[] {service, jdbc, owner};
        double[][] figures = new Timing(warmupSeconds).measure(runs, work);
        double[] s = figures[0];
        double[] j = figures[1];
        double[] o = owner == null ? new double[] {Double.NaN, Double.NaN} : figures[2];
        Figure figure = new Figure(operation, s[0], s[1], j[0], j[1], o[0], o[1]);
        out.accept(String.format("%-52s service %7.2f / %7.2f ms   plain JDBC %7.2f / %7.2f ms (x%.2f)   owner, no RLS %7.2f / %7.2f ms",
                operation, s[0], s[1], j[0], j[1], s[0] / j[0], o[0], o[1]));
        return figure;
    }
}
