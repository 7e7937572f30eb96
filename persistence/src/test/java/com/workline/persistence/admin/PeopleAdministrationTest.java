package com.workline.persistence.admin;

import com.workline.persistence.session.Role;
import com.workline.persistence.common.Problem;
import com.workline.persistence.common.ValidationException;
import com.workline.persistence.common.WorklineException;
import com.workline.persistence.testing.Sql;
import com.workline.persistence.testing.TestDatabase;
import com.workline.persistence.testing.TestPerson;
import com.workline.persistence.tenancy.SignInService;
import com.workline.persistence.session.TenantSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class PeopleAdministrationTest {
    private final TestDatabase db = TestDatabase.get();
    private UUID org;
    private TestPerson owner;
    private TestPerson admin;
    private TenantSession ownerSession;
    private TenantSession adminSession;

    @BeforeEach
    void organizationWithOwnerAndAdmin() {
        org = db.newOrganization("People");
        owner = db.newPerson(org, Role.OWNER);
        admin = db.newPerson(org, Role.ADMIN);
        ownerSession = db.signInTo(owner, org);
        adminSession = db.signInTo(admin, org);
    }

    @AfterEach
    void signOut() {
        ownerSession.person().close();
        adminSession.person().close();
    }

    private static Problem problemOf(Throwable e) {
        return ((WorklineException) e).problem();
    }

    private NewPerson newPerson(Role role) {
        return new NewPerson("new." + db.unique() + "@example.test", "Nora", "Newman", role, "initial-pass".toCharArray());
    }

    private boolean canLogIn(UUID userId) throws Exception {
        return (Boolean) Sql.value(db.superuser(),
                "SELECT r.rolcanlogin FROM pg_roles r JOIN sec.users u ON u.login = r.rolname WHERE u.id = ?", userId);
    }

    @Test
    void adminAddsAnEmployeeWhoCanSignIn() throws Exception {
        NewPerson nora = newPerson(Role.EMPLOYEE);
        UUID id = Administration.of(adminSession).people().add(nora);
        assertThat(Administration.of(adminSession).people().list()).extracting(Member::userId, Member::role, Member::active)
                .contains(tuple(id, Role.EMPLOYEE, true));
        try (var signedIn = new SignInService(db.roles(), 1).signIn(db.server(), nora.email(), "initial-pass".toCharArray())) {
            assertThat(signedIn.organizations()).extracting(o -> o.role()).containsExactly(Role.EMPLOYEE);
        }
        // The password reached the server only as a SCRAM verifier.
        assertThat((String) Sql.value(db.superuser(), "SELECT rolpassword FROM pg_authid a JOIN sec.users u ON u.login = a.rolname WHERE u.id = ?", id))
                .startsWith("SCRAM-SHA-256$");
    }

    @Test
    void anAdminCannotAttachAnAccountOfAnotherOrganizationButItCan() throws Exception {
        UUID otherOrg = db.newOrganization("Other");
        TestPerson elsewhere = db.newPerson(otherOrg, Role.EMPLOYEE);
        assertThatThrownBy(() -> Administration.of(adminSession).people().add(new NewPerson(elsewhere.email(), "Ignored", "Names", Role.VIEWER, null)))
                .satisfies(e -> assertThat(problemOf(e)).isEqualTo(Problem.ALREADY_EXISTS))
                .hasMessageContaining("IT department");
        // IT attaches the existing account (workline admin create-user --attach-existing): the password stays.
        db.provisioning().addPerson(org, new NewPerson(elsewhere.email(), "Ignored", "Names", Role.VIEWER, null));
        try (var signedIn = db.signIn(elsewhere)) {
            assertThat(signedIn.organizations()).extracting(o -> o.id()).containsExactlyInAnyOrder(org, otherOrg);
        }
        assertThatThrownBy(() -> Administration.of(adminSession).people().add(new NewPerson(elsewhere.email(), "A", "B", Role.VIEWER, null)))
                .satisfies(e -> assertThat(problemOf(e)).isEqualTo(Problem.ALREADY_EXISTS))
                .hasMessageContaining("already a member");
    }

    @Test
    void aNewPersonNeedsAPasswordAndValidFields() {
        assertThatThrownBy(() -> Administration.of(adminSession).people().add(new NewPerson("fresh." + db.unique() + "@example.test", "F", "G",
                Role.EMPLOYEE, null)))
                .satisfies(e -> assertThat(problemOf(e)).isEqualTo(Problem.INVALID_INPUT))
                .hasMessageContaining("initial password");
        assertThatThrownBy(() -> Administration.of(adminSession).people().add(new NewPerson("not-an-email", "", "G", null, "short".toCharArray())))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).fieldErrors())
                        .containsOnlyKeys("email", "firstName", "role", "initialPassword"));
    }

    @Test
    void onlyOwnersMakeOwners() {
        assertThatThrownBy(() -> Administration.of(adminSession).people().add(newPerson(Role.OWNER)))
                .satisfies(e -> assertThat(problemOf(e)).isEqualTo(Problem.NOT_ALLOWED));
        assertThatThrownBy(() -> Administration.of(adminSession).people().changeRole(admin.userId(), Role.OWNER))
                .satisfies(e -> assertThat(problemOf(e)).isEqualTo(Problem.NOT_ALLOWED));
        assertThatThrownBy(() -> Administration.of(adminSession).people().changeRole(owner.userId(), Role.VIEWER))
                .satisfies(e -> assertThat(problemOf(e)).isEqualTo(Problem.NOT_ALLOWED));
        UUID second = Administration.of(ownerSession).people().add(newPerson(Role.OWNER));
        assertThat(Administration.of(ownerSession).people().list()).filteredOn(m -> m.role() == Role.OWNER).extracting(Member::userId)
                .containsExactlyInAnyOrder(owner.userId(), second);
    }

    @Test
    void employeesAndManagersCannotManagePeople() {
        TenantSession manager = db.signInTo(db.newPerson(org, Role.MANAGER), org);
        try {
            assertThat(Administration.of(manager).people().list()).hasSize(3);
            assertThatThrownBy(() -> Administration.of(manager).people().add(newPerson(Role.VIEWER)))
                    .satisfies(e -> assertThat(problemOf(e)).isEqualTo(Problem.NOT_ALLOWED));
            assertThatThrownBy(() -> Administration.of(manager).people().deactivate(admin.userId()))
                    .satisfies(e -> assertThat(problemOf(e)).isEqualTo(Problem.NOT_ALLOWED));
        } finally {
            manager.person().close();
        }
    }

    @Test
    void theLastOwnerStays() {
        assertThatThrownBy(() -> Administration.of(ownerSession).people().changeRole(owner.userId(), Role.ADMIN))
                .satisfies(e -> assertThat(problemOf(e)).isEqualTo(Problem.LAST_OWNER));
        assertThatThrownBy(() -> Administration.of(ownerSession).people().deactivate(owner.userId()))
                .satisfies(e -> assertThat(problemOf(e)).isEqualTo(Problem.NOT_ALLOWED))
                .hasMessageContaining("your own account");
    }

    @Test
    void deactivationDisablesTheLoginAndReactivationRestoresIt() throws Exception {
        UUID id = Administration.of(adminSession).people().add(newPerson(Role.EMPLOYEE));
        assertThat(canLogIn(id)).isTrue();
        Administration.of(adminSession).people().deactivate(id);
        assertThat(canLogIn(id)).isFalse();
        assertThat(Administration.of(adminSession).people().list()).filteredOn(m -> m.userId().equals(id)).extracting(Member::active).containsExactly(false);
        Administration.of(adminSession).people().reactivate(id);
        assertThat(canLogIn(id)).isTrue();
    }

    @Test
    void deactivationKeepsTheLoginWhileAnotherOrganizationNeedsIt() throws Exception {
        UUID otherOrg = db.newOrganization("Still employed");
        TestPerson shared = db.newPerson(otherOrg, Role.EMPLOYEE);
        db.provisioning().addPerson(org, new NewPerson(shared.email(), "S", "P", Role.EMPLOYEE, null));
        Administration.of(adminSession).people().deactivate(shared.userId());
        assertThat(canLogIn(shared.userId())).isTrue();
        try (var signedIn = db.signIn(shared)) {
            assertThat(signedIn.organizations()).extracting(o -> o.id()).containsExactly(otherOrg);
        }
    }

    @Test
    void resettingAPasswordLetsThePersonSignInWithTheNewOne() {
        NewPerson nora = newPerson(Role.EMPLOYEE);
        UUID id = Administration.of(adminSession).people().add(nora);
        Administration.of(adminSession).people().resetPassword(id, "brand-new-secret".toCharArray());
        SignInService signIn = new SignInService(db.roles(), 1);
        assertThatThrownBy(() -> signIn.signIn(db.server(), nora.email(), "initial-pass".toCharArray()))
                .satisfies(e -> assertThat(problemOf(e)).isEqualTo(Problem.WRONG_CREDENTIALS));
        signIn.signIn(db.server(), nora.email(), "brand-new-secret".toCharArray()).close();
    }

    @Test
    void anAdminCannotResetThePasswordOfSomeoneWhoAlsoWorksElsewhere() {
        UUID otherOrg = db.newOrganization("Elsewhere");
        TestPerson shared = db.newPerson(otherOrg, Role.OWNER);
        db.provisioning().addPerson(org, new NewPerson(shared.email(), "S", "P", Role.EMPLOYEE, null));
        assertThatThrownBy(() -> Administration.of(adminSession).people().resetPassword(shared.userId(), "taken-over!!".toCharArray()))
                .satisfies(e -> assertThat(problemOf(e)).isEqualTo(Problem.NOT_ALLOWED))
                .hasMessageContaining("another organization");
        db.signIn(shared).close();
    }

    @Test
    void everyPeopleChangeIsAudited() throws Exception {
        UUID id = Administration.of(adminSession).people().add(newPerson(Role.EMPLOYEE));
        Administration.of(adminSession).people().changeRole(id, Role.MANAGER);
        assertThat(Sql.rows(db.superuser(), """
                SELECT action, old_data->>'role', new_data->>'role', db_user, app_user_id FROM audit.audit_log
                 WHERE organization_id = ? AND table_name = 'sec.memberships' AND row_id IS NOT NULL
                   AND new_data->>'user_id' = ? ORDER BY id""", org, id.toString()))
                .extracting(r -> r.get(0) + " " + r.get(1) + "->" + r.get(2) + " by " + r.get(3) + "/" + r.get(4))
                .containsExactly("INSERT null->employee by " + admin.login() + "/" + admin.userId(),
                        "UPDATE employee->manager by " + admin.login() + "/" + admin.userId());
    }

    @Test
    void auditLogIsInsertOnlyEvenForTheOwnerRole() throws Exception {
        try (var c = db.superuser().getConnection()) {
            Sql.execute(c, "SET ROLE " + db.roles().owner());
            assertThatThrownBy(() -> Sql.update(c, "DELETE FROM audit.audit_log WHERE organization_id = ?", org))
                    .hasMessageContaining("insert-only");
            assertThatThrownBy(() -> Sql.update(c, "UPDATE audit.audit_log SET db_user = 'x' WHERE organization_id = ?", org))
                    .hasMessageContaining("insert-only");
        }
    }

    @Test
    void profileIsEditableByItsOwnerOnlyAndPasswordChangeNeedsTheCurrentOne() {
        Profile mine = Administration.of(adminSession).profile().load();
        assertThat(mine.email()).isEqualTo(admin.email());
        Profile saved = Administration.of(adminSession).profile().save(new Profile(mine.userId(), mine.email(), "Ada", "Lovelace",
                "Ada L.", "+44 1", "en-GB", mine.version()));
        assertThat(saved.displayName()).isEqualTo("Ada L.");
        assertThatThrownBy(() -> Administration.of(adminSession).profile().save(mine))
                .satisfies(e -> assertThat(problemOf(e)).isEqualTo(Problem.CONFLICT));
        assertThat(Administration.of(ownerSession).people().list()).filteredOn(m -> m.userId().equals(admin.userId()))
                .extracting(Member::firstName).containsExactly("Ada");

        assertThatThrownBy(() -> Administration.of(adminSession).profile().changePassword("not-my-password".toCharArray(), "another-secret".toCharArray()))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).fieldErrors()).containsKey("currentPassword"));
        Administration.of(adminSession).profile().changePassword(TestDatabase.PASSWORD.toCharArray(), "another-secret".toCharArray());
        new SignInService(db.roles(), 1).signIn(db.server(), admin.email(), "another-secret".toCharArray()).close();
        // The pool of the running session keeps working with the new password.
        assertThat(Administration.of(adminSession).people().list()).isNotEmpty();
    }

    @Test
    void viewersReadButDoNotWrite() throws Exception {
        TestPerson viewer = db.newPerson(org, Role.VIEWER);
        TenantSession session = db.signInTo(viewer, org);
        try {
            assertThat(Administration.of(session).organizationSettings().load().id()).isEqualTo(org);
            try (var c = db.connectAs(viewer)) {
                Sql.selectTenantForSession(c, org);
                assertThat(Sql.update(c, "UPDATE app.organizations SET name = 'viewer was here' WHERE id = ?", org)).isZero();
            }
        } finally {
            session.person().close();
        }
    }
}
