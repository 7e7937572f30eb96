package com.workline.persistence.catalog;

import com.workline.persistence.session.Role;
import com.workline.persistence.testing.Fixtures;
import com.workline.persistence.testing.Sql;
import com.workline.persistence.testing.TestDatabase;
import com.workline.persistence.testing.TestPerson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The catalog's rules in the database itself, with plain JDBC as each person's own login (what a hostile client
 * could send): one default tax rate and rate card, no category cycles, no overlapping rates, catalog writes by
 * managers and above, and costs (with their history) for managers and above only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogSchemaTest {
    private final TestDatabase db = TestDatabase.get();
    private UUID org;
    private TestPerson manager;
    private TestPerson employee;
    private TestPerson viewer;

    @BeforeAll
    void organization() throws SQLException {
        org = db.newOrganization("Catalog schema");
        manager = db.newPerson(org, Role.MANAGER);
        employee = db.newPerson(org, Role.EMPLOYEE);
        viewer = db.newPerson(org, Role.VIEWER);
        Fixtures.catalogDataOf(db, org);
        // A change made by a manager, so that the cost rows have history beyond their insert.
        try (Connection c = as(manager)) {
            assertThat(Sql.update(c, "UPDATE app.product_costs SET cost = cost + 1 WHERE organization_id = ?", org)).isEqualTo(1);
            assertThat(Sql.update(c, "UPDATE app.rate_card_item_costs SET cost_rate = cost_rate + 1 WHERE organization_id = ?", org)).isEqualTo(1);
        }
    }

    private Connection as(TestPerson person) throws SQLException {
        Connection c = db.connectAs(person);
        Sql.selectTenantForSession(c, org);
        return c;
    }

    private static String state(Throwable e) {
        return ((SQLException) e).getSQLState();
    }

    private UUID id(String sql) throws SQLException {
        return (UUID) Sql.value(db.superuser(), sql, org);
    }

    @Test
    void oneDefaultTaxRateAndRateCardPerOrganization() throws SQLException {
        try (Connection c = as(manager)) {
            assertThatThrownBy(() -> Sql.update(c, "INSERT INTO app.tax_rates (organization_id, name, percent, is_default) "
                    + "VALUES (?, 'Second default', 7, true)", org)).satisfies(e -> assertThat(state(e)).isEqualTo("23505"));
            assertThatThrownBy(() -> Sql.update(c, "INSERT INTO app.tax_rates (organization_id, name, percent) VALUES (?, 'Too much', 100.5)",
                    org)).satisfies(e -> assertThat(state(e)).isEqualTo("23514"));
            assertThatThrownBy(() -> Sql.update(c, "INSERT INTO app.rate_cards (organization_id, name, is_default) "
                    + "VALUES (?, 'Second default card', true)", org)).satisfies(e -> assertThat(state(e)).isEqualTo("23505"));
        }
    }

    @Test
    void categoryCyclesAreRefused() throws SQLException {
        try (Connection c = as(manager)) {
            UUID top = (UUID) Sql.value(c, "INSERT INTO app.product_categories (organization_id, name) VALUES (?, 'Top') RETURNING id", org);
            UUID middle = (UUID) Sql.value(c, "INSERT INTO app.product_categories (organization_id, parent_id, name) "
                    + "VALUES (?, ?, 'Middle') RETURNING id", org, top);
            UUID bottom = (UUID) Sql.value(c, "INSERT INTO app.product_categories (organization_id, parent_id, name) "
                    + "VALUES (?, ?, 'Bottom') RETURNING id", org, middle);
            assertThatThrownBy(() -> Sql.update(c, "UPDATE app.product_categories SET parent_id = ? WHERE organization_id = ? AND id = ?",
                    bottom, org, top)).satisfies(e -> assertThat(state(e)).isEqualTo("23514"));
            assertThatThrownBy(() -> Sql.update(c, "UPDATE app.product_categories SET parent_id = id WHERE organization_id = ? AND id = ?",
                    org, middle)).satisfies(e -> assertThat(state(e)).isEqualTo("23514"));
            assertThat(Sql.update(c, "UPDATE app.product_categories SET parent_id = ? WHERE organization_id = ? AND id = ?",
                    top, org, bottom)).isEqualTo(1);
        }
    }

    @Test
    void overlappingRatesAreRefused() throws SQLException {
        UUID card = id("SELECT id FROM app.rate_cards WHERE organization_id = ? AND is_default");
        UUID category = id("SELECT id FROM app.service_categories WHERE organization_id = ? LIMIT 1");
        try (Connection c = as(manager)) {
            // The fixture's rate for everyone is valid from 2026-01-01, open-ended.
            assertThatThrownBy(() -> Sql.update(c, "INSERT INTO app.rate_card_items (organization_id, rate_card_id, service_category_id, "
                    + "valid_from, valid_until, billing_rate) VALUES (?, ?, ?, DATE '2025-06-01', DATE '2026-01-01', 1)", org, card, category))
                    .satisfies(e -> assertThat(state(e)).isEqualTo("23P01"));
            assertThat(Sql.update(c, "INSERT INTO app.rate_card_items (organization_id, rate_card_id, service_category_id, "
                    + "valid_from, valid_until, billing_rate) VALUES (?, ?, ?, DATE '2025-06-01', DATE '2025-12-31', 1)", org, card, category))
                    .isEqualTo(1);
            assertThat(Sql.update(c, "INSERT INTO app.rate_card_items (organization_id, rate_card_id, service_category_id, role, "
                    + "valid_from, billing_rate) VALUES (?, ?, ?, 'manager', DATE '2026-01-01', 1)", org, card, category)).isEqualTo(1);
            assertThatThrownBy(() -> Sql.update(c, "INSERT INTO app.rate_card_items (organization_id, rate_card_id, service_category_id, "
                    + "role, valid_from, billing_rate) VALUES (?, ?, ?, 'manager', DATE '2027-01-01', 1)", org, card, category))
                    .satisfies(e -> assertThat(state(e)).isEqualTo("23P01"));
            assertThatThrownBy(() -> Sql.update(c, "INSERT INTO app.rate_card_items (organization_id, rate_card_id, service_category_id, "
                    + "role, user_id, valid_from, billing_rate) VALUES (?, ?, ?, 'manager', ?, DATE '2030-01-01', 1)",
                    org, card, category, employee.userId())).satisfies(e -> assertThat(state(e)).isEqualTo("23514"));
        }
    }

    @Test
    void employeesAndViewersReadTheCatalogButWriteNothing() throws SQLException {
        for (TestPerson person : List.of(employee, viewer)) {
            try (Connection c = as(person)) {
                for (String table : List.of("app.tax_rates", "app.units", "app.product_categories", "app.products",
                        "app.service_categories", "app.rate_cards", "app.rate_card_items")) {
                    assertThat(Sql.count(c, "SELECT count(*) FROM " + table)).as(table).isPositive();
                    assertThat(Sql.update(c, "UPDATE " + table + " SET version = version + 1")).as(table).isZero();
                }
                assertThatThrownBy(() -> Sql.update(c, "INSERT INTO app.units (organization_id, code, name) VALUES (?, 'x', 'X')", org))
                        .satisfies(e -> assertThat(state(e)).isEqualTo("42501"));
                assertThatThrownBy(() -> Sql.update(c, "INSERT INTO app.products (organization_id, code, name) VALUES (?, 'X-1', 'X')", org))
                        .satisfies(e -> assertThat(state(e)).isEqualTo("42501"));
            }
        }
    }

    @Test
    void costsAndTheirHistoryAreForManagersAndAbove() throws SQLException {
        List<String> costTables = List.of("app.product_costs", "app.rate_card_item_costs");
        try (Connection c = as(manager)) {
            for (String table : costTables) {
                assertThat(Sql.count(c, "SELECT count(*) FROM " + table)).as(table).isEqualTo(1);
                assertThat(Sql.count(c, "SELECT count(*) FROM audit.audit_log WHERE table_name = ?", table)).as(table).isEqualTo(2);
            }
        }
        for (TestPerson person : List.of(employee, viewer)) {
            try (Connection c = as(person)) {
                for (String table : costTables) {
                    assertThat(Sql.count(c, "SELECT count(*) FROM " + table)).as(table).isZero();
                    assertThat(Sql.count(c, "SELECT count(*) FROM audit.audit_log WHERE table_name = ?", table)).as(table).isZero();
                    assertThat(Sql.update(c, "UPDATE " + table + " SET version = version + 1")).isZero();
                }
                // Their history of the rows they may read is there (the check above is not vacuous).
                assertThat(Sql.count(c, "SELECT count(*) FROM audit.audit_log WHERE table_name = 'app.products'")).isPositive();
                UUID product = id("SELECT id FROM app.products WHERE organization_id = ?");
                assertThatThrownBy(() -> Sql.update(c, "INSERT INTO app.product_costs (organization_id, product_id, cost) VALUES (?, ?, 1)",
                        org, product)).satisfies(e -> assertThat(state(e)).isEqualTo("42501"));
            }
        }
    }
}
