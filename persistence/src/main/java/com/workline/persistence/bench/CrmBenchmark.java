package com.workline.persistence.bench;

import com.workline.persistence.crm.Crm;
import com.workline.persistence.crm.CustomerPage;
import com.workline.persistence.crm.CustomerQuery;
import com.workline.persistence.crm.CustomerService;
import com.workline.persistence.crm.DealService;

import com.workline.persistence.admin.NewPerson;
import com.workline.persistence.admin.OrganizationProvisioning;
import com.workline.persistence.session.Role;
import com.workline.persistence.db.Connections;
import com.workline.persistence.db.DatabaseErrors;
import com.workline.persistence.db.RoleNames;
import com.workline.persistence.db.ServerAddress;
import com.workline.persistence.tenancy.SignInService;
import com.workline.persistence.session.TenantSession;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * {@code workline admin bench crm}: times what the CRM screens do, each figure beside two baselines
 * measured in the same run on the same data: the same SQL through plain JDBC as the same person (the floor:
 * what Hibernate and the service add), and the same SQL as the owner role, which bypasses row-level
 * security (the price of isolation). Median and 95th percentile of {@code runs} timed runs after warm-up.
 */
public final class CrmBenchmark {
    private static final String PAGE_SQL = """
            SELECT c.id, c.number, c.name, c.status, c.email, c.phone, c.owner_id,
                   coalesce(u.display_name, u.first_name || ' ' || u.last_name), c.tags, c.custom_fields::text,
                   c.created_at, c.sort_name::text
              FROM app.customers c LEFT JOIN sec.users u ON u.id = c.owner_id
             WHERE c.organization_id = %s AND c.deleted_at IS NULL %s
             ORDER BY c.sort_name, c.id LIMIT 51""";
    /** The search as the service runs it (through the definer function, which checks the tenant itself). */
    private static final String SEARCH_SQL = """
            SELECT c.id, c.number, c.name, c.status, c.email, c.phone, c.owner_id,
                   coalesce(u.display_name, u.first_name || ' ' || u.last_name), c.tags, c.custom_fields::text,
                   c.created_at, c.sort_name::text
              FROM app.customers c LEFT JOIN sec.users u ON u.id = c.owner_id
              JOIN sec.customer_search_ranked(?, ?, NULL, NULL, NULL, 51) r ON r.id = c.id
             WHERE c.organization_id = %s AND c.deleted_at IS NULL
             ORDER BY r.phase, c.sort_name, c.id LIMIT 51""";
    /**
     * The owner cannot pass the function's tenant check; it runs the unranked search (every match of customers
     * and contacts, then the page in name order): what the search cost before ranking.
     */
    private static final String OWNER_SEARCH_CONDITION = """
            AND c.id IN (SELECT s.id FROM app.customers s WHERE s.organization_id = %1$s AND s.search_text LIKE ?
                         UNION SELECT t.customer_id FROM app.contacts t WHERE t.organization_id = %1$s AND t.search_text LIKE ?)""";
    private static final String RECORD_SQL = """
            SELECT * FROM app.customers c WHERE c.organization_id = %s AND c.id = ?""";

    private final ServerAddress server;
    private final DataSource admin;
    private final RoleNames roles;
    private final Consumer<String> out;

    public CrmBenchmark(ServerAddress server, DataSource admin, RoleNames roles, Consumer<String> out) {
        this.server = server;
        this.admin = admin;
        this.roles = roles;
        this.out = out;
    }

    /** One measured operation: the service figure and its two baselines, in milliseconds. */
    public record Figure(String operation, double serviceMedian, double serviceP95, double jdbcMedian, double jdbcP95,
                         double ownerMedian, double ownerP95) {
    }

    private interface Timed {
        void run(int iteration) throws Exception;
    }

    public List<Figure> run(UUID organizationId, int runs) {
        char[] password = randomPassword();
        String email = "bench." + organizationId.toString().substring(0, 8) + "@bench.workline.invalid";
        OrganizationProvisioning provisioning = new OrganizationProvisioning(admin, roles);
        try {
            provisioning.addPerson(organizationId, new NewPerson(email, "Bench", "Runner", Role.MANAGER, password));
        } catch (RuntimeException alreadyThere) {
            provisioning.setPassword(email, password);
        }
        List<Figure> figures = new ArrayList<>();
        try (var person = new SignInService(roles, 2).signIn(server, email, password);
             Connection jdbc = Connections.dataSource(server, roles.loginFor(email), password).getConnection();
             Connection owner = admin.getConnection()) {
            TenantSession session = person.choose(organizationId);
            try (Statement s = jdbc.createStatement()) {
                s.execute("SELECT set_config('app.tenant_id', '" + organizationId + "', false)");
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
                out.accept(String.format("Organization %s: %,d customers; %d timed runs per figure after 5 warm-up runs.",
                        organizationId, rs.getLong(3), runs));
            }
            someCustomer = deepId;
            UUID pipeline = deals.defaultPipeline();
            String[] prefixes = {"har", "harb", "harbo", "harbor", "meridian"};

            figures.add(measure("customer list, first page (50)", runs,
                    i -> customers.list(CustomerQuery.all(), null, 50),
                    i -> query(jdbc, PAGE_SQL.formatted(tenantParam, "")),
                    i -> query(owner, PAGE_SQL.formatted(tenantParam, ""))));
            String deepCondition = "AND (c.sort_name, c.id) > (?, ?)";
            figures.add(measure("customer list, page in the middle", runs,
                    i -> customers.list(CustomerQuery.all(), new CustomerPage.Cursor(deepKey, deepId), 50),
                    i -> query(jdbc, PAGE_SQL.formatted(tenantParam, deepCondition), deepKey, deepId),
                    i -> query(owner, PAGE_SQL.formatted(tenantParam, deepCondition), deepKey, deepId)));
            figures.add(measure("search as you type (har, harb, harbo, harbor, meridian)", runs,
                    i -> customers.list(CustomerQuery.all().withSearch(prefixes[i % prefixes.length]), null, 50),
                    i -> query(jdbc, SEARCH_SQL.formatted(tenantParam), prefixes[i % prefixes.length],
                            like(prefixes[i % prefixes.length])),
                    i -> query(owner, PAGE_SQL.formatted(tenantParam, OWNER_SEARCH_CONDITION.formatted(tenantParam)),
                            like(prefixes[i % prefixes.length]), like(prefixes[i % prefixes.length]))));
            String[] inside = {"tools", "logist", "schulz"};
            figures.add(measure("search, word inside names or contacts (tools, logist, schulz)", runs,
                    i -> customers.list(CustomerQuery.all().withSearch(inside[i % inside.length]), null, 50),
                    i -> query(jdbc, SEARCH_SQL.formatted(tenantParam), inside[i % inside.length], like(inside[i % inside.length])),
                    i -> query(owner, PAGE_SQL.formatted(tenantParam, OWNER_SEARCH_CONDITION.formatted(tenantParam)),
                            like(inside[i % inside.length]), like(inside[i % inside.length]))));
            figures.add(measure("search, first letters (\"me\": name prefix)", runs,
                    i -> customers.list(CustomerQuery.all().withSearch("me"), null, 50),
                    i -> query(jdbc, PAGE_SQL.formatted(tenantParam, "AND c.sort_name >= 'me' AND c.sort_name < 'mf'")),
                    i -> query(owner, PAGE_SQL.formatted(tenantParam, "AND c.sort_name >= 'me' AND c.sort_name < 'mf'"))));
            figures.add(measure("customer record open", runs,
                    i -> customers.load(someCustomer),
                    i -> query(jdbc, RECORD_SQL.formatted("sec.current_tenant()"), someCustomer),
                    i -> query(owner, RECORD_SQL.formatted(tenantParam), someCustomer)));
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

    /** The services' SQL with named parameters turned into JDBC ones, and the tenant expression chosen. */
    private static String named(String sql, String tenant) {
        return sql.replace("sec.current_tenant()", tenant).replace(":pipeline", "?").replace(":limit", "?");
    }

    private static String like(String prefix) {
        return "%" + prefix + "%";
    }

    private static void query(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getObject(1);
                }
            }
        }
    }

    private Figure measure(String operation, int runs, Timed service, Timed jdbc, Timed owner) {
        double[] s = time(service, runs);
        double[] j = time(jdbc, runs);
        double[] o = time(owner, runs);
        Figure figure = new Figure(operation, s[0], s[1], j[0], j[1], o[0], o[1]);
        out.accept(String.format("%-52s service %7.2f / %7.2f ms   plain JDBC %7.2f / %7.2f ms   owner, no RLS %7.2f / %7.2f ms",
                operation, s[0], s[1], j[0], j[1], o[0], o[1]));
        return figure;
    }

    private static double[] time(Timed work, int runs) {
        try {
            for (int i = 0; i < 5; i++) {
                work.run(i);
            }
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                work.run(i);
                millis.add((System.nanoTime() - start) / 1e6);
            }
            Collections.sort(millis);
            return new double[] {millis.get(millis.size() / 2), millis.get((int) Math.ceil(millis.size() * 0.95) - 1)};
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static char[] randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).toCharArray();
    }
}
