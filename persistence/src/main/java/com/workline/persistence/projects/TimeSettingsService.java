package com.workline.persistence.projects;

import com.workline.persistence.common.Checks;
import com.workline.persistence.common.ConcurrentEditException;
import com.workline.persistence.common.ValidationException;
import com.workline.persistence.db.Jdbc;
import com.workline.persistence.db.TenantDatabase;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The organization's time settings (lock date, working hours, holidays, rounding, timer reminder; owners and admins
 * change them) and a customer's own rounding (managers and above).
 */
public final class TimeSettingsService {
    private final TenantDatabase db;

    public TimeSettingsService(TenantDatabase db) {
        this.db = db;
    }

    public TimeSettings load() {
        return db.readWith(this::load);
    }

    private TimeSettings load(Connection c) throws SQLException {
        return Jdbc.one(c, """
                        SELECT time_lock_date, weekly_working_minutes, holiday_country, holiday_subdivision, time_rounding_unit,
                               time_rounding_direction, timer_reminder_minutes, base_currency, version
                          FROM app.organizations WHERE id = ?""",
                rs -> new TimeSettings(rs.getObject(1, LocalDate.class), rs.getInt(2), rs.getString(3), rs.getString(4),
                        RoundingRule.of(rs.getInt(5), rs.getString(6)), rs.getInt(7), rs.getString(8), rs.getInt(9)),
                db.currentTenant());
    }

    /** Saves the settings if nobody changed the organization's settings since {@code settings.version()}. */
    public TimeSettings save(TimeSettings settings) {
        new ValidationException.Collector()
                .require(settings.weeklyWorkingMinutes() >= 0 && settings.weeklyWorkingMinutes() <= 10080, "weeklyWorkingMinutes",
                        "projects.settings.weeklyMinutesInvalid")
                .require(settings.holidayCountry() != null && settings.holidayCountry().matches("[A-Z]{2}"), "holidayCountry",
                        "field.country.code")
                .require(settings.holidaySubdivision() == null || settings.holidaySubdivision().isBlank()
                                || settings.holidaySubdivision().strip().matches("[A-Za-z0-9-]{1,10}"), "holidaySubdivision",
                        "projects.settings.subdivisionInvalid")
                .require(settings.rounding() != null, "rounding", "projects.settings.roundingRequired")
                .require(settings.timerReminderMinutes() >= 1 && settings.timerReminderMinutes() <= 1440, "timerReminderMinutes",
                        "projects.settings.reminderInvalid")
                .throwIfAny();
        return Jdbc.write(db, c -> {
            int changed = Jdbc.update(c, """
                            UPDATE app.organizations SET time_lock_date = ?, weekly_working_minutes = ?, holiday_country = ?,
                                   holiday_subdivision = ?, time_rounding_unit = ?, time_rounding_direction = ?,
                                   timer_reminder_minutes = ?, version = version + 1
                             WHERE id = ? AND version = ?""",
                    settings.lockDate(), settings.weeklyWorkingMinutes(), settings.holidayCountry(),
                    Checks.blankToNull(settings.holidaySubdivision() == null ? null : settings.holidaySubdivision().strip()),
                    settings.rounding().unitMinutes(), settings.rounding().direction().databaseValue(),
                    settings.timerReminderMinutes(), db.currentTenant(), settings.version());
            TimeSettings current = load(c);
            if (changed == 0) {
                throw Jdbc.unchanged(current == null ? null : current.version(), settings.version(),
                        new ConcurrentEditException("record.organizationSettings"),
                        TimeSql.notFound("admin.organization.noLongerMember"));
            }
            return current;
        });
    }

    /** A customer's own rounding of billable time, or null when the organization's applies. */
    public RoundingRule customerRounding(UUID customerId) {
        return db.readWith(c -> Jdbc.one(c, "SELECT time_rounding_unit, time_rounding_direction FROM app.customers "
                        + "WHERE organization_id = ? AND id = ?", rs -> RoundingRule.of((Integer) rs.getObject(1), rs.getString(2)),
                db.currentTenant(), customerId));
    }

    /**
     * Sets (or, with null, removes) a customer's own rounding: managers and above (the database refuses others). The
     * customer's version stays: the rule is not part of the customer's form (whose entity does not map it), so saving it
     * beside an open customer record does not make that record's next save a conflict; the audit trail records it.
     */
    public void setCustomerRounding(UUID customerId, RoundingRule rule) {
        int changed = Jdbc.write(db, c -> Jdbc.update(c, """
                        UPDATE app.customers SET time_rounding_unit = ?, time_rounding_direction = ?
                         WHERE organization_id = ? AND id = ?""",
                rule == null ? null : rule.unitMinutes(), rule == null ? null : rule.direction().databaseValue(),
                db.currentTenant(), customerId));
        if (changed == 0) {
            throw TimeSql.notFound("crm.customer.notFound");
        }
    }
}
