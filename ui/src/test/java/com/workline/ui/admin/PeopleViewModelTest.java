package com.workline.ui.admin;

import com.workline.persistence.admin.Administration;
import com.workline.persistence.admin.Member;
import com.workline.persistence.session.Role;
import com.workline.persistence.session.TenantSession;
import com.workline.persistence.testing.TestDatabase;
import com.workline.ui.task.BackgroundTasks;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PeopleViewModelTest {
    private final TestDatabase db = TestDatabase.get();

    @Test
    void addChangeRoleDeactivateReactivateAndResetPassword() {
        UUID org = db.newOrganization("People VM");
        TenantSession admin = db.signInTo(db.newPerson(org, Role.ADMIN), org);
        db.newPerson(org, Role.OWNER);
        try {
            PeopleViewModel vm = new PeopleViewModel(Administration.of(admin).people(), BackgroundTasks.direct());
            vm.load();
            assertThat(vm.people()).hasSize(2);

            List<String> closed = new ArrayList<>();
            vm.newEmailProperty().set("bad email");
            vm.add(() -> closed.add("closed"));
            assertThat(vm.newPersonErrors().get("email")).isNotEmpty();
            assertThat(closed).as("the dialog stays open").isEmpty();

            String email = "erin." + db.unique() + "@example.test";
            vm.newEmailProperty().set(email);
            vm.newFirstNameProperty().set("Erin");
            vm.newLastNameProperty().set("Example");
            vm.newRoleProperty().set(Role.EMPLOYEE);
            vm.newPasswordProperty().set("erins-password");
            vm.add(() -> closed.add("closed"));
            assertThat(closed).containsExactly("closed");
            assertThat(vm.newEmailProperty().get()).isEmpty();
            Member erin = vm.people().stream().filter(m -> m.email().equals(email)).findFirst().orElseThrow();
            assertThat(erin.role()).isEqualTo(Role.EMPLOYEE);

            vm.changeRole(erin, Role.MANAGER);
            assertThat(vm.messageProperty().get()).isEqualTo("Erin Example is now Manager.");
            vm.deactivate(erin);
            assertThat(vm.people()).filteredOn(m -> m.email().equals(email)).extracting(Member::active).containsExactly(false);
            vm.reactivate(erin);
            assertThat(vm.people()).filteredOn(m -> m.email().equals(email)).extracting(Member::active).containsExactly(true);

            List<String> failures = new ArrayList<>();
            vm.resetPassword(erin, "short".toCharArray(), () -> closed.add("reset"), failures::add);
            assertThat(failures).singleElement().asString().contains("at least 8");
            vm.resetPassword(erin, "a-new-password".toCharArray(), () -> closed.add("reset"), failures::add);
            assertThat(closed).contains("reset");

            Member owner = vm.people().stream().filter(m -> m.role() == Role.OWNER).findFirst().orElseThrow();
            vm.deactivate(owner);
            assertThat(vm.messageProperty().get()).contains("Only owners can change an owner");
        } finally {
            admin.person().close();
        }
    }
}
