package com.workline.persistence.session;

import com.workline.persistence.common.Text;
import com.workline.persistence.common.Problem;
import com.workline.persistence.common.WorklineException;
import com.workline.persistence.db.PersonDatabase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A person who has signed in and may now choose (or switch) the organization they work in. */
public final class SignedInPerson implements AutoCloseable {
    private final PersonDatabase db;
    private final String email;
    private final UUID userId;
    private volatile List<OrganizationChoice> organizations;

    /** Made by the sign-in (tenancy.SignInService) once the password and the schema version have been checked. */
    public SignedInPerson(PersonDatabase db, String email, UUID userId, List<OrganizationChoice> organizations) {
        this.db = db;
        this.email = email;
        this.userId = userId;
        this.organizations = List.copyOf(organizations);
    }

    public String email() {
        return email;
    }

    public UUID userId() {
        return userId;
    }

    public List<OrganizationChoice> organizations() {
        return organizations;
    }

    /** Reads the organization list again (memberships may have changed since sign-in). */
    public List<OrganizationChoice> refreshOrganizations() {
        organizations = List.copyOf(db.withoutTenant(session -> session.doReturningWork(SignedInPerson::listOrganizations)));
        return organizations;
    }

    /** Works in {@code organizationId} from now on; the database checks the membership on every statement. */
    public TenantSession choose(UUID organizationId) {
        OrganizationChoice choice = organizations.stream().filter(o -> o.id().equals(organizationId)).findFirst()
                .orElseThrow(() -> new WorklineException(Problem.NO_MEMBERSHIP,
                        Text.of("session.notMember")));
        return new TenantSession(db.forOrganization(choice.id()), this, choice);
    }

    /** The PostgreSQL server's version (for Help › About). */
    public String serverVersion() {
        return db.withoutTenant(session -> session.createNativeQuery("SHOW server_version", String.class).getSingleResult());
    }

    /** The person's PostgreSQL login (preferences are kept per login). */
    public String login() {
        return db.login();
    }

    /** How the status bar names the server: host, port and database. */
    public String serverDisplay() {
        return db.server().display();
    }

    public PersonDatabase database() {
        return db;
    }

    @Override
    public void close() {
        db.close();
    }

    /** The organizations the connected login is an active member of, with its role in each. */
    public static List<OrganizationChoice> listOrganizations(Connection c) throws SQLException {
        List<OrganizationChoice> result = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT organization_id, organization_name, role FROM sec.my_organizations()")) {
            while (rs.next()) {
                result.add(new OrganizationChoice(rs.getObject(1, UUID.class), rs.getString(2),
                        Role.fromDatabase(rs.getString(3))));
            }
        }
        return result;
    }
}
