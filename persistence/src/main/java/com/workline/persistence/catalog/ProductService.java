package com.workline.persistence.catalog;

import com.workline.persistence.db.Jdbc;
import com.workline.persistence.common.Problem;
import com.workline.persistence.common.Text;
import com.workline.persistence.common.ValidationException;
import com.workline.persistence.common.WorklineException;
import com.workline.persistence.db.SqlBuilder;
import com.workline.persistence.db.TenantDatabase;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Products: the keyset-paged list with search as you type (like the customer list), the record, creation,
 * optimistic-locked updates and deactivation. The cost is read and written only by managers and above: for others
 * the database hides the cost rows (the record's cost is null) and refuses to write them.
 */
public final class ProductService {
    private final TenantDatabase db;

    public ProductService(TenantDatabase db) {
        this.db = db;
    }

    // ----- the list ----------------------------------------------------------------------------------

    /** A page of the list, ordered by name or code and then id; {@code after} is the previous page's cursor. */
    public ProductPage list(ProductQuery query, ProductPage.Cursor after, int pageSize) {
        if (pageSize < 1 || pageSize > 500) {
            throw new IllegalArgumentException("page size 1..500");
        }
        String sortKey = query.sort() == ProductQuery.Sort.CODE ? "p.sort_code" : "p.sort_name";
        SqlBuilder sql = new SqlBuilder();
        sql.where("p.organization_id = :tenant").bind("tenant", db.currentTenant()).where("p.deleted_at IS NULL");
        if (!query.includeInactive()) {
            sql.where("p.active");
        }
        if (query.categoryId() != null) {
            sql.where("p.category_id = :category").bind("category", query.categoryId());
        }
        if (query.search() != null && !query.search().isBlank()) {
            String term = query.search().strip().toLowerCase(Locale.ROOT);
            if (term.length() < 3) {
                // Too short for trigrams: codes or names starting with the term, as ranges the sort indexes serve.
                String to = term.substring(0, term.length() - 1) + (char) (term.charAt(term.length() - 1) + 1);
                sql.where("((p.sort_name >= :prefixFrom AND p.sort_name < :prefixTo) "
                                + "OR (p.sort_code >= :prefixFrom AND p.sort_code < :prefixTo))")
                        .bind("prefixFrom", term).bind("prefixTo", to);
            } else {
                sql.where("p.id IN (SELECT id FROM sec.product_search(:search))").bind("search", SqlBuilder.containing(term));
            }
        }
        if (after != null) {
            sql.where("(" + sortKey + ", p.id) > (:afterKey, :afterId)").bind("afterKey", after.sortKey()).bind("afterId", after.id());
        }
        sql.bind("pageLimit", pageSize + 1);
        SqlBuilder.Positional statement = SqlBuilder.positional("""
                SELECT p.id, p.code, p.name, p.product_type, u.code, p.sale_price, p.category_id, p.active, %s
                  FROM app.products p
                  LEFT JOIN app.units u ON u.organization_id = p.organization_id AND u.id = p.unit_id
                 WHERE %s
                 ORDER BY %s, p.id
                 LIMIT :pageLimit""".formatted(sortKey, sql.conditions(), sortKey), sql.parameters());
        return db.read(statement.sql(), statement.parameters(), rs -> {
            List<ProductRow> rows = new ArrayList<>(pageSize + 1);
            while (rs.next()) {
                rows.add(new ProductRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        ProductType.fromDatabase(rs.getString(4)), rs.getString(5), rs.getBigDecimal(6),
                        rs.getObject(7, UUID.class), rs.getBoolean(8), rs.getString(9)));
            }
            ProductPage.Cursor next = null;
            if (rows.size() > pageSize) {
                rows.remove(rows.size() - 1);
                ProductRow last = rows.get(rows.size() - 1);
                next = new ProductPage.Cursor(last.sortKey(), last.id());
            }
            return new ProductPage(List.copyOf(rows), next);
        });
    }

    // ----- the record --------------------------------------------------------------------------------

    public ProductDetails load(UUID id) {
        ProductDetails details = Jdbc.write(db, c -> find(c, id));
        if (details == null) {
            throw notFound();
        }
        return details;
    }

    /** A new product; its cost (if given) is recorded from today, which only managers and above may do. */
    public ProductDetails create(ProductDetails product) {
        validate(product);
        return Jdbc.write(db, c -> {
            UUID id = Jdbc.one(c, """
                            INSERT INTO app.products (organization_id, code, name, description, product_type, unit_id, sale_price,
                                                      tax_rate_id, category_id, active)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""", rs -> rs.getObject(1, UUID.class),
                    db.currentTenant(), product.code().strip(), product.name().strip(), blankToNull(product.description()),
                    product.type().databaseValue(), product.unitId(), product.salePrice(), product.taxRateId(),
                    product.categoryId(), product.active());
            if (product.cost() != null) {
                recordCost(c, id, product.cost());
            }
            return find(c, id);
        });
    }

    /** Saves changes if nobody saved the product since it was loaded, else {@link ProductConflictException}. */
    public ProductDetails update(ProductDetails product) {
        validate(product);
        return Jdbc.write(db, c -> {
            int changed = Jdbc.update(c, """
                            UPDATE app.products SET code = ?, name = ?, description = ?, product_type = ?, unit_id = ?, sale_price = ?,
                                                    tax_rate_id = ?, category_id = ?, active = ?, version = version + 1
                             WHERE organization_id = ? AND id = ? AND version = ? AND deleted_at IS NULL""",
                    product.code().strip(), product.name().strip(), blankToNull(product.description()),
                    product.type().databaseValue(), product.unitId(), product.salePrice(), product.taxRateId(),
                    product.categoryId(), product.active(), db.currentTenant(), product.id(), product.version());
            if (changed == 0) {
                ProductDetails current = find(c, product.id());
                throw Jdbc.unchanged(current == null ? null : current.version(), product.version(),
                        new ProductConflictException(current), notFound());
            }
            if (product.cost() != null) {
                recordCost(c, product.id(), product.cost());
            }
            return find(c, product.id());
        });
    }

    /** Takes a product out of the choices (it stays on existing documents); {@code active = false}. */
    public ProductDetails deactivate(UUID id, int version) {
        return Jdbc.write(db, c -> {
            int changed = Jdbc.update(c, "UPDATE app.products SET active = false, version = version + 1 "
                    + "WHERE organization_id = ? AND id = ? AND version = ?", db.currentTenant(), id, version);
            if (changed == 0) {
                ProductDetails current = find(c, id);
                throw Jdbc.unchanged(current == null ? null : current.version(), version,
                        new ProductConflictException(current), notFound());
            }
            return find(c, id);
        });
    }

    /**
     * The product's cost on a date (the latest recorded from that date or before), or null: none recorded, or the
     * person may not see costs.
     */
    public BigDecimal costOn(UUID productId, java.time.LocalDate date) {
        return Jdbc.write(db, c -> cost(c, productId, date));
    }

    /** The cost from today on (managers and above; the database refuses others). */
    public void setCost(UUID productId, BigDecimal cost) {
        new ValidationException.Collector()
                .check(cost != null && cost.signum() >= 0 && cost.stripTrailingZeros().scale() <= 4, "cost",
                        Text.of("catalog.product.costInvalid"))
                .throwIfAny();
        Jdbc.write(db, c -> {
            recordCost(c, productId, cost);
            return null;
        });
    }

    private void recordCost(Connection c, UUID productId, BigDecimal cost) throws SQLException {
        // One row per product and day: a second change today replaces today's value.
        int changed = Jdbc.update(c, "UPDATE app.product_costs SET cost = ?, version = version + 1 "
                + "WHERE organization_id = ? AND product_id = ? AND valid_from = current_date", cost, db.currentTenant(), productId);
        if (changed == 0) {
            Jdbc.update(c, "INSERT INTO app.product_costs (organization_id, product_id, valid_from, cost) VALUES (?, ?, current_date, ?)",
                    db.currentTenant(), productId, cost);
        }
    }

    private BigDecimal cost(Connection c, UUID productId, java.time.LocalDate date) throws SQLException {
        return Jdbc.one(c, "SELECT cost FROM app.product_costs WHERE organization_id = ? AND product_id = ? AND valid_from <= ? "
                + "ORDER BY valid_from DESC, created_at DESC LIMIT 1", rs -> rs.getBigDecimal(1), db.currentTenant(), productId, date);
    }

    private ProductDetails find(Connection c, UUID id) throws SQLException {
        return Jdbc.one(c, """
                SELECT p.id, p.code, p.name, p.description, p.product_type, p.unit_id, p.sale_price, p.tax_rate_id,
                       p.category_id, p.active,
                       (SELECT k.cost FROM app.product_costs k
                         WHERE k.organization_id = p.organization_id AND k.product_id = p.id AND k.valid_from <= current_date
                         ORDER BY k.valid_from DESC, k.created_at DESC LIMIT 1),
                       p.version
                  FROM app.products p WHERE p.organization_id = ? AND p.id = ? AND p.deleted_at IS NULL""",
                ProductService::map, db.currentTenant(), id);
    }

    private static ProductDetails map(ResultSet rs) throws SQLException {
        return new ProductDetails(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                ProductType.fromDatabase(rs.getString(5)), rs.getObject(6, UUID.class), rs.getBigDecimal(7),
                rs.getObject(8, UUID.class), rs.getObject(9, UUID.class), rs.getBoolean(10), rs.getBigDecimal(11), rs.getInt(12));
    }

    private static WorklineException notFound() {
        return new WorklineException(Problem.NOT_FOUND, Text.of("catalog.product.notFound"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static void validate(ProductDetails p) {
        new ValidationException.Collector()
                .check(p.code() != null && !p.code().isBlank(), "code", Text.of("catalog.product.codeRequired"))
                .check(p.code() == null || p.code().strip().length() <= 40, "code", Text.of("field.text.tooLong", 40))
                .check(p.name() != null && !p.name().isBlank(), "name", Text.of("catalog.product.nameRequired"))
                .check(p.name() == null || p.name().strip().length() <= 200, "name", Text.of("field.text.tooLong", 200))
                .check(p.description() == null || p.description().length() <= 4000, "description", Text.of("field.text.tooLong", 4000))
                .check(p.type() != null, "type", Text.of("catalog.product.typeRequired"))
                .check(p.salePrice() != null && p.salePrice().signum() >= 0 && p.salePrice().stripTrailingZeros().scale() <= 4,
                        "salePrice", Text.of("catalog.product.priceInvalid"))
                .check(p.cost() == null || p.cost().signum() >= 0 && p.cost().stripTrailingZeros().scale() <= 4, "cost",
                        Text.of("catalog.product.costInvalid"))
                .throwIfAny();
    }
}
