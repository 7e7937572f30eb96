package com.workline.persistence.projects;

import com.workline.persistence.testing.Sql;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import static com.workline.persistence.projects.TimeWorld.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * The rounding of time in the database equals a reference written independently here (BigDecimal, HALF_UP) over random
 * input (ADR 9: QuickTheories; a failure prints its seed, rerun with {@code -DQT_SEED=<seed>}), and the sum of the
 * entries' rounded amounts is what the project's figures and the reports bill, also after random changes and deletes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimeRoundingPropertiesTest {
    private static final List<String> CURRENCIES = List.of("EUR", "JPY", "KWD", "CLF", "USD");
    private TimeWorld w;
    private Connection employee;
    private Connection manager;

    @BeforeAll
    void world() throws SQLException {
        w = new TimeWorld("Rounding");
        employee = w.plain(w.employeePerson);
        manager = w.plain(w.managerPerson);
    }

    @AfterAll
    void close() throws SQLException {
        employee.close();
        manager.close();
        w.close();
    }

    // ------------------------------------------------------------------------------------------ reference

    /** The rule of docs/time-rules.md, written without the database's integer arithmetic. */
    static int billableMinutes(int raw, int unit, RoundingDirection direction) {
        if (unit <= 1) {
            return raw;
        }
        BigDecimal units = BigDecimal.valueOf(raw).divide(BigDecimal.valueOf(unit), 0, switch (direction) {
            case UP -> RoundingMode.CEILING;
            case DOWN -> RoundingMode.FLOOR;
            case NEAREST -> RoundingMode.HALF_UP;
        });
        return units.intValueExact() * unit;
    }

    static BigDecimal amount(int billableMinutes, BigDecimal hourlyRate, Currency currency) {
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        return BigDecimal.valueOf(billableMinutes).multiply(hourlyRate).divide(BigDecimal.valueOf(60), digits, RoundingMode.HALF_UP);
    }

    // ------------------------------------------------------------------------------------------ generators

    private record Case(int raw, int unit, RoundingDirection direction, BigDecimal rate, String currency) {
    }

    private static Gen<Integer> rawMinutes() {
        return Generate.frequency(List.of(org.quicktheories.api.Pair.of(6, integers().between(0, 600)),
                org.quicktheories.api.Pair.of(3, integers().between(0, 1440)),
                org.quicktheories.api.Pair.of(1, Generate.pick(List.of(0, 1, 7, 8, 14, 15, 22, 23, 1440)))));
    }

    private static Gen<Integer> units() {
        return Generate.frequency(List.of(org.quicktheories.api.Pair.of(6, Generate.pick(List.of(1, 5, 6, 10, 15, 30, 60))),
                org.quicktheories.api.Pair.of(4, integers().between(1, 240))));
    }

    private static Gen<BigDecimal> rates() {
        return longs().between(0, 99_999_999_999L).zip(integers().between(0, 4), BigDecimal::valueOf)
                .map(r -> r.precision() - r.scale() > 10 ? r.movePointLeft(4) : r);
    }

    private static Gen<Case> cases() {
        return rawMinutes().zip(units(), Generate.enumValues(RoundingDirection.class), rates(), Generate.pick(CURRENCIES),
                (raw, unit, direction, rate, currency) -> new Case(raw, unit, direction, rate, currency));
    }

    // ------------------------------------------------------------------------------------------ properties

    @Test
    @DisplayName("app.billable_minutes and app.time_amount equal the reference for random minutes, units, rates, currencies")
    void sqlEqualsReference() {
        qt().withExamples(300).forAll(lists().of(cases()).ofSizeBetween(1, 40)).checkAssert(cases -> {
            List<Object[]> database = functions(cases);
            for (int i = 0; i < cases.size(); i++) {
                Case c = cases.get(i);
                int expectedMinutes = billableMinutes(c.raw(), c.unit(), c.direction());
                assertThat(database.get(i)[0]).as(c.toString()).isEqualTo(expectedMinutes);
                assertThat((BigDecimal) database.get(i)[1]).as(c.toString())
                        .isEqualByComparingTo(amount(expectedMinutes, c.rate(), Currency.getInstance(c.currency())));
            }
        });
    }

    private List<Object[]> functions(List<Case> cases) {
        try (PreparedStatement ps = employee.prepareStatement("""
                SELECT app.billable_minutes(r, u, d), app.time_amount(app.billable_minutes(r, u, d), rate, cur)
                  FROM unnest(?::int[], ?::int[], ?::text[], ?::numeric[], ?::text[]) WITH ORDINALITY AS x(r, u, d, rate, cur, n)
                 ORDER BY n""")) {
            ps.setArray(1, employee.createArrayOf("int4", cases.stream().map(Case::raw).toArray()));
            ps.setArray(2, employee.createArrayOf("int4", cases.stream().map(Case::unit).toArray()));
            ps.setArray(3, employee.createArrayOf("text", cases.stream().map(c -> c.direction().databaseValue()).toArray()));
            ps.setArray(4, employee.createArrayOf("numeric", cases.stream().map(Case::rate).toArray()));
            ps.setArray(5, employee.createArrayOf("text", cases.stream().map(Case::currency).toArray()));
            List<Object[]> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Object[] {rs.getInt(1), rs.getBigDecimal(2)});
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Booking(int raw, boolean billable) {
    }

    private record Change(int index, int raw, boolean billable, boolean delete) {
    }

    @Test
    @DisplayName("entries booked, changed and deleted at random: each amount is the reference's, and their sum is what the "
            + "project's figures and the report bill")
    void sumOfRoundedEntriesIsTheBilledAmount() {
        Gen<List<Booking>> bookings = lists().of(rawMinutes().zip(booleans().all().zip(integers().between(1, 10),
                (b, n) -> b || n > 8), Booking::new)).ofSizeBetween(1, 25);
        Gen<List<Change>> changes = lists().of(integers().between(0, 24).zip(rawMinutes(), booleans().all(),
                integers().between(1, 10), (i, raw, billable, d) -> new Change(i, raw, billable, d <= 2))).ofSizeBetween(0, 8);
        Gen<RoundingRule> rules = units().zip(Generate.enumValues(RoundingDirection.class), RoundingRule::new);
        qt().withExamples(40).forAll(bookings, changes, rules, rates())
                .checkAssert((booked, changed, rule, rate) -> {
                    try {
                        check(booked, changed, rule, rate);
                    } catch (SQLException e) {
                        throw new IllegalStateException(e.getSQLState() + " " + e.getMessage(), e);
                    }
                });
    }

    private void check(List<Booking> booked, List<Change> changes, RoundingRule rule, BigDecimal rate) throws SQLException {
        UUID customer = (UUID) w.asOwnerRole("INSERT INTO app.customers (organization_id, name, time_rounding_unit, "
                + "time_rounding_direction) VALUES (?, ?, ?, ?) RETURNING id", w.org, "C " + w.db.unique(), rule.unitMinutes(),
                rule.direction().databaseValue());
        w.rate(w.customerCard(customer), w.consulting, null, null, "2026-01-01", null, rate.toPlainString(), null);
        UUID project = (UUID) w.asOwnerRole("INSERT INTO app.projects (organization_id, name, customer_id, status) "
                + "VALUES (?, ?, ?, 'active') RETURNING id", w.org, "P " + w.db.unique(), customer);
        List<UUID> ids = new ArrayList<>();
        for (Booking b : booked) {
            ids.add((UUID) Sql.value(employee, "INSERT INTO app.time_entries (organization_id, entry_date, raw_minutes, project_id, "
                    + "service_category_id, billable) VALUES (?, ?, ?, ?, ?, ?) RETURNING id", w.org, day("2026-03-02"), b.raw(),
                    project, w.consulting, b.billable()));
        }
        for (Change change : changes) {
            if (change.index() >= ids.size() || ids.get(change.index()) == null) {
                continue;
            }
            UUID id = ids.get(change.index());
            if (change.delete()) {
                Sql.value(employee, "SELECT app.delete_time_entry(?, NULL)::text", id);
                ids.set(change.index(), null);
            } else {
                Sql.update(employee, "UPDATE app.time_entries SET raw_minutes = ?, billable = ?, version = version + 1 "
                        + "WHERE id = ?", change.raw(), change.billable(), id);
            }
        }
        BigDecimal expected = BigDecimal.ZERO;
        long expectedMinutes = 0;
        for (List<Object> row : Sql.rows(employee, "SELECT raw_minutes, billable, billable_minutes, amount, billing_rate "
                + "FROM app.time_entries WHERE project_id = ?", project)) {
            int raw = (Integer) row.get(0);
            boolean billable = (Boolean) row.get(1);
            int minutes = billableMinutes(raw, rule.unitMinutes(), rule.direction());
            BigDecimal amount = billable ? amount(minutes, rate, Currency.getInstance("EUR")) : BigDecimal.ZERO;
            assertThat(row.get(2)).isEqualTo(minutes);
            assertThat((BigDecimal) row.get(3)).isEqualByComparingTo(amount);
            assertThat((BigDecimal) row.get(4)).isEqualByComparingTo(rate);
            expected = expected.add(amount);
            expectedMinutes += raw;
        }
        BudgetFigures figures = w.of(w.employee).projects().figures(project);
        assertThat(figures.amount()).as("the project's running totals").isEqualByComparingTo(expected);
        assertThat(figures.actualMinutes()).isEqualTo(expectedMinutes);
        List<TimeReportRow> report = w.of(w.manager).reports().report(TimeReportQuery.between(day("2026-03-01"),
                day("2026-03-31")).ofProject(project), TimeReportGrouping.PROJECT);
        BigDecimal reported = report.isEmpty() ? BigDecimal.ZERO : report.get(0).amount();
        assertThat(reported).as("the report").isEqualByComparingTo(expected);
        // The totals the database keeps equal the sum over the entries, per person.
        assertThat(Sql.rows(manager, """
                SELECT t.user_id, t.entries, t.raw_minutes, t.billable_minutes, t.non_billable_minutes, t.amount
                  FROM app.project_time_totals t WHERE t.project_id = ? AND t.entries > 0 ORDER BY 1""", project))
                .isEqualTo(Sql.rows(manager, """
                SELECT e.user_id, count(*)::integer, sum(e.raw_minutes)::bigint,
                       sum(CASE WHEN e.billable THEN e.billable_minutes ELSE 0 END)::bigint,
                       sum(CASE WHEN e.billable THEN 0 ELSE e.raw_minutes END)::bigint, sum(e.amount)::numeric(19,4)
                  FROM app.time_entries e WHERE e.project_id = ? GROUP BY 1 ORDER BY 1""", project));
    }
}
