package com.workline.persistence.catalog;

import com.workline.persistence.db.Jdbc;
import com.workline.persistence.common.ConcurrentEditException;
import com.workline.persistence.common.Problem;
import com.workline.persistence.common.Text;
import com.workline.persistence.common.ValidationException;
import com.workline.persistence.common.WorklineException;
import com.workline.persistence.db.TenantDatabase;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/** Service categories: the list, creation and optimistic-locked updates. */
public final class ServiceCategoryService {
    private static final String COLUMNS = "id, name, description, active, version";
    private final TenantDatabase db;

    public ServiceCategoryService(TenantDatabase db) {
        this.db = db;
    }

    public List<ServiceCategory> list() {
        return Jdbc.write(db, c -> Jdbc.list(c, "SELECT " + COLUMNS + " FROM app.service_categories WHERE organization_id = ? "
                + "ORDER BY lower(name), id", ServiceCategoryService::map, db.currentTenant()));
    }

    public ServiceCategory create(ServiceCategory category) {
        validate(category);
        return Jdbc.write(db, c -> Jdbc.one(c, "INSERT INTO app.service_categories (organization_id, name, description, active) "
                        + "VALUES (?, ?, ?, ?) RETURNING " + COLUMNS, ServiceCategoryService::map,
                db.currentTenant(), category.name().strip(), blankToNull(category.description()), category.active()));
    }

    public ServiceCategory update(ServiceCategory category) {
        validate(category);
        return Jdbc.write(db, c -> {
            ServiceCategory saved = Jdbc.one(c, "UPDATE app.service_categories SET name = ?, description = ?, active = ?, "
                            + "version = version + 1 WHERE organization_id = ? AND id = ? AND version = ? RETURNING " + COLUMNS,
                    ServiceCategoryService::map, category.name().strip(), blankToNull(category.description()), category.active(),
                    db.currentTenant(), category.id(), category.version());
            if (saved == null) {
                Integer current = Jdbc.one(c, "SELECT version FROM app.service_categories WHERE organization_id = ? AND id = ?",
                        rs -> rs.getInt(1), db.currentTenant(), category.id());
                throw Jdbc.unchanged(current, category.version(), new ConcurrentEditException("record.serviceCategory"),
                        new WorklineException(Problem.NOT_FOUND, Text.of("catalog.serviceCategory.notFound")));
            }
            return saved;
        });
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static void validate(ServiceCategory category) {
        new ValidationException.Collector()
                .check(category.name() != null && !category.name().isBlank(), "name", Text.of("catalog.serviceCategory.nameRequired"))
                .check(category.name() == null || category.name().strip().length() <= 100, "name", Text.of("field.text.tooLong", 100))
                .check(category.description() == null || category.description().length() <= 2000, "description",
                        Text.of("field.text.tooLong", 2000))
                .throwIfAny();
    }

    private static ServiceCategory map(ResultSet rs) throws SQLException {
        return new ServiceCategory(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getInt(5));
    }
}
