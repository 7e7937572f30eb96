package com.workline.ui.signin;

import com.workline.persistence.session.Role;
import com.workline.persistence.tenancy.CompanySetup;
import com.workline.persistence.session.SignedInPerson;
import com.workline.persistence.testing.TestDatabase;
import com.workline.ui.task.BackgroundTasks;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class CreateCompanyViewModelTest {
    private final TestDatabase db = TestDatabase.get();
    private final CompanySetup setup = new CompanySetup(db.superuser(), db.server(), db.roles());

    @Test
    void defaultsFromTheLocaleAndCreatesCompanyAndOwner() {
        List<SignedInPerson> created = new ArrayList<>();
        CreateCompanyViewModel vm = new CreateCompanyViewModel(setup, BackgroundTasks.direct(), new Locale("de", "CH"), created::add);
        assertThat(vm.countryProperty().get()).isEqualTo("CH");
        assertThat(vm.currencyProperty().get()).isEqualTo("CHF");
        vm.companyNameProperty().set("Alpenwerk " + db.unique());
        vm.firstNameProperty().set("Heidi");
        vm.lastNameProperty().set("Keller");
        String email = "heidi." + db.unique() + "@example.test";
        vm.emailProperty().set(email);
        vm.passwordProperty().set("first-password");
        vm.passwordRepeatProperty().set("first-password");
        vm.create();
        assertThat(vm.errors().any()).isFalse();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(created).hasSize(1);
        assertThat(created.get(0).organizations()).singleElement().satisfies(o -> {
            assertThat(o.name()).startsWith("Alpenwerk");
            assertThat(o.role()).isEqualTo(Role.OWNER);
        });
        created.get(0).close();
    }

    @Test
    void everyProblemIsShownNextToItsField() {
        List<SignedInPerson> created = new ArrayList<>();
        CreateCompanyViewModel vm = new CreateCompanyViewModel(setup, BackgroundTasks.direct(), Locale.US, created::add);
        vm.passwordProperty().set("short");
        vm.passwordRepeatProperty().set("shorter");
        vm.create();
        assertThat(vm.errors().get("passwordRepeat")).isNotEmpty();
        vm.passwordRepeatProperty().set("short");
        vm.currencyProperty().set("XYZ1");
        vm.emailProperty().set("nope");
        vm.create();
        assertThat(vm.errors().get("companyName")).isEqualTo("Enter the organization's name.");
        assertThat(vm.errors().get("currency")).isNotEmpty();
        assertThat(vm.errors().get("email")).isNotEmpty();
        assertThat(vm.errors().get("firstName")).isNotEmpty();
        assertThat(vm.errors().get("password")).contains("at least 8");
        assertThat(vm.errors().get("passwordRepeat")).isEmpty();
        assertThat(created).isEmpty();
    }
}
