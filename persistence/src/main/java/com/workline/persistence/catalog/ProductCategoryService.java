package com.workline.persistence.catalog;

import com.workline.persistence.db.Jdbc;
import com.workline.persistence.common.ConcurrentEditException;
import com.workline.persistence.common.Problem;
import com.workline.persistence.common.Text;
import com.workline.persistence.common.ValidationException;
import com.workline.persistence.common.WorklineException;
import com.workline.persistence.db.TenantDatabase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * Product categories as a tree: the whole tree in display order, creation, renaming and moving (never below itself
 * or one of its subcategories; the database refuses that too), with optimistic locking.
 */
public final class ProductCategoryService {
    private static final String COLUMNS = "id, parent_id, name, position, 0, version";
    private final TenantDatabase db;

    public ProductCategoryService(TenantDatabase db) {
        this.db = db;
    }

    /** Every category, parents before their children, siblings by position and name. */
    public List<ProductCategory> tree() {
        return Jdbc.write(db, c -> Jdbc.list(c, """
                WITH RECURSIVE t AS (
                  SELECT id, parent_id, name, position, 0 AS depth, version,
                         ARRAY[lpad(position::text, 10, '0') || lower(name) || id::text] AS path
                    FROM app.product_categories WHERE organization_id = ? AND parent_id IS NULL
                  UNION ALL
                  SELECT c.id, c.parent_id, c.name, c.position, t.depth + 1, c.version,
                         t.path || (lpad(c.position::text, 10, '0') || lower(c.name) || c.id::text)
                    FROM app.product_categories c JOIN t ON c.parent_id = t.id
                   WHERE c.organization_id = ? AND t.depth < 1000)
                SELECT id, parent_id, name, position, depth, version FROM t ORDER BY path""",
                ProductCategoryService::map, db.currentTenant(), db.currentTenant()));
    }

    public ProductCategory create(ProductCategory category) {
        validate(category);
        return Jdbc.write(db, c -> Jdbc.one(c, "INSERT INTO app.product_categories (organization_id, parent_id, name, position) "
                        + "VALUES (?, ?, ?, ?) RETURNING " + COLUMNS, ProductCategoryService::map,
                db.currentTenant(), category.parentId(), category.name().strip(), category.position()));
    }

    /** Renames or moves a category, if nobody saved it since it was loaded. */
    public ProductCategory update(ProductCategory category) {
        validate(category);
        return Jdbc.write(db, c -> {
            if (category.parentId() != null && isSelfOrBelow(c, category.parentId(), category.id())) {
                throw ValidationException.of(java.util.Map.of("parentId", Text.of("catalog.category.cycle")));
            }
            ProductCategory saved = Jdbc.one(c, "UPDATE app.product_categories SET parent_id = ?, name = ?, position = ?, "
                            + "version = version + 1 WHERE organization_id = ? AND id = ? AND version = ? RETURNING " + COLUMNS,
                    ProductCategoryService::map, category.parentId(), category.name().strip(), category.position(),
                    db.currentTenant(), category.id(), category.version());
            if (saved == null) {
                Integer current = Jdbc.one(c, "SELECT version FROM app.product_categories WHERE organization_id = ? AND id = ?",
                        rs -> rs.getInt(1), db.currentTenant(), category.id());
                throw Jdbc.unchanged(current, category.version(), new ConcurrentEditException("record.productCategory"),
                        new WorklineException(Problem.NOT_FOUND, Text.of("catalog.category.notFound")));
            }
            return saved;
        });
    }

    /** Whether {@code candidate} is {@code category} itself or one of its descendants. */
    private boolean isSelfOrBelow(Connection c, UUID candidate, UUID category) throws SQLException {
        return Jdbc.one(c, """
                WITH RECURSIVE up (id, parent_id, depth) AS (
                  SELECT id, parent_id, 1 FROM app.product_categories WHERE organization_id = ? AND id = ?
                  UNION ALL
                  SELECT p.id, p.parent_id, up.depth + 1 FROM app.product_categories p JOIN up ON p.id = up.parent_id
                   WHERE p.organization_id = ? AND up.depth < 1000)
                SELECT 1 FROM up WHERE id = ?""", rs -> 1, db.currentTenant(), candidate, db.currentTenant(), category) != null;
    }

    private static void validate(ProductCategory category) {
        new ValidationException.Collector()
                .check(category.name() != null && !category.name().isBlank(), "name", Text.of("catalog.category.nameRequired"))
                .check(category.name() == null || category.name().strip().length() <= 100, "name", Text.of("field.text.tooLong", 100))
                .check(category.id() == null || !category.id().equals(category.parentId()), "parentId", Text.of("catalog.category.cycle"))
                .throwIfAny();
    }

    private static ProductCategory map(ResultSet rs) throws SQLException {
        return new ProductCategory(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getInt(4),
                rs.getInt(5), rs.getInt(6));
    }
}
