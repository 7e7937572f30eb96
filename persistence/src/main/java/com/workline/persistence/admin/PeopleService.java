package com.workline.persistence.admin;

import com.workline.persistence.common.Text;
import com.workline.persistence.session.Role;
import com.workline.persistence.common.Checks;
import com.workline.persistence.common.ValidationException;
import com.workline.persistence.common.Values;
import com.workline.persistence.db.TenantDatabase;

import java.util.List;
import java.util.UUID;

/**
 * The people of the current organization. Every change is a SECURITY DEFINER function that checks the
 * caller's role itself, so these methods are safe even if a client skipped the UI's checks.
 */
public final class PeopleService {
    private final TenantDatabase db;

    public PeopleService(TenantDatabase db) {
        this.db = db;
    }

    public List<Member> list() {
        return db.inTenant(session -> session.createNativeQuery("""
                        SELECT user_id, email, first_name, last_name, display_name, role, active, last_sign_in_at
                          FROM sec.organization_members
                         WHERE organization_id = sec.current_tenant()
                         ORDER BY lower(last_name), lower(first_name), user_id""", Object[].class)
                .getResultList().stream()
                .map(row -> new Member((UUID) row[0], (String) row[1], (String) row[2], (String) row[3],
                        (String) row[4], Role.fromDatabase((String) row[5]), (Boolean) row[6],
                        Values.toOffsetDateTime(row[7])))
                .toList());
    }

    /** Adds a person; returns their user id. An existing account (same email) is added as it is. */
    public UUID add(NewPerson person) {
        ValidationException.Collector errors = new ValidationException.Collector();
        errors.check(Checks.email(person.email()), "email", Text.of("field.email.required"))
                .check(Checks.present(person.firstName()), "firstName", Text.of("field.firstName.required"))
                .check(Checks.maxLength(person.firstName(), 100), "firstName", Text.of("field.text.tooLong", 100))
                .check(Checks.present(person.lastName()), "lastName", Text.of("field.lastName.required"))
                .check(Checks.maxLength(person.lastName(), 100), "lastName", Text.of("field.text.tooLong", 100))
                .check(person.role() != null, "role", Text.of("field.role.required"));
        if (NewPerson.hasPassword(person)) {
            Passwords.check(errors, "initialPassword", person.initialPassword());
        }
        errors.throwIfAny();
        // No password: fine for someone who already has an account; the server refuses it for a new one.
        String verifier = NewPerson.hasPassword(person) ? Passwords.scramVerifier(person.initialPassword()) : null;
        return db.inTenant(session -> session.createNativeQuery(
                        "SELECT sec.create_user(:email, :first, :last, :role, :verifier)", UUID.class)
                .setParameter("email", person.email().strip())
                .setParameter("first", person.firstName().strip())
                .setParameter("last", person.lastName().strip())
                .setParameter("role", person.role().databaseValue())
                .setParameter("verifier", verifier)
                .getSingleResult());
    }

    public void changeRole(UUID userId, Role role) {
        call("SELECT sec.set_member_role(:user, :arg)::text", userId, role.databaseValue());
    }

    public void deactivate(UUID userId) {
        call("SELECT sec.set_member_active(:user, :arg)::text", userId, false);
    }

    public void reactivate(UUID userId) {
        call("SELECT sec.set_member_active(:user, :arg)::text", userId, true);
    }

    public void resetPassword(UUID userId, char[] newPassword) {
        ValidationException.Collector errors = new ValidationException.Collector();
        Passwords.check(errors, "newPassword", newPassword);
        errors.throwIfAny();
        call("SELECT sec.reset_password(:user, :arg)::text", userId, Passwords.scramVerifier(newPassword));
    }

    private void call(String sql, UUID userId, Object argument) {
        db.inTenant(session -> session.createNativeQuery(sql, String.class)
                .setParameter("user", userId)
                .setParameter("arg", argument)
                .getSingleResult());
    }
}
