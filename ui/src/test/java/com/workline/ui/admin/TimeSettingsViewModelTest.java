package com.workline.ui.admin;

import com.workline.persistence.projects.Projects;
import com.workline.persistence.projects.RoundingDirection;
import com.workline.persistence.projects.RoundingRule;
import com.workline.persistence.projects.TimeSettings;
import com.workline.persistence.session.TenantSession;
import com.workline.ui.approval.TimeOffice;
import com.workline.ui.task.BackgroundTasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Administration › Time and a customer's Time rules against the real database. */
class TimeSettingsViewModelTest {
    private TimeOffice w;

    @BeforeEach
    void organization() {
        w = new TimeOffice("Time settings VM");
    }

    @AfterEach
    void close() {
        w.close();
    }

    private TimeSettingsViewModel loaded(TenantSession session) {
        TimeSettingsViewModel vm = new TimeSettingsViewModel(Projects.of(session).settings(), BackgroundTasks.direct(),
                Locale.GERMANY);
        vm.load();
        return vm;
    }

    @Test
    void loadsEditsAndSavesTheOrganizationsRulesForTime() {
        TimeSettingsViewModel vm = loaded(w.owner);
        assertThat(vm.weeklyHoursProperty().get()).isEqualTo("40:00");
        assertThat(vm.countryProperty().get()).isEqualTo("DE");
        assertThat(vm.countries()).contains("DE", "AT", "US");
        assertThat(vm.countryName("DE")).isEqualTo("Deutschland (DE)");
        assertThat(vm.subdivisions()).contains(null, "BY", "NW");
        assertThat(vm.roundingUnitProperty().get()).isEqualTo(1);
        assertThat(vm.timerReminderProperty().get()).isEqualTo("10:00");

        vm.lockDateProperty().set(LocalDate.parse("2026-01-31"));
        vm.weeklyHoursProperty().set("37,5");
        vm.subdivisionProperty().set("BY");
        vm.roundingUnitProperty().set(15);
        vm.roundingDirectionProperty().set(RoundingDirection.UP);
        vm.timerReminderProperty().set("8:30");
        vm.save();
        assertThat(vm.messageProperty().get()).isEqualTo("Settings saved.");
        TimeSettings saved = Projects.of(w.owner).settings().load();
        assertThat(saved.lockDate()).isEqualTo(LocalDate.parse("2026-01-31"));
        assertThat(saved.weeklyWorkingMinutes()).isEqualTo(2250);
        assertThat(saved.holidayCountry()).isEqualTo("DE");
        assertThat(saved.holidaySubdivision()).isEqualTo("BY");
        assertThat(saved.rounding()).isEqualTo(new RoundingRule(15, RoundingDirection.UP));
        assertThat(saved.timerReminderMinutes()).isEqualTo(510);
        assertThat(loaded(w.owner).weeklyHoursProperty().get()).isEqualTo("37:30");

        // Another country: its regions; a region it does not have is not kept.
        vm.countryProperty().set("AT");
        assertThat(vm.subdivisions()).contains("9").doesNotContain("BY");
        assertThat(vm.subdivisionProperty().get()).isNull();
        vm.save();
        assertThat(Projects.of(w.owner).settings().load().holidayCountry()).isEqualTo("AT");
    }

    @Test
    void mistakesAreShownNextToTheirFieldsAndTheTypingStays() {
        TimeSettingsViewModel vm = loaded(w.owner);
        vm.weeklyHoursProperty().set("viel");
        vm.timerReminderProperty().set("25:00");
        vm.save();
        assertThat(vm.errors().get("weeklyWorkingMinutes")).isEqualTo("Type hours such as 40, 37.5 or 38:30.");
        assertThat(vm.errors().get("timerReminderMinutes")).startsWith("At most 24 hours");
        assertThat(vm.messageProperty().get()).isEqualTo("Please correct the marked fields.");
        assertThat(vm.weeklyHoursProperty().get()).isEqualTo("viel");

        // What only the service knows: a week has at most 168 hours.
        vm.weeklyHoursProperty().set("200");
        vm.timerReminderProperty().set("2:00");
        vm.save();
        assertThat(vm.errors().get("weeklyWorkingMinutes")).isEqualTo("Between 0 and 168 hours a week.");
        assertThat(vm.errors().get("timerReminderMinutes")).isEmpty();
        assertThat(vm.weeklyHoursProperty().get()).isEqualTo("200");
        assertThat(Projects.of(w.owner).settings().load().weeklyWorkingMinutes()).isEqualTo(2400);
    }

    @Test
    void aSaveAfterSomeoneElsesIsAConflictAndNothingIsOverwritten() {
        TimeSettingsViewModel mine = loaded(w.owner);
        TimeSettings theirs = Projects.of(w.owner).settings().load();
        Projects.of(w.owner).settings().save(theirs.withWeeklyWorkingMinutes(2100));
        mine.weeklyHoursProperty().set("39");
        mine.save();
        assertThat(mine.messageProperty().get()).startsWith("Someone changed the organization's settings meanwhile.");
        assertThat(mine.weeklyHoursProperty().get()).isEqualTo("39");
        assertThat(Projects.of(w.owner).settings().load().weeklyWorkingMinutes()).isEqualTo(2100);
        mine.reload();
        assertThat(mine.weeklyHoursProperty().get()).isEqualTo("35:00");
    }

    @Test
    void managersSetACustomersOwnRoundingOthersSeeIt() {
        CustomerTimeRulesViewModel manager = new CustomerTimeRulesViewModel(Projects.of(w.manager).settings(), w.customer, true,
                BackgroundTasks.direct());
        manager.load();
        assertThat(manager.ownRuleProperty().get()).isFalse();
        assertThat(manager.organizationRuleProperty().get()).isEqualTo("The organization's rule: Every minute (no rounding)");
        long version = w.count("SELECT version FROM app.customers WHERE id = ?", w.customer);
        manager.ownRuleProperty().set(true);
        manager.unitProperty().set(30);
        manager.directionProperty().set(RoundingDirection.NEAREST);
        manager.save();
        assertThat(manager.messageProperty().get()).isEqualTo("Saved: this customer's time is rounded to 30 minutes, to the nearest.");
        assertThat(Projects.of(w.manager).settings().customerRounding(w.customer))
                .isEqualTo(new RoundingRule(30, RoundingDirection.NEAREST));
        assertThat(w.count("SELECT version FROM app.customers WHERE id = ?", w.customer))
                .as("an open customer form does not become stale").isEqualTo(version);

        CustomerTimeRulesViewModel employee = new CustomerTimeRulesViewModel(Projects.of(w.employee).settings(), w.customer,
                false, BackgroundTasks.direct());
        employee.load();
        assertThat(employee.ownRuleProperty().get()).isTrue();
        assertThat(employee.unitProperty().get()).isEqualTo(30);
        employee.ownRuleProperty().set(false);
        employee.save();
        assertThat(employee.messageProperty().get()).isEqualTo("Only managers, administrators and owners change how time is billed.");
        assertThat(Projects.of(w.manager).settings().customerRounding(w.customer)).isNotNull();

        manager.ownRuleProperty().set(false);
        manager.save();
        assertThat(manager.messageProperty().get()).isEqualTo("Saved: the organization's rule applies.");
        assertThat(Projects.of(w.manager).settings().customerRounding(w.customer)).isNull();
    }
}
