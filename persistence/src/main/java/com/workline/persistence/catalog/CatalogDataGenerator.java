package com.workline.persistence.catalog;

import com.workline.persistence.db.BulkLoad;
import com.workline.persistence.db.DatabaseErrors;
import com.workline.persistence.db.RoleNames;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Catalog data for the demo company and for scale data, written as the owner role: tax rates (19 % the default,
 * 7 %, 0 %), units (pc, h, m, kg), a category tree, service categories (consulting, installation, support), the
 * default rate card with a rate per category for everyone, one for managers and one for a person (when the
 * organization has people), all with cost rates, and products of every type (with costs), written with COPY in
 * batches, so a hundred thousand products take seconds.
 */
public final class CatalogDataGenerator {
    private static final int BATCH = 20_000;
    /** The category tree: top-level names and their children. */
    private static final Map<String, List<String>> CATEGORIES = new LinkedHashMap<>();

    static {
        CATEGORIES.put("Hardware", List.of("Cables", "Fasteners", "Tools"));
        CATEGORIES.put("Materials", List.of("Metal", "Plastics", "Wood"));
        CATEGORIES.put("Machines", List.of("Assemblies", "Spare parts"));
        CATEGORIES.put("Services", List.of("On site", "Remote"));
    }

    private static final Map<ProductType, String> PREFIX = Map.of(ProductType.SERVICE, "SV", ProductType.MATERIAL, "MT",
            ProductType.STOCK, "ST", ProductType.MANUFACTURED, "MF");
    private static final String[] MATERIAL = {"Steel sheet", "Aluminium profile", "Copper wire", "PVC pipe", "Oak board",
            "Brass rod", "Rubber seal", "Acrylic panel"};
    private static final String[] STOCK = {"Hex bolt M8", "Patch cable", "Cordless drill", "Wall plug", "Hinge",
            "Socket set", "Cable tie", "Safety gloves"};
    private static final String[] MANUFACTURED = {"Control cabinet", "Conveyor module", "Welded frame", "Gear unit",
            "Mounting bracket", "Pump station", "Sensor housing", "Lifting table"};
    private static final String[] SERVICE = {"Consulting", "Installation", "Maintenance", "Training", "Commissioning",
            "Remote support", "Inspection", "Repair"};
    private static final String[] GRADE = {"Basic", "Standard", "Plus", "Pro", "XL", "Compact"};

    private final DataSource admin;
    private final RoleNames roles;
    private final SplittableRandom random = new SplittableRandom(7);

    public CatalogDataGenerator(DataSource admin, RoleNames roles) {
        this.admin = admin;
        this.roles = roles;
    }

    /** The default products for scale data: one per ten customers (at least one of each type). */
    public static int productsFor(int customers) {
        return Math.max(4, customers / 10);
    }

    /** The catalog with {@code products} products (spread evenly over the four types) for an organization without one. */
    public void fill(UUID org, int products) {
        try (Connection c = admin.getConnection()) {
            c.setAutoCommit(false);
            BulkLoad.asOwner(c, roles);
            Basics basics = basics(c, org);
            c.commit();
            int written = 0;
            while (written < products) {
                int n = Math.min(BATCH, products - written);
                BulkLoad.asOwner(c, roles);
                copyProducts(c, org, basics, written, n);
                c.commit();
                written += n;
            }
            try (var s = c.createStatement()) {
                s.execute("RESET ROLE");
            }
            c.commit();
        } catch (SQLException e) {
            throw DatabaseErrors.translate(e);
        }
    }

    /** What products refer to. */
    private record Basics(UUID standard, UUID reduced, UUID zero, Map<String, UUID> units, Map<String, List<UUID>> categories) {
    }

    private Basics basics(Connection c, UUID org) throws SQLException {
        UUID standard = insert(c, "INSERT INTO app.tax_rates (organization_id, name, percent, is_default) VALUES (?, ?, ?, ?) RETURNING id",
                org, "Standard 19 %", new BigDecimal("19"), true);
        UUID reduced = insert(c, "INSERT INTO app.tax_rates (organization_id, name, percent) VALUES (?, ?, ?) RETURNING id",
                org, "Reduced 7 %", new BigDecimal("7"));
        UUID zero = insert(c, "INSERT INTO app.tax_rates (organization_id, name, percent) VALUES (?, ?, ?) RETURNING id",
                org, "Tax-free 0 %", BigDecimal.ZERO);
        Map<String, UUID> units = new LinkedHashMap<>();
        for (String[] unit : new String[][] {{"pc", "Piece"}, {"h", "Hour"}, {"m", "Metre"}, {"kg", "Kilogram"}}) {
            units.put(unit[0], insert(c, "INSERT INTO app.units (organization_id, code, name) VALUES (?, ?, ?) RETURNING id",
                    org, unit[0], unit[1]));
        }
        Map<String, List<UUID>> categories = new LinkedHashMap<>();
        int position = 0;
        for (Map.Entry<String, List<String>> top : CATEGORIES.entrySet()) {
            UUID parent = insert(c, "INSERT INTO app.product_categories (organization_id, name, position) VALUES (?, ?, ?) RETURNING id",
                    org, top.getKey(), position++);
            List<UUID> children = new ArrayList<>();
            int childPosition = 0;
            for (String child : top.getValue()) {
                children.add(insert(c, "INSERT INTO app.product_categories (organization_id, parent_id, name, position) "
                        + "VALUES (?, ?, ?, ?) RETURNING id", org, parent, child, childPosition++));
            }
            categories.put(top.getKey(), children);
        }
        rateCard(c, org);
        return new Basics(standard, reduced, zero, units, categories);
    }

    /**
     * Service categories and the default rate card: a rate for everyone per category (valid since the start of last
     * year), a higher consulting rate for managers and one for a person (an employee, else anyone of the
     * organization; none without people), each with its cost rate.
     */
    private void rateCard(Connection c, UUID org) throws SQLException {
        UUID card = insert(c, "INSERT INTO app.rate_cards (organization_id, name, is_default) VALUES (?, ?, true) RETURNING id",
                org, "Standard rates");
        LocalDate from = LocalDate.now().minusYears(1).withDayOfYear(1);
        Object[][] services = {{"Consulting", "Advice, analysis and planning", "140", "85"},
                {"Installation", "Installation and commissioning on site", "95", "55"},
                {"Support", "Support and maintenance, on site or remote", "80", "45"}};
        UUID consulting = null;
        for (Object[] service : services) {
            UUID category = insert(c, "INSERT INTO app.service_categories (organization_id, name, description) VALUES (?, ?, ?) RETURNING id",
                    org, service[0], service[1]);
            consulting = consulting == null ? category : consulting;
            rate(c, org, card, category, null, null, from, (String) service[2], (String) service[3]);
        }
        rate(c, org, card, consulting, "manager", null, from, "165", "95");
        UUID person = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT user_id FROM sec.memberships WHERE organization_id = ? "
                + "ORDER BY role = 'employee' DESC, created_at, user_id LIMIT 1")) {
            ps.setObject(1, org);
            ResultSet rs = ps.executeQuery();
            if (rs.next()) {
                person = rs.getObject(1, UUID.class);
            }
        }
        if (person != null) {
            rate(c, org, card, consulting, null, person, from, "125", "70");
        }
    }

    private void rate(Connection c, UUID org, UUID card, UUID category, String role, UUID person, LocalDate from,
                      String billing, String cost) throws SQLException {
        UUID item = insert(c, "INSERT INTO app.rate_card_items (organization_id, rate_card_id, service_category_id, role, user_id, "
                + "valid_from, billing_rate) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id", org, card, category, role, person, from,
                new BigDecimal(billing));
        insert(c, "INSERT INTO app.rate_card_item_costs (organization_id, rate_card_item_id, cost_rate) VALUES (?, ?, ?) RETURNING id",
                org, item, new BigDecimal(cost));
    }

    private static UUID insert(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof LocalDate date) {
                    ps.setObject(i + 1, date, java.sql.Types.DATE);
                } else {
                    ps.setObject(i + 1, parameters[i]);
                }
            }
            ResultSet rs = ps.executeQuery();
            rs.next();
            return rs.getObject(1, UUID.class);
        }
    }

    private void copyProducts(Connection c, UUID org, Basics basics, int offset, int n) throws SQLException {
        StringBuilder products = new StringBuilder(n * 160);
        StringBuilder costs = new StringBuilder(n * 80);
        LocalDate costsFrom = LocalDate.now().minusMonths(6);
        for (int i = 0; i < n; i++) {
            int number = offset + i + 1;
            ProductType type = ProductType.values()[(offset + i) % 4];
            UUID id = UUID.randomUUID();
            String name;
            String unit;
            UUID category;
            int price;
            switch (type) {
                case SERVICE -> {
                    name = pick(SERVICE) + " " + pick(GRADE);
                    unit = "h";
                    category = pickCategory(basics, "Services");
                    price = 60 + random.nextInt(120);
                }
                case MATERIAL -> {
                    name = pick(MATERIAL) + " " + (1 + random.nextInt(50)) + " mm";
                    unit = random.nextBoolean() ? "m" : "kg";
                    category = pickCategory(basics, "Materials");
                    price = 2 + random.nextInt(80);
                }
                case STOCK -> {
                    name = pick(STOCK) + " " + pick(GRADE);
                    unit = "pc";
                    category = pickCategory(basics, "Hardware");
                    price = 1 + random.nextInt(300);
                }
                default -> {
                    name = pick(MANUFACTURED) + " " + pick(GRADE);
                    unit = "pc";
                    category = pickCategory(basics, "Machines");
                    price = 500 + random.nextInt(20_000);
                }
            }
            UUID taxRate = random.nextInt(10) == 0 ? basics.reduced() : random.nextInt(40) == 0 ? basics.zero() : basics.standard();
            BigDecimal salePrice = BigDecimal.valueOf(price * 100L + random.nextInt(100), 2);
            BulkLoad.row(products, org, id, String.format("%s-%06d", PREFIX.get(type), number), name,
                    type.databaseValue(), basics.units().get(unit), salePrice, taxRate, category,
                    random.nextInt(25) == 0 ? "f" : "t");
            // Costs between 45 and 80 % of the price.
            BulkLoad.row(costs, org, id, costsFrom, salePrice.multiply(BigDecimal.valueOf(45 + random.nextInt(36)))
                    .movePointLeft(2).setScale(4, java.math.RoundingMode.HALF_UP));
        }
        BulkLoad.copyIn(c, "COPY app.products (organization_id, id, code, name, product_type, unit_id, sale_price, tax_rate_id, "
                + "category_id, active) FROM STDIN", products);
        BulkLoad.copyIn(c, "COPY app.product_costs (organization_id, product_id, valid_from, cost) FROM STDIN", costs);
    }

    private UUID pickCategory(Basics basics, String top) {
        List<UUID> children = basics.categories().get(top);
        return children.get(random.nextInt(children.size()));
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
