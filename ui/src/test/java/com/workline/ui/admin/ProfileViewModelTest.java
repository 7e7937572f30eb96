package com.workline.ui.admin;

import com.workline.persistence.admin.Administration;
import com.workline.persistence.session.Role;
import com.workline.persistence.session.TenantSession;
import com.workline.persistence.testing.TestDatabase;
import com.workline.ui.task.BackgroundTasks;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ProfileViewModelTest {
    private final TestDatabase db = TestDatabase.get();

    @Test
    void editsTheProfileAndChangesThePassword() {
        UUID org = db.newOrganization("Profile VM");
        TenantSession session = db.signInTo(db.newPerson(org, Role.VIEWER), org);
        try {
            ProfileViewModel vm = new ProfileViewModel(Administration.of(session).profile(), BackgroundTasks.direct());
            vm.load();
            assertThat(vm.emailProperty().get()).endsWith("@example.test");
            vm.firstNameProperty().set("");
            vm.save();
            assertThat(vm.errors().get("firstName")).isEqualTo("Enter your first name.");
            vm.firstNameProperty().set("Vivian");
            vm.displayNameProperty().set("Viv");
            vm.save();
            assertThat(vm.messageProperty().get()).isEqualTo("Profile saved.");
            assertThat(Administration.of(session).profile().load().displayName()).isEqualTo("Viv");

            vm.currentPasswordProperty().set("wrong-one");
            vm.newPasswordProperty().set("brand-new-pass");
            vm.newPasswordRepeatProperty().set("brand-new-pass");
            vm.changePassword();
            assertThat(vm.errors().get("currentPassword")).contains("not correct");
            vm.currentPasswordProperty().set(TestDatabase.PASSWORD);
            vm.newPasswordRepeatProperty().set("different-pass");
            vm.changePassword();
            assertThat(vm.errors().get("newPasswordRepeat")).isNotEmpty();
            vm.newPasswordRepeatProperty().set("brand-new-pass");
            vm.changePassword();
            assertThat(vm.passwordMessageProperty().get()).isEqualTo("Your password was changed.");
            assertThat(vm.currentPasswordProperty().get()).isEmpty();
        } finally {
            session.person().close();
        }
    }
}
