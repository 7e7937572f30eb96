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
import com.workline.ui.admin.AdministrationArea;
import com.workline.ui.crm.CrmArea;
import com.workline.ui.home.HomeArea;
import com.workline.ui.workbench.Navigator;
import com.workline.ui.workbench.Permissions;
import com.workline.ui.workbench.Section;
import com.workline.ui.workbench.Workbench;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ShellViewModelTest {
    private final TestDatabase db = TestDatabase.get();
    private final List<String> navigation = new ArrayList<>();
    private final ShellViewModel.Exits exits = new ShellViewModel.Exits() {
        @Override
        public void signOut() {
            navigation.add("sign out");
        }

        @Override
        public void switchOrganization(OrganizationChoice organization) {
            navigation.add("switch to " + organization.id());
        }
    };

    static Workbench workbench() {
        return new Workbench(List.of(new HomeArea(), new CrmArea(), new AdministrationArea()));
    }

    private ShellViewModel shell(TenantSession session, UserPreferences preferences) {
        return new ShellViewModel(session, BackgroundTasks.direct(), preferences, exits,
                new Navigator(workbench(), new Permissions(session.role())), null);
    }

    @Test
    void adminsSeeAdministrationOthersDoNot() {
        UUID org = db.newOrganization("Shell");
        TenantSession admin = db.signInTo(db.newPerson(org, Role.ADMIN), org);
        TenantSession employee = db.signInTo(db.newPerson(org, Role.EMPLOYEE), org);
        try {
            assertThat(shell(admin, UserPreferences.inMemory()).sections()).extracting(Section::id)
                    .containsExactly("home", "customers", "pipeline", "organization", "time-settings", "people", "pipelines", "custom_fields",
                            "profile");
            assertThat(shell(employee, UserPreferences.inMemory()).sections()).extracting(Section::id)
                    .containsExactly("home", "customers", "pipeline", "profile");
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
            ShellViewModel vm = shell(session, preferences);
            assertThat(vm.themeProperty().get()).isEqualTo(Theme.LIGHT);
            vm.toggleTheme();
            assertThat(shell(session, preferences).themeProperty().get())
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
        ShellViewModel afterClose = shell(session, preferences);
        afterClose.checkConnection();
        assertThat(afterClose.connectedProperty().get()).as("a closed pool reports the connection as lost").isFalse();
    }
}
