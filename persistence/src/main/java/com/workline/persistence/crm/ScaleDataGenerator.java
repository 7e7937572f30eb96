package com.workline.persistence.crm;

import com.workline.persistence.admin.NewOrganization;
import com.workline.persistence.admin.OrganizationProvisioning;
import com.workline.persistence.catalog.CatalogDataGenerator;
import com.workline.persistence.db.BulkLoad;
import com.workline.persistence.db.DatabaseErrors;
import com.workline.persistence.db.RoleNames;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Scale data for benchmarks and load tests: organizations with many customers, their contacts, deals and
 * activities, written with COPY in batches (as the owner role) so a million customers take minutes.
 * Distributions: 1–3 contacts per customer; about one deal per three customers, a fifth of them open
 * (more in early stages), the rest won or lost over the last three years; about one activity per
 * customer, a fifth of them open tasks.
 */
public final class ScaleDataGenerator {
    private static final int BATCH = 20_000;
    private static final String[] FIRST = {"Anna", "Ben", "Clara", "David", "Eva", "Felix", "Greta", "Hannes", "Ida", "Jonas",
            "Katrin", "Lukas", "Mia", "Noah", "Olga", "Paul", "Rosa", "Simon", "Tara", "Uwe", "Vera", "Willem", "Yara", "Zoe"};
    private static final String[] LAST = {"Adler", "Becker", "Conrad", "Dietrich", "Engel", "Fischer", "Graf", "Hoffmann",
            "Imhof", "Jung", "Keller", "Lang", "Maier", "Neumann", "Otto", "Peters", "Quast", "Richter", "Schulz", "Thiel",
            "Ullrich", "Vogel", "Weber", "Zimmer"};
    private static final String[] WORD = {"Alpine", "Baltic", "Crown", "Delta", "Eagle", "Falcon", "Granite", "Harbor", "Iron",
            "Juniper", "Keystone", "Lumen", "Meridian", "Northern", "Orbit", "Pioneer", "Quarry", "River", "Summit", "Titan",
            "Union", "Vector", "Western", "Zenith"};
    private static final String[] TRADE = {"Tools", "Metalworks", "Plastics", "Logistics", "Electronics", "Fabrication",
            "Engineering", "Systems", "Components", "Machining", "Packaging", "Controls"};
    private static final String[] FORM = {"GmbH", "AG", "KG", "Ltd", "Inc", "SA", "BV", "Oy"};
    private static final String[] STATUS = {"lead", "prospect", "active", "active", "active", "inactive", "churned"};

    private final DataSource admin;
    private final RoleNames roles;
    private final Consumer<String> progress;
    private final SplittableRandom random = new SplittableRandom(42);
    /** Share of deals that are open, in percent; the demo wants a fuller board than history-heavy scale data. */
    private int openDealPercent = 20;
    private int closedWithinDays = 3 * 365;

    public ScaleDataGenerator(DataSource admin, RoleNames roles, Consumer<String> progress) {
        this.admin = admin;
        this.roles = roles;
        this.progress = progress;
    }

    /** What was generated for one organization. */
    public record Result(UUID organizationId, String name, int customers, int products, long millis) {
    }

    /** Organizations with customers and a catalog of one product per ten customers (see {@link CatalogDataGenerator}). */
    public List<Result> generate(int organizations, int customersPerOrganization, String namePrefix) {
        return generate(organizations, customersPerOrganization, CatalogDataGenerator.productsFor(customersPerOrganization),
                namePrefix);
    }

    /** Organizations with customers (contacts, deals, activities) and a catalog (products, the default rate card). */
    public List<Result> generate(int organizations, int customersPerOrganization, int productsPerOrganization, String namePrefix) {
        CatalogDataGenerator catalog = new CatalogDataGenerator(admin, roles);
        OrganizationProvisioning provisioning = new OrganizationProvisioning(admin, roles);
        List<Result> results = new ArrayList<>();
        for (int o = 1; o <= organizations; o++) {
            long start = System.nanoTime();
            String name = namePrefix + " " + o;
            UUID org = provisioning.createOrganization(new NewOrganization(name, "EUR", "DE", "Europe/Berlin", "en-US"));
            fill(org, customersPerOrganization);
            catalog.fill(org, productsPerOrganization);
            long millis = (System.nanoTime() - start) / 1_000_000;
            results.add(new Result(org, name, customersPerOrganization, productsPerOrganization, millis));
            progress.accept(String.format("organization %d/%d \"%s\": %,d customers, %,d products in %.1f s", o, organizations,
                    name, customersPerOrganization, productsPerOrganization, millis / 1000.0));
        }
        analyze();
        return results;
    }

    /** Demo data: most deals open, the closed ones recent, so every column of the board has cards. */
    public void fillDemo(UUID org, int customers) {
        openDealPercent = 70;
        closedWithinDays = 60;
        fill(org, customers);
        shareOutAmongPeople(org);
        letterhead(org);
    }

    /**
     * What the demo's documents print: the company's address, contact details, footer and standard terms, and a billing
     * address for every customer (street names from a short list, so the same data gives the same addresses).
     */
    private void letterhead(UUID org) {
        try (Connection c = admin.getConnection(); java.sql.PreparedStatement company = c.prepareStatement("""
                UPDATE app.organizations SET legal_name = 'Northwind Fabrication GmbH', tax_id = 'DE123456789',
                       address_line1 = 'Industriestra\u00dfe 12', postal_code = '70565', city = 'Stuttgart', country = 'DE',
                       email = 'office@northwind.example', phone = '+49 711 555 0100', website = 'northwind.example',
                       document_footer = 'Northwind Fabrication GmbH \u00b7 Managing director: Olivia Owens \u00b7 '
                                         || 'Stuttgart HRB 123456 \u00b7 IBAN DE02 1203 0000 0000 2020 51',
                       quote_terms = 'Prices are net plus VAT. Delivery ex works Stuttgart. Payment within 14 days of '
                                     || 'invoice without deduction. Our general terms and conditions apply.'
                 WHERE id = ?""");
             java.sql.PreparedStatement addresses = c.prepareStatement("""
                INSERT INTO app.addresses (organization_id, customer_id, address_type, line1, postal_code, city, country,
                                           is_default_billing)
                SELECT t.organization_id, t.id, 'billing',
                       (ARRAY['Hafenstra\u00dfe', 'Main Street', 'Rue du Commerce', 'Kingsway', 'Bahnhofstrasse',
                              'Industrieweg'])[1 + (hashtext(t.id::text) & 2147483647) % 6] || ' ' || (1 + (hashtext(t.name) & 2147483647) % 180),
                       lpad((10000 + (hashtext(t.id::text || 'p') & 2147483647) % 89999)::text, 5, '0'),
                       (ARRAY['Hamburg', 'Leeds', 'Lyon', 'Rotterdam', 'Z\u00fcrich', 'Graz'])[1 + (hashtext(t.id::text) & 2147483647) % 6],
                       (ARRAY['DE', 'GB', 'FR', 'NL', 'CH', 'AT'])[1 + (hashtext(t.id::text) & 2147483647) % 6], true
                  FROM app.customers t
                 WHERE t.organization_id = ?
                   AND NOT EXISTS (SELECT 1 FROM app.addresses a WHERE a.organization_id = t.organization_id
                                                                   AND a.customer_id = t.id)""")) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL ROLE \"" + roles.owner() + "\"");
            }
            company.setObject(1, org);
            company.executeUpdate();
            addresses.setObject(1, org);
            addresses.executeUpdate();
            c.commit();
        } catch (SQLException e) {
            throw DatabaseErrors.translate(e);
        }
    }

    /**
     * Gives the demo's customers, deals and tasks owners among the organization's people (each row to one
     * person, chosen by a hash, so the demo looks the same on every machine's run of the same data).
     */
    private void shareOutAmongPeople(UUID org) {
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("SET LOCAL ROLE \"" + roles.owner() + "\"");
            String person = "(SELECT m.user_id FROM sec.memberships m WHERE m.organization_id = t.organization_id "
                    + "ORDER BY md5(t.id::text || m.user_id::text) LIMIT 1)";
            String where = " WHERE t.organization_id = '" + org + "'";
            s.executeUpdate("UPDATE app.customers t SET owner_id = " + person + where);
            s.executeUpdate("UPDATE app.deals t SET owner_id = " + person + where);
            s.executeUpdate("UPDATE app.activities t SET assigned_to = " + person + where + " AND t.activity_type = 'task'");
            c.commit();
        } catch (SQLException e) {
            throw DatabaseErrors.translate(e);
        }
    }

    /** Adds {@code customers} customers with contacts, deals and activities to an existing organization. */
    public void fill(UUID org, int customers) {
        try (Connection c = admin.getConnection()) {
            c.setAutoCommit(false);
            BulkLoad.asOwner(c, roles);
            List<UUID> stages = new ArrayList<>();
            UUID pipeline;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT p.id, s.id FROM app.pipelines p JOIN app.pipeline_stages s ON s.organization_id = p.organization_id "
                            + "AND s.pipeline_id = p.id WHERE p.organization_id = ? AND p.is_default ORDER BY s.position")) {
                ps.setObject(1, org);
                var rs = ps.executeQuery();
                pipeline = null;
                while (rs.next()) {
                    pipeline = rs.getObject(1, UUID.class);
                    stages.add(rs.getObject(2, UUID.class));
                }
            }
            int written = 0;
            while (written < customers) {
                int n = Math.min(BATCH, customers - written);
                copyBatch(c, org, pipeline, stages, written, n);
                written += n;
                c.commit();
                BulkLoad.asOwner(c, roles);
                if (customers >= 100_000 && written % 100_000 == 0) {
                    progress.accept(String.format("  %,d / %,d customers", written, customers));
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO app.number_series (organization_id, kind, year, next_value) "
                    + "VALUES (?, 'customer', 0, ?) ON CONFLICT (organization_id, kind, year) DO UPDATE SET next_value = EXCLUDED.next_value")) {
                ps.setObject(1, org);
                ps.setLong(2, customers + 1L);
                ps.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            throw DatabaseErrors.translate(e);
        }
    }

    private void copyBatch(Connection copy, UUID org, UUID pipeline, List<UUID> stages, int offset, int n) throws SQLException {
        StringBuilder customers = new StringBuilder(n * 160);
        StringBuilder contacts = new StringBuilder(n * 200);
        StringBuilder deals = new StringBuilder(n * 70);
        StringBuilder activities = new StringBuilder(n * 120);
        Instant now = Instant.now();
        for (int i = 0; i < n; i++) {
            int number = offset + i + 1;
            UUID customer = UUID.randomUUID();
            String name = pick(WORD) + " " + pick(TRADE) + " " + pick(FORM);
            String domain = name.toLowerCase().replaceAll("[^a-z]", "") + number + ".example";
            Instant created = now.minus(random.nextInt(3 * 365), ChronoUnit.DAYS);
            row(customers, org, customer, String.format("C-%06d", number), name, pick(STATUS), "info@" + domain,
                    "+49 " + (30 + random.nextInt(70)) + " " + (1_000_000 + random.nextInt(8_999_999)), created);
            int contactCount = 1 + random.nextInt(3);
            for (int k = 0; k < contactCount; k++) {
                String first = pick(FIRST);
                String last = pick(LAST);
                row(contacts, org, UUID.randomUUID(), customer, first, last,
                        first.toLowerCase() + "." + last.toLowerCase() + "@" + domain, k == 0 ? "t" : "f");
            }
            if (random.nextInt(3) == 0) {
                // A fifth of the deals are open, more of them in early stages (the smaller of two draws);
                // the rest closed over the last three years, a bit more lost than won.
                int[] probabilities = {10, 25, 50, 75, 100, 0};
                int roll = random.nextInt(100);
                int stage = roll < openDealPercent ? Math.min(random.nextInt(4), random.nextInt(4))
                        : roll < openDealPercent + (100 - openDealPercent) * 45 / 100 ? 4 : 5;
                String status = stage == 4 ? "won" : stage == 5 ? "lost" : "open";
                LocalDate closed = LocalDate.now().minusDays(random.nextInt(closedWithinDays));
                row(deals, org, UUID.randomUUID(), pick(TRADE) + " order " + number, customer, pipeline, stages.get(stage),
                        1000 + random.nextInt(99_000), "EUR", probabilities[stage], status,
                        status.equals("lost") ? "Price" : "\\N",
                        LocalDate.now().plusDays(random.nextInt(180)).toString(),
                        status.equals("open") ? "\\N" : closed.toString());
            }
            boolean task = random.nextInt(5) == 0;
            row(activities, org, UUID.randomUUID(), task ? "task" : pick(new String[] {"call", "email", "meeting", "note"}),
                    (task ? "Follow up with " : "Talked to ") + name, customer,
                    task ? now.plus(random.nextInt(20) - 5, ChronoUnit.DAYS).toString() : "\\N", created.toString());
        }
        copyIn(copy, "COPY app.customers (organization_id, id, number, name, status, email, phone, created_at) FROM STDIN", customers);
        copyIn(copy, "COPY app.contacts (organization_id, id, customer_id, first_name, last_name, email, is_primary) FROM STDIN", contacts);
        copyIn(copy, "COPY app.deals (organization_id, id, title, customer_id, pipeline_id, stage_id, value, currency, probability, "
                + "status, lost_reason, expected_close_date, actual_close_date) FROM STDIN", deals);
        copyIn(copy, "COPY app.activities (organization_id, id, activity_type, subject, customer_id, due_at, created_at) FROM STDIN",
                activities);
    }

    private static void row(StringBuilder out, Object... values) {
        BulkLoad.row(out, values);
    }

    private static void copyIn(Connection c, String sql, StringBuilder rows) throws SQLException {
        BulkLoad.copyIn(c, sql, rows);
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private void analyze() {
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            s.execute("ANALYZE app.customers, app.contacts, app.deals, app.activities, app.products, app.product_costs");
        } catch (SQLException e) {
            throw DatabaseErrors.translate(e);
        }
    }
}
