package com.workline.persistence.admin;

import com.workline.persistence.common.Text;
import com.workline.persistence.common.Checks;
import com.workline.persistence.common.ConcurrentEditException;
import com.workline.persistence.common.Problem;
import com.workline.persistence.common.ValidationException;
import com.workline.persistence.common.WorklineException;
import com.workline.persistence.db.Connections;
import com.workline.persistence.db.TenantDatabase;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/** The signed-in person's own profile and password. */
public final class ProfileService {
    private final TenantDatabase db;

    public ProfileService(TenantDatabase db) {
        this.db = db;
    }

    public Profile load() {
        return db.inTenant(session -> me(session).toProfile());
    }

    public Profile save(Profile profile) {
        ValidationException.Collector errors = new ValidationException.Collector();
        errors.check(Checks.present(profile.firstName()), "firstName", Text.of("admin.profile.firstNameRequired"))
                .check(Checks.maxLength(profile.firstName(), 100), "firstName", Text.of("field.text.tooLong", 100))
                .check(Checks.present(profile.lastName()), "lastName", Text.of("admin.profile.lastNameRequired"))
                .check(Checks.maxLength(profile.lastName(), 100), "lastName", Text.of("field.text.tooLong", 100))
                .check(Checks.maxLength(profile.displayName(), 200), "displayName", Text.of("field.text.tooLong", 200))
                .check(Checks.maxLength(profile.phone(), 50), "phone", Text.of("field.text.tooLong", 50))
                .check(profile.locale() == null || profile.locale().isBlank() || Checks.locale(profile.locale()),
                        "locale", Text.of("field.locale.invalid"))
                .throwIfAny();
        return db.inTenant(session -> {
            UserAccount account = me(session);
            if (account.version() != profile.version()) {
                throw new ConcurrentEditException("record.profile");
            }
            account.apply(new Profile(profile.userId(), profile.email(), profile.firstName().strip(),
                    profile.lastName().strip(), Checks.blankToNull(profile.displayName()),
                    Checks.blankToNull(profile.phone()), Checks.blankToNull(profile.locale()), profile.version()));
            session.flush();
            return account.toProfile();
        });
    }

    /** Checks the current password with a fresh sign-in, then stores the new one as a SCRAM verifier. */
    public void changePassword(char[] currentPassword, char[] newPassword) {
        ValidationException.Collector errors = new ValidationException.Collector();
        errors.check(currentPassword != null && currentPassword.length > 0, "currentPassword", Text.of("admin.profile.currentPasswordRequired"));
        Passwords.check(errors, "newPassword", newPassword);
        errors.throwIfAny();
        try (Connection ignored = Connections.dataSource(db.server(), db.login(), currentPassword).getConnection()) {
            // signed in: the current password is right
        } catch (SQLException e) {
            if ("28P01".equals(e.getSQLState())) {
                new ValidationException.Collector()
                        .check(false, "currentPassword", Text.of("admin.profile.currentPasswordWrong")).throwIfAny();
            }
            throw com.workline.persistence.db.DatabaseErrors.connecting(e, db.server());
        }
        String verifier = Passwords.scramVerifier(newPassword);
        db.inTenant(session -> session.createNativeQuery("SELECT sec.change_own_password(:v)::text", String.class)
                .setParameter("v", verifier).getSingleResult());
        db.passwordChanged(newPassword);
    }

    private static UserAccount me(Session session) {
        UUID id = session.createNativeQuery("SELECT sec.current_user_id()", UUID.class).getSingleResult();
        if (id == null) {
            throw new WorklineException(Problem.ACCOUNT_DEACTIVATED, Text.of("admin.profile.accountInactive"));
        }
        return session.find(UserAccount.class, id);
    }
}
