package com.workline.ui.approval;

import com.workline.persistence.projects.Project;
import com.workline.persistence.projects.ProjectStatus;
import com.workline.persistence.projects.Projects;
import com.workline.persistence.projects.TimeEntryInput;
import com.workline.persistence.session.Role;
import com.workline.persistence.session.TenantSession;
import com.workline.persistence.testing.Sql;
import com.workline.persistence.testing.TestDatabase;
import com.workline.persistence.testing.TestPerson;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An organization for the time office's view-model tests: an owner, a manager and two employees (each signed in), a
 * customer, a service category with a rate and a cost rate on the default card, and two active projects.
 */
public final class TimeOffice implements AutoCloseable {
    public final TestDatabase db = TestDatabase.get();
    public final UUID org;
    public final TestPerson ownerPerson;
    public final TestPerson managerPerson;
    public final TestPerson employeePerson;
    public final TestPerson colleaguePerson;
    public final TenantSession owner;
    public final TenantSession manager;
    public final TenantSession employee;
    public final TenantSession colleague;
    public final UUID customer;
    public final UUID consulting;
    public final UUID project;
    public final UUID otherProject;
    private final List<TenantSession> sessions = new ArrayList<>();

    public TimeOffice(String name) {
        org = db.newOrganization(name);
        ownerPerson = db.newPerson(org, Role.OWNER);
        managerPerson = db.newPerson(org, Role.MANAGER);
        employeePerson = db.newPerson(org, Role.EMPLOYEE);
        colleaguePerson = db.newPerson(org, Role.EMPLOYEE);
        owner = signIn(ownerPerson);
        manager = signIn(managerPerson);
        employee = signIn(employeePerson);
        colleague = signIn(colleaguePerson);
        customer = (UUID) asOwnerRole("INSERT INTO app.customers (organization_id, name) VALUES (?, 'Harbor Tools') RETURNING id", org);
        consulting = (UUID) asOwnerRole("INSERT INTO app.service_categories (organization_id, name) VALUES (?, 'Consulting') "
                + "RETURNING id", org);
        UUID card = (UUID) asOwnerRole("INSERT INTO app.rate_cards (organization_id, name, is_default) VALUES (?, 'Standard', true) "
                + "RETURNING id", org);
        UUID item = (UUID) asOwnerRole("INSERT INTO app.rate_card_items (organization_id, rate_card_id, service_category_id, "
                + "valid_from, billing_rate) VALUES (?, ?, ?, DATE '2020-01-01', 90) RETURNING id", org, card, consulting);
        asOwnerRole("INSERT INTO app.rate_card_item_costs (organization_id, rate_card_item_id, cost_rate) VALUES (?, ?, 50) "
                + "RETURNING id", org, item);
        project = Projects.of(manager).projects().create(Project.create("Line retrofit", customer)
                .withStatus(ProjectStatus.ACTIVE)).project().id();
        otherProject = Projects.of(manager).projects().create(Project.create("Internal training", null)
                .withStatus(ProjectStatus.ACTIVE).withDefaultBillable(false)).project().id();
    }

    public TenantSession signIn(TestPerson person) {
        TenantSession session = db.signInTo(person, org);
        sessions.add(session);
        return session;
    }

    /** Books billable consulting time (or, on the other project, internal time) as the session's person. */
    public void book(TenantSession who, String day, int minutes, UUID onProject) {
        Projects.of(who).time().create(TimeEntryInput.of(LocalDate.parse(day), minutes, onProject, null)
                .withServiceCategory(consulting).withDescription("Work on " + day));
    }

    public void submit(TenantSession who, String day) {
        Projects.of(who).approvals().submitWeek(LocalDate.parse(day));
    }

    public Object asOwnerRole(String sql, Object... parameters) {
        try (Connection su = db.superuser().getConnection()) {
            Sql.execute(su, "SET ROLE " + db.roles().owner());
            return Sql.value(su, sql, parameters);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getSQLState() + " " + e.getMessage(), e);
        }
    }

    public long count(String sql, Object... parameters) {
        try {
            return Sql.count(db.superuser(), sql, parameters);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        sessions.forEach(s -> s.person().close());
    }
}
