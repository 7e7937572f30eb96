package com.workline.ui.shell;

import com.workline.persistence.admin.NewPerson;
import com.workline.persistence.session.Role;
import com.workline.persistence.session.OrganizationChoice;
import com.workline.persistence.session.TenantSession;
import com.workline.persistence.testing.TestDatabase;
import com.workline.persistence.testing.TestPerson;
import com.workline.ui.common.Theme;
import com.workline.ui.common.UserPreferences;
import com.workline.ui.task.BackgroundTasks;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ShellViewModelTest {
    private final TestDatabase db = TestDatabase.get();
    private final List<String> navigation = new ArrayList<>();
    private final ShellViewModel.Navigator navigator = new ShellViewModel.Navigator() {
        @Override
        public void signOut() {
            navigation.add("sign out");
        }

        @Override
        public void switchOrganization(OrganizationChoice organization) {
            navigation.add("switch to " + organization.id());
        }
    };

    @Test
    void adminsSeeAdministrationOthersDoNot() {
        UUID org = db.newOrganization("Shell");
        TenantSession admin = db.signInTo(db.newPerson(org, Role.ADMIN), org);
        TenantSession employee = db.signInTo(db.newPerson(org, Role.EMPLOYEE), org);
        try {
            assertThat(new ShellViewModel(admin, BackgroundTasks.direct(), UserPreferences.inMemory(), navigator, null).sections())
                    .containsExactly(Section.HOME, Section.CUSTOMERS, Section.PIPELINE, Section.ORGANIZATION, Section.PEOPLE,
                            Section.PIPELINES, Section.CUSTOM_FIELDS,
                            Section.PROFILE);
            assertThat(new ShellViewModel(employee, BackgroundTasks.direct(), UserPreferences.inMemory(), navigator, null).sections())
                    .containsExactly(Section.HOME, Section.CUSTOMERS, Section.PIPELINE, Section.PROFILE);
        } finally {
            admin.person().close();
            employee.person().close();
        }
    }

    @Test
    void themeIsRememberedPerPersonAndStatusAndSwitchingWork() {
        UUID org = db.newOrganization("Shell theme");
        UUID other = db.newOrganization("Shell other");
        TestPerson manager = db.newPerson(org, Role.MANAGER);
        db.provisioning().addPerson(other, new NewPerson(manager.email(), "M", "N", Role.VIEWER, null));
        UserPreferences preferences = UserPreferences.inMemory();
        TenantSession session = db.signInTo(manager, org);
        try {
            ShellViewModel vm = new ShellViewModel(session, BackgroundTasks.direct(), preferences, navigator, null);
            assertThat(vm.themeProperty().get()).isEqualTo(Theme.LIGHT);
            vm.toggleTheme();
            assertThat(new ShellViewModel(session, BackgroundTasks.direct(), preferences, navigator, null).themeProperty().get())
                    .isEqualTo(Theme.DARK);
            assertThat(vm.organizationText()).contains("Shell theme").contains("Manager");
            assertThat(vm.personText()).contains(manager.email());
            assertThat(vm.serverText()).contains(db.server().host());
            vm.checkConnection();
            assertThat(vm.connectedProperty().get()).isTrue();
            assertThat(vm.otherOrganizations()).extracting(OrganizationChoice::id).containsExactly(other);
            vm.switchTo(vm.otherOrganizations().get(0));
            vm.signOut();
            assertThat(navigation).containsExactly("switch to " + other, "sign out");
        } finally {
            session.person().close();
        }
        ShellViewModel afterClose = new ShellViewModel(session, BackgroundTasks.direct(), preferences, navigator, null);
        afterClose.checkConnection();
        assertThat(afterClose.connectedProperty().get()).as("a closed pool reports the connection as lost").isFalse();
    }
}
