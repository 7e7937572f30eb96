package com.workline.persistence.tenancy;

import com.workline.persistence.admin.Administration;
import com.workline.persistence.session.OrganizationChoice;
import com.workline.persistence.session.SignedInPerson;
import com.workline.persistence.session.TenantSession;
import com.workline.persistence.admin.NewPerson;
import com.workline.persistence.session.Role;
import com.workline.persistence.common.Problem;
import com.workline.persistence.common.WorklineException;
import com.workline.persistence.db.SchemaVersion;
import com.workline.persistence.db.ServerAddress;
import com.workline.persistence.testing.Sql;
import com.workline.persistence.testing.TestDatabase;
import com.workline.persistence.testing.TestPerson;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.sql.Connection;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sign-in and its errors, each in words a user understands. */
class SignInTest {
    private final TestDatabase db = TestDatabase.get();
    private final SignInService signIn = new SignInService(db.roles(), 2);

    private static Problem problemOf(Throwable e) {
        return ((WorklineException) e).problem();
    }

    @Test
    void signsInListsOrganizationsAndChoosesOne() throws Exception {
        UUID org1 = db.newOrganization("Zeta");
        UUID org2 = db.newOrganization("Alpha");
        TestPerson person = db.newPerson(org1, Role.MANAGER);
        db.provisioning().addPerson(org2, new NewPerson(person.email(), "x", "y", Role.VIEWER, null));
        try (SignedInPerson signedIn = signIn.signIn(db.server(), "  " + person.email().toUpperCase() + " ",
                TestDatabase.PASSWORD.toCharArray())) {
            assertThat(signedIn.organizations()).extracting(OrganizationChoice::id).containsExactly(org2, org1);
            assertThat(signedIn.organizations()).extracting(OrganizationChoice::role).containsExactly(Role.VIEWER, Role.MANAGER);
            assertThat(signedIn.userId()).isEqualTo(person.userId());
            TenantSession session = signedIn.choose(org1);
            assertThat(Administration.of(session).organizationSettings().load().id()).isEqualTo(org1);
            session = signedIn.choose(org2);
            assertThat(Administration.of(session).organizationSettings().load().id()).as("switching without signing in again").isEqualTo(org2);
        }
        assertThat(Sql.value(db.superuser(), "SELECT last_sign_in_at IS NOT NULL FROM sec.users WHERE id = ?", person.userId()))
                .isEqualTo(true);
    }

    /**
     * The organization is fixed per session object: work prepared (queued) for the first organization runs
     * there even when it executes after the person has chosen another one, and a customer created through the
     * old session's services lands in the old organization.
     */
    @Test
    void workQueuedBeforeSwitchingOrganizationNeverRunsInTheNewOne() throws Exception {
        UUID first = db.newOrganization("Queued first");
        UUID second = db.newOrganization("Queued second");
        TestPerson person = db.newPerson(first, Role.MANAGER);
        db.provisioning().addPerson(second, new NewPerson(person.email(), "x", "y", Role.MANAGER, null));
        try (SignedInPerson signedIn = signIn.signIn(db.server(), person.email(), TestDatabase.PASSWORD.toCharArray())) {
            TenantSession before = signedIn.choose(first);
            var queuedCustomers = com.workline.persistence.crm.Crm.of(before).customers(); // a screen's view model holds this
            java.util.function.Supplier<UUID> queuedSettings = () -> Administration.of(before).organizationSettings().load().id();

            TenantSession after = signedIn.choose(second); // the person switches before the queued work runs

            assertThat(queuedSettings.get()).isEqualTo(first);
            var created = queuedCustomers.create(com.workline.persistence.crm.CustomerDetails.newCustomer("Made before the switch",
                    com.workline.persistence.crm.CustomerType.COMPANY, com.workline.persistence.crm.CustomerStatus.LEAD));
            assertThat(Sql.value(db.superuser(), "SELECT organization_id FROM app.customers WHERE id = ?", created.id()))
                    .isEqualTo(first);
            assertThat(Administration.of(after).organizationSettings().load().id()).isEqualTo(second);
            assertThat(com.workline.persistence.crm.Crm.of(after).customers()
                    .count(com.workline.persistence.crm.CustomerQuery.all()).value()).isZero();
        }
    }

    @Test
    void wrongPassword() {
        TestPerson person = db.newPerson(db.newOrganization("Wrong password"), Role.EMPLOYEE);
        assertThatThrownBy(() -> signIn.signIn(db.server(), person.email(), "wrong password".toCharArray()))
                .satisfies(e -> assertThat(problemOf(e)).isEqualTo(Problem.WRONG_CREDENTIALS))
                .hasMessage("The email or password is not correct.");
    }

    @Test
    void unknownEmailLooksLikeAWrongPassword() {
        assertThatThrownBy(() -> signIn.signIn(db.server(), "nobody." + db.unique() + "@example.test", "whatever1".toCharArray()))
                .satisfies(e -> assertThat(problemOf(e)).isEqualTo(Problem.WRONG_CREDENTIALS));
    }

    @Test
    void unreachableServer() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertThatThrownBy(() -> signIn.signIn(ServerAddress.of("127.0.0.1", closedPort, "workline"), "a@b.test",
                "password1".toCharArray()))
                .satisfies(e -> assertThat(problemOf(e)).isEqualTo(Problem.SERVER_UNREACHABLE))
                .hasMessageContaining("Cannot reach the Workline server at 127.0.0.1:" + closedPort);
    }

    @Test
    void deactivatedAccount() {
        UUID org = db.newOrganization("Deactivated");
        TestPerson admin = db.newPerson(org, Role.ADMIN);
        TestPerson employee = db.newPerson(org, Role.EMPLOYEE);
        TenantSession adminSession = db.signInTo(admin, org);
        try {
            Administration.of(adminSession).people().deactivate(employee.userId());
        } finally {
            adminSession.person().close();
        }
        assertThatThrownBy(() -> signIn.signIn(db.server(), employee.email(), TestDatabase.PASSWORD.toCharArray()))
                .satisfies(e -> assertThat(problemOf(e)).isEqualTo(Problem.ACCOUNT_DEACTIVATED))
                .hasMessageContaining("deactivated");
        // A wrong password still says only that: deactivation is not revealed to someone guessing.
        assertThatThrownBy(() -> signIn.signIn(db.server(), employee.email(), "guessing!".toCharArray()))
                .satisfies(e -> assertThat(problemOf(e)).isEqualTo(Problem.WRONG_CREDENTIALS));
    }

    @Test
    void noMembership() throws Exception {
        UUID org = db.newOrganization("Membership gone");
        TestPerson person = db.newPerson(org, Role.EMPLOYEE);
        try (Connection su = db.superuser().getConnection()) {
            // A membership removed behind the login's back (e.g. by IT): the login itself still works.
            Sql.update(su, "DELETE FROM sec.memberships WHERE user_id = ?", person.userId());
        }
        assertThatThrownBy(() -> signIn.signIn(db.server(), person.email(), TestDatabase.PASSWORD.toCharArray()))
                .satisfies(e -> assertThat(problemOf(e)).isEqualTo(Problem.NO_MEMBERSHIP))
                .hasMessageContaining("not an active member of any organization");
    }

    @Test
    void clientOlderAndNewerThanServer() throws Exception {
        try (Connection su = db.superuser().getConnection()) {
            su.setAutoCommit(false);
            // Pretend the server is one migration ahead, then one behind, inside a transaction we roll back.
            Sql.update(su, "UPDATE flyway.flyway_schema_history SET version = ? WHERE version = ?",
                    String.valueOf(SchemaVersion.EXPECTED + 1), String.valueOf(SchemaVersion.EXPECTED));
            assertThatThrownBy(() -> SignInService.checkSchemaVersion(su, db.server()))
                    .satisfies(e -> assertThat(problemOf(e)).isEqualTo(Problem.CLIENT_OLDER_THAN_SERVER))
                    .hasMessageContaining("older than the server");
            Sql.update(su, "UPDATE flyway.flyway_schema_history SET success = false WHERE version = ?",
                    String.valueOf(SchemaVersion.EXPECTED + 1));
            assertThatThrownBy(() -> SignInService.checkSchemaVersion(su, db.server()))
                    .satisfies(e -> assertThat(problemOf(e)).isEqualTo(Problem.SERVER_OLDER_THAN_CLIENT))
                    .hasMessageContaining("workline admin migrate");
            su.rollback();
        }
    }

    @Test
    void databaseThatIsNotWorkline() {
        TestPerson person = db.newPerson(db.newOrganization("Not workline"), Role.EMPLOYEE);
        assertThatThrownBy(() -> signIn.signIn(db.server().withDatabase("postgres"), person.email(),
                TestDatabase.PASSWORD.toCharArray()))
                .satisfies(e -> assertThat(problemOf(e)).isEqualTo(Problem.SERVER_NOT_INITIALISED));
        assertThatThrownBy(() -> signIn.signIn(db.server().withDatabase("no_such_db"), person.email(),
                TestDatabase.PASSWORD.toCharArray()))
                .satisfies(e -> assertThat(problemOf(e)).isEqualTo(Problem.SERVER_NOT_INITIALISED))
                .hasMessageContaining("does not exist");
    }
}
