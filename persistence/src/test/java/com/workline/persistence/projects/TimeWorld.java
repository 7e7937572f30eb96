package com.workline.persistence.projects;

import com.workline.persistence.common.WorklineException;
import com.workline.persistence.common.Problem;
import com.workline.persistence.session.Role;
import com.workline.persistence.session.TenantSession;
import com.workline.persistence.testing.Sql;
import com.workline.persistence.testing.TestDatabase;
import com.workline.persistence.testing.TestPerson;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An organization for the time tests: people of every role (each signed in), two customers, service categories and
 * the default rate card, written as the owner role. Each test class makes its own world.
 */
final class TimeWorld implements AutoCloseable {
    final TestDatabase db = TestDatabase.get();
    final UUID org;
    final TestPerson ownerPerson;
    final TestPerson managerPerson;
    final TestPerson employeePerson;
    final TestPerson colleaguePerson;
    final TestPerson viewerPerson;
    final TenantSession owner;
    final TenantSession manager;
    final TenantSession employee;
    final TenantSession colleague;
    final TenantSession viewer;
    final UUID customer;
    final UUID otherCustomer;
    final UUID consulting;
    final UUID design;
    final UUID defaultCard;
    private final List<TenantSession> sessions = new ArrayList<>();

    TimeWorld(String name) {
        org = db.newOrganization(name);
        ownerPerson = db.newPerson(org, Role.OWNER);
        managerPerson = db.newPerson(org, Role.MANAGER);
        employeePerson = db.newPerson(org, Role.EMPLOYEE);
        colleaguePerson = db.newPerson(org, Role.EMPLOYEE);
        viewerPerson = db.newPerson(org, Role.VIEWER);
        owner = signIn(ownerPerson);
        manager = signIn(managerPerson);
        employee = signIn(employeePerson);
        colleague = signIn(colleaguePerson);
        viewer = signIn(viewerPerson);
        customer = (UUID) asOwnerRole("INSERT INTO app.customers (organization_id, name) VALUES (?, 'Customer with own card') "
                + "RETURNING id", org);
        otherCustomer = (UUID) asOwnerRole("INSERT INTO app.customers (organization_id, name) VALUES (?, 'Plain customer') "
                + "RETURNING id", org);
        consulting = (UUID) asOwnerRole("INSERT INTO app.service_categories (organization_id, name) VALUES (?, 'Consulting') "
                + "RETURNING id", org);
        design = (UUID) asOwnerRole("INSERT INTO app.service_categories (organization_id, name) VALUES (?, 'Design') "
                + "RETURNING id", org);
        defaultCard = (UUID) asOwnerRole("INSERT INTO app.rate_cards (organization_id, name, is_default) "
                + "VALUES (?, 'Standard', true) RETURNING id", org);
    }

    /** A further session of a person (each with its own pool), closed with the world. */
    TenantSession signIn(TestPerson person) {
        TenantSession session = db.signInTo(person, org);
        sessions.add(session);
        return session;
    }

    Projects of(TenantSession session) {
        return Projects.of(session);
    }

    /** Runs a statement as the owner role (bypassing row-level security), returning the first value. */
    Object asOwnerRole(String sql, Object... parameters) {
        try (Connection su = db.superuser().getConnection()) {
            Sql.execute(su, "SET ROLE " + db.roles().owner());
            return Sql.value(su, sql, parameters);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getSQLState() + " " + e.getMessage(), e);
        }
    }

    /** Runs a statement as the superuser (no role checks at all: what the invoicing functions will be able to do). */
    int asSuperuser(String sql, Object... parameters) {
        try (Connection su = db.superuser().getConnection()) {
            return Sql.update(su, sql, parameters);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getSQLState() + " " + e.getMessage(), e);
        }
    }

    Object superValue(String sql, Object... parameters) {
        try (Connection su = db.superuser().getConnection()) {
            return Sql.value(su, sql, parameters);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getSQLState() + " " + e.getMessage(), e);
        }
    }

    /** A rate card item (everyone, a role or a person), with an optional cost rate. */
    UUID rate(UUID card, UUID category, String role, UUID person, String from, String until, String billing, String cost) {
        UUID item = (UUID) asOwnerRole("INSERT INTO app.rate_card_items (organization_id, rate_card_id, service_category_id, role, "
                        + "user_id, valid_from, valid_until, billing_rate) VALUES (?, ?, ?, ?, ?, ?::date, ?::date, ?::numeric) RETURNING id",
                org, card, category, role, person, from, until, billing);
        if (cost != null) {
            asOwnerRole("INSERT INTO app.rate_card_item_costs (organization_id, rate_card_item_id, cost_rate) VALUES (?, ?, ?::numeric) "
                    + "RETURNING id", org, item, cost);
        }
        return item;
    }

    UUID customerCard(UUID customerId) {
        return (UUID) asOwnerRole("INSERT INTO app.rate_cards (organization_id, name, customer_id) VALUES (?, ?, ?) RETURNING id",
                org, "Card " + db.unique(), customerId);
    }

    /** An active project made by the manager. */
    ProjectDetails project(String name, UUID customerId) {
        return of(manager).projects().create(Project.create(name + " " + db.unique(), customerId).withStatus(ProjectStatus.ACTIVE));
    }

    /** A plain JDBC connection of a person with the organization selected for the session (a hostile client). */
    Connection plain(TestPerson person) throws SQLException {
        Connection c = db.connectAs(person);
        Sql.selectTenantForSession(c, org);
        return c;
    }

    static Problem problemOf(Throwable e) {
        return ((WorklineException) e).problem();
    }

    static BigDecimal money(String value) {
        return new BigDecimal(value);
    }

    static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    @Override
    public void close() {
        for (TenantSession session : sessions) {
            session.person().close();
        }
    }
}
