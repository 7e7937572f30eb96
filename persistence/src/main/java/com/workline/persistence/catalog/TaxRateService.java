package com.workline.persistence.catalog;

import com.workline.persistence.db.Jdbc;
import com.workline.persistence.common.ConcurrentEditException;
import com.workline.persistence.common.Problem;
import com.workline.persistence.common.Text;
import com.workline.persistence.common.ValidationException;
import com.workline.persistence.common.WorklineException;
import com.workline.persistence.db.TenantDatabase;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/** Tax rates: the list, creation, optimistic-locked updates, and moving the default. */
public final class TaxRateService {
    private static final String COLUMNS = "id, name, percent, is_default, active, version";
    private final TenantDatabase db;

    public TaxRateService(TenantDatabase db) {
        this.db = db;
    }

    public List<TaxRate> list() {
        return Jdbc.write(db, c -> Jdbc.list(c, "SELECT " + COLUMNS + " FROM app.tax_rates WHERE organization_id = ? "
                + "ORDER BY is_default DESC, lower(name), id", TaxRateService::map, db.currentTenant()));
    }

    /** The organization's default rate, or null if it has none yet. */
    public TaxRate defaultRate() {
        return Jdbc.write(db, c -> Jdbc.one(c, "SELECT " + COLUMNS + " FROM app.tax_rates WHERE organization_id = ? AND is_default",
                TaxRateService::map, db.currentTenant()));
    }

    /** A new rate; the organization's first rate becomes its default. */
    public TaxRate create(TaxRate rate) {
        validate(rate);
        return Jdbc.write(db, c -> {
            boolean first = Jdbc.one(c, "SELECT 1 FROM app.tax_rates WHERE organization_id = ? LIMIT 1", rs -> 1,
                    db.currentTenant()) == null;
            boolean makeDefault = rate.isDefault() || first;
            if (makeDefault) {
                clearDefault(c);
            }
            return Jdbc.one(c, "INSERT INTO app.tax_rates (organization_id, name, percent, is_default, active) "
                            + "VALUES (?, ?, ?, ?, ?) RETURNING " + COLUMNS, TaxRateService::map,
                    db.currentTenant(), rate.name().strip(), rate.percent(), makeDefault, rate.active());
        });
    }

    /** Name, percent and active flag, if nobody saved the rate since it was loaded. */
    public TaxRate update(TaxRate rate) {
        validate(rate);
        return Jdbc.write(db, c -> {
            TaxRate saved = Jdbc.one(c, "UPDATE app.tax_rates SET name = ?, percent = ?, active = ?, version = version + 1 "
                            + "WHERE organization_id = ? AND id = ? AND version = ? RETURNING " + COLUMNS, TaxRateService::map,
                    rate.name().strip(), rate.percent(), rate.active(), db.currentTenant(), rate.id(), rate.version());
            if (saved == null) {
                throw unchanged(c, rate.id(), rate.version());
            }
            return saved;
        });
    }

    /** Makes {@code id} the organization's one default rate. */
    public TaxRate setDefault(UUID id) {
        return Jdbc.write(db, c -> {
            clearDefault(c);
            TaxRate saved = Jdbc.one(c, "UPDATE app.tax_rates SET is_default = true, version = version + 1 "
                    + "WHERE organization_id = ? AND id = ? RETURNING " + COLUMNS, TaxRateService::map, db.currentTenant(), id);
            if (saved == null) {
                throw unchanged(c, id, Integer.MIN_VALUE);
            }
            return saved;
        });
    }

    private void clearDefault(Connection c) throws SQLException {
        Jdbc.update(c, "UPDATE app.tax_rates SET is_default = false, version = version + 1 WHERE organization_id = ? AND is_default",
                db.currentTenant());
    }

    private WorklineException unchanged(Connection c, UUID id, int version) throws SQLException {
        Integer current = Jdbc.one(c, "SELECT version FROM app.tax_rates WHERE organization_id = ? AND id = ?",
                rs -> rs.getInt(1), db.currentTenant(), id);
        return Jdbc.unchanged(current, version == Integer.MIN_VALUE && current != null ? current : version,
                new ConcurrentEditException("record.taxRate"),
                new WorklineException(Problem.NOT_FOUND, Text.of("catalog.taxRate.notFound")));
    }

    private static void validate(TaxRate rate) {
        new ValidationException.Collector()
                .check(rate.name() != null && !rate.name().isBlank(), "name", Text.of("catalog.taxRate.nameRequired"))
                .check(rate.name() == null || rate.name().strip().length() <= 100, "name", Text.of("field.text.tooLong", 100))
                .check(rate.percent() != null && rate.percent().signum() >= 0 && rate.percent().compareTo(BigDecimal.valueOf(100)) <= 0
                        && rate.percent().stripTrailingZeros().scale() <= 4, "percent", Text.of("catalog.taxRate.percentInvalid"))
                .throwIfAny();
    }

    private static TaxRate map(ResultSet rs) throws SQLException {
        return new TaxRate(rs.getObject(1, UUID.class), rs.getString(2), rs.getBigDecimal(3), rs.getBoolean(4),
                rs.getBoolean(5), rs.getInt(6));
    }
}
