package com.workline.persistence.admin;

import com.workline.persistence.common.Text;
import com.workline.persistence.common.Checks;
import com.workline.persistence.common.ValidationException;
import com.workline.persistence.db.DatabaseErrors;
import com.workline.persistence.db.RoleNames;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Operations of IT and of the first-run set-up, acting as the owner role (connected as a superuser or
 * a login that may SET ROLE to the owner). Not reachable with a person's credentials.
 */
public final class OrganizationProvisioning {
    private final DataSource admin;
    private final RoleNames roles;

    public OrganizationProvisioning(DataSource admin, RoleNames roles) {
        this.admin = admin;
        this.roles = roles;
    }

    public UUID createOrganization(NewOrganization organization) {
        validate(organization);
        return asOwner(c -> insertOrganization(c, organization));
    }

    private static void validate(NewOrganization organization) {
        ValidationException.Collector errors = new ValidationException.Collector();
        errors.check(Checks.present(organization.name()), "name", Text.of("admin.organization.nameRequired"))
                .check(Checks.maxLength(organization.name(), 200), "name", Text.of("field.text.tooLong", 200))
                .check(Checks.currency(organization.baseCurrency()), "baseCurrency", Text.of("field.currency.choose"))
                .check(Checks.optionalCountry(organization.country()), "country", Text.of("field.country.code"))
                .check(organization.timezone() == null || Checks.timezone(organization.timezone()), "timezone",
                        Text.of("field.timezone.invalid"))
                .check(organization.locale() == null || Checks.locale(organization.locale()), "locale",
                        Text.of("field.locale.invalid"))
                .throwIfAny();
    }

    private static UUID insertOrganization(Connection c, NewOrganization organization) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT sec.create_organization(?, ?, ?, ?, ?)")) {
            ps.setString(1, organization.name().strip());
            ps.setString(2, organization.baseCurrency());
            ps.setString(3, Checks.blankToNull(organization.country()));
            ps.setString(4, organization.timezone());
            ps.setString(5, organization.locale());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1, UUID.class);
            }
        }
    }

    /** Creates an organization and its first owner in one transaction (first-run set-up). */
    public UUID createOrganizationWithOwner(NewOrganization organization, NewPerson owner) {
        java.util.Map<String, Text> errors = new java.util.LinkedHashMap<>();
        try {
            validate(organization);
        } catch (ValidationException e) {
            errors.putAll(e.fieldTexts());
        }
        String verifier = null;
        try {
            verifier = validate(owner);
        } catch (ValidationException e) {
            e.fieldTexts().forEach(errors::putIfAbsent);
        }
        if (!errors.isEmpty()) {
            throw ValidationException.of(errors);
        }
        String ownerVerifier = verifier;
        return asOwner(c -> {
            UUID org = insertOrganization(c, organization);
            insertMember(c, org, owner, ownerVerifier);
            return org;
        });
    }

    /** Sets a person's password as the owner role (demo set-up and IT recovery; no membership rules apply). */
    public void setPassword(String email, char[] password) {
        ValidationException.Collector errors = new ValidationException.Collector();
        Passwords.check(errors, "password", password);
        errors.throwIfAny();
        String verifier = Passwords.scramVerifier(password);
        asOwner(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT login FROM sec.users WHERE lower(email) = lower(?)")) {
                ps.setString(1, email.strip());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new com.workline.persistence.common.WorklineException(
                                com.workline.persistence.common.Problem.NOT_FOUND, Text.of("admin.provisioning.noAccount", email));
                    }
                    try (Statement s = c.createStatement()) {
                        s.execute("ALTER ROLE \"" + rs.getString(1) + "\" PASSWORD '" + verifier + "'");
                    }
                }
            }
            return null;
        });
    }

    /** Adds a person to an organization (creating their login if the email is new); returns the user id. */
    public UUID addPerson(UUID organizationId, NewPerson person) {
        String verifier = validate(person);
        return asOwner(c -> insertMember(c, organizationId, person, verifier));
    }

    /** Validates a new person; returns the SCRAM verifier of their password, or null without one. */
    private static String validate(NewPerson person) {
        ValidationException.Collector errors = new ValidationException.Collector();
        errors.check(Checks.email(person.email()), "email", Text.of("field.email.required"))
                .check(Checks.present(person.firstName()), "firstName", Text.of("field.firstName.required"))
                .check(Checks.present(person.lastName()), "lastName", Text.of("field.lastName.required"))
                .check(person.role() != null, "role", Text.of("field.role.required"));
        if (NewPerson.hasPassword(person)) {
            Passwords.check(errors, "password", person.initialPassword());
        }
        errors.throwIfAny();
        // No password: fine for someone who already has an account; the server refuses it for a new one.
        return NewPerson.hasPassword(person) ? Passwords.scramVerifier(person.initialPassword()) : null;
    }

    private static UUID insertMember(Connection c, UUID organizationId, NewPerson person, String verifier) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT sec.add_member(?, ?, ?, ?, ?, ?, NULL)")) {
            ps.setObject(1, organizationId);
            ps.setString(2, person.email().strip());
            ps.setString(3, person.firstName().strip());
            ps.setString(4, person.lastName().strip());
            ps.setString(5, person.role().databaseValue());
            ps.setString(6, verifier);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1, UUID.class);
            }
        }
    }

    /**
     * The organizations an existing account belongs to (any membership, active or not), by e-mail; empty when
     * the e-mail has no account. IT reads this before attaching an account to a further organization.
     */
    public List<String> accountOrganizations(String email) {
        return asOwner(c -> {
            List<String> names = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT coalesce(o.name, '(no organization)') || CASE WHEN m.active THEN '' ELSE ' (deactivated)' END
                      FROM sec.users u LEFT JOIN sec.memberships m ON m.user_id = u.id
                      LEFT JOIN app.organizations o ON o.id = m.organization_id
                     WHERE lower(u.email) = lower(?) ORDER BY 1""")) {
                ps.setString(1, email.strip());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        names.add(rs.getString(1));
                    }
                }
            }
            return names;
        });
    }

    public List<OrganizationSummary> listOrganizations() {
        return asOwner(c -> {
            List<OrganizationSummary> result = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                    SELECT o.id, o.name, o.base_currency, o.created_at,
                           (SELECT count(*) FROM sec.memberships m WHERE m.organization_id = o.id AND m.active)
                      FROM app.organizations o ORDER BY lower(o.name), o.id""")) {
                while (rs.next()) {
                    result.add(new OrganizationSummary(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getInt(5), rs.getObject(4, java.time.OffsetDateTime.class)));
                }
            }
            return result;
        });
    }

    /** Finds an organization by id or by exact name (case-insensitive). */
    public Optional<UUID> findOrganization(String idOrName) {
        return listOrganizations().stream()
                .filter(o -> o.id().toString().equalsIgnoreCase(idOrName) || o.name().equalsIgnoreCase(idOrName.strip()))
                .map(OrganizationSummary::id)
                .findFirst();
    }

    private interface OwnerWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T asOwner(OwnerWork<T> work) {
        try (Connection c = admin.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (Statement s = c.createStatement()) {
                    s.execute("SET LOCAL ROLE \"" + roles.owner() + "\"");
                }
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw DatabaseErrors.translate(e);
        }
    }
}
