package com.workline.persistence.projects;

import com.workline.persistence.common.Problem;
import com.workline.persistence.common.Text;
import com.workline.persistence.common.WorklineException;
import com.workline.persistence.db.Jdbc;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;

/** What the area's statements share. */
final class TimeSql {
    /** The name shown for a person of {@code sec.users u}. */
    static final String NAME_OF_U = "coalesce(nullif(btrim(u.display_name), ''), u.first_name || ' ' || u.last_name)";

    private TimeSql() {
    }

    /** The minor-unit digits of the organization's base currency, in which all amounts of time are kept. */
    static int digits(Connection c, UUID organizationId) throws SQLException {
        Integer digits = Jdbc.one(c, "SELECT app.currency_digits(base_currency) FROM app.organizations WHERE id = ?",
                rs -> rs.getInt(1), organizationId);
        return digits == null ? 2 : digits;
    }

    static BigDecimal money(BigDecimal value, int digits) {
        return value == null ? null : value.setScale(digits, RoundingMode.HALF_UP);
    }

    /** A LIKE pattern that finds {@code search} anywhere (lower case, wildcards escaped), or null for no search. */
    static String pattern(String search) {
        if (search == null || search.isBlank()) {
            return null;
        }
        String escaped = search.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    static WorklineException notFound(String key) {
        return new WorklineException(Problem.NOT_FOUND, Text.of(key));
    }

    static WorklineException notAllowed() {
        return new WorklineException(Problem.NOT_ALLOWED, Text.of("db.notAllowed"));
    }
}
