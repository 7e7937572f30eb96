package com.workline.ui.signin;

import com.workline.persistence.session.Role;
import com.workline.persistence.db.ServerAddress;
import com.workline.persistence.tenancy.SignInService;
import com.workline.persistence.session.SignedInPerson;
import com.workline.persistence.testing.TestDatabase;
import com.workline.persistence.testing.TestPerson;
import com.workline.ui.common.UserPreferences;
import com.workline.ui.task.BackgroundTasks;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SignInViewModelTest {
    private final TestDatabase db = TestDatabase.get();
    private final List<SignedInPerson> signedIn = new ArrayList<>();
    private final UserPreferences preferences = UserPreferences.inMemory();

    private SignInViewModel viewModel() {
        return new SignInViewModel(new SignInService(db.roles(), 1), db::server, null, BackgroundTasks.direct(),
                preferences, signedIn::add);
    }

    @Test
    void signsInWithTheEmbeddedServerAndRemembersTheEmail() {
        TestPerson person = db.newPerson(db.newOrganization("VM sign-in"), Role.EMPLOYEE);
        SignInViewModel vm = viewModel();
        vm.emailProperty().set(person.email());
        vm.passwordProperty().set(TestDatabase.PASSWORD);
        vm.signIn();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(signedIn).hasSize(1);
        assertThat(vm.passwordProperty().get()).as("the password does not linger").isEmpty();
        assertThat(viewModel().emailProperty().get()).as("next time the email is filled in").isEqualTo(person.email());
        signedIn.forEach(SignedInPerson::close);
    }

    @Test
    void aWrongPasswordIsExplainedAndTheTypedValuesStay() {
        TestPerson person = db.newPerson(db.newOrganization("VM wrong"), Role.EMPLOYEE);
        SignInViewModel vm = viewModel();
        vm.emailProperty().set(person.email());
        vm.passwordProperty().set("not it");
        vm.signIn();
        assertThat(vm.errorProperty().get()).isEqualTo("The email or password is not correct.");
        assertThat(vm.emailProperty().get()).isEqualTo(person.email());
        assertThat(vm.passwordProperty().get()).isEqualTo("not it");
        assertThat(signedIn).isEmpty();
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void companyServerFieldsAreCheckedAndAnUnreachableServerIsReported() {
        SignInViewModel vm = new SignInViewModel(new SignInService(db.roles(), 1), null,
                ServerAddress.of("127.0.0.1", 1, "workline"), BackgroundTasks.direct(), preferences, signedIn::add);
        assertThat(vm.embeddedAvailable()).isFalse();
        assertThat(vm.useEmbeddedProperty().get()).isFalse();
        assertThat(vm.portProperty().get()).isEqualTo("1");
        vm.emailProperty().set("a@b.test");
        vm.passwordProperty().set("whatever1");
        vm.signIn();
        assertThat(vm.errorProperty().get()).contains("Cannot reach the Workline server at 127.0.0.1:1");
        vm.portProperty().set("seventy");
        vm.signIn();
        assertThat(vm.errorProperty().get()).contains("port is a number");
        vm.passwordProperty().set("");
        vm.signIn();
        assertThat(vm.errorProperty().get()).isEqualTo("Enter your email and password.");
    }
}
