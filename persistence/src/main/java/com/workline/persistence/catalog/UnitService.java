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

/** Units of measure: the list, creation and optimistic-locked updates. */
public final class UnitService {
    private static final String COLUMNS = "id, code, name, active, version";
    private final TenantDatabase db;

    public UnitService(TenantDatabase db) {
        this.db = db;
    }

    public List<Unit> list() {
        return Jdbc.write(db, c -> Jdbc.list(c, "SELECT " + COLUMNS + " FROM app.units WHERE organization_id = ? ORDER BY lower(code), id",
                UnitService::map, db.currentTenant()));
    }

    public Unit create(Unit unit) {
        validate(unit);
        return Jdbc.write(db, c -> Jdbc.one(c, "INSERT INTO app.units (organization_id, code, name, active) VALUES (?, ?, ?, ?) "
                + "RETURNING " + COLUMNS, UnitService::map, db.currentTenant(), unit.code().strip(), unit.name().strip(), unit.active()));
    }

    public Unit update(Unit unit) {
        validate(unit);
        return Jdbc.write(db, c -> {
            Unit saved = Jdbc.one(c, "UPDATE app.units SET code = ?, name = ?, active = ?, version = version + 1 "
                            + "WHERE organization_id = ? AND id = ? AND version = ? RETURNING " + COLUMNS, UnitService::map,
                    unit.code().strip(), unit.name().strip(), unit.active(), db.currentTenant(), unit.id(), unit.version());
            if (saved == null) {
                Integer current = Jdbc.one(c, "SELECT version FROM app.units WHERE organization_id = ? AND id = ?",
                        rs -> rs.getInt(1), db.currentTenant(), unit.id());
                throw Jdbc.unchanged(current, unit.version(), new ConcurrentEditException("record.unit"),
                        new WorklineException(Problem.NOT_FOUND, Text.of("catalog.unit.notFound")));
            }
            return saved;
        });
    }

    private static void validate(Unit unit) {
        new ValidationException.Collector()
                .check(unit.code() != null && !unit.code().isBlank(), "code", Text.of("catalog.unit.codeRequired"))
                .check(unit.code() == null || unit.code().strip().length() <= 20, "code", Text.of("field.text.tooLong", 20))
                .check(unit.name() != null && !unit.name().isBlank(), "name", Text.of("catalog.unit.nameRequired"))
                .check(unit.name() == null || unit.name().strip().length() <= 100, "name", Text.of("field.text.tooLong", 100))
                .throwIfAny();
    }

    private static Unit map(ResultSet rs) throws SQLException {
        return new Unit(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getInt(5));
    }
}
