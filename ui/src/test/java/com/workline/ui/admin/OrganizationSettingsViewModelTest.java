package com.workline.ui.admin;

import com.workline.persistence.admin.Administration;
import com.workline.persistence.session.Role;
import com.workline.persistence.admin.TaxRoundingMode;
import com.workline.persistence.session.TenantSession;
import com.workline.persistence.testing.TestDatabase;
import com.workline.ui.task.BackgroundTasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class OrganizationSettingsViewModelTest {
    private final TestDatabase db = TestDatabase.get();
    private TenantSession first;
    private TenantSession second;

    @BeforeEach
    void twoAdmins() {
        UUID org = db.newOrganization("Settings VM");
        first = db.signInTo(db.newPerson(org, Role.OWNER), org);
        second = db.signInTo(db.newPerson(org, Role.ADMIN), org);
    }

    @AfterEach
    void close() {
        first.person().close();
        second.person().close();
    }

    private OrganizationSettingsViewModel loaded(TenantSession session, Locale locale) {
        OrganizationSettingsViewModel vm = new OrganizationSettingsViewModel(Administration.of(session).organizationSettings(),
                BackgroundTasks.direct(), locale);
        vm.load();
        return vm;
    }

    @Test
    void loadsEditsAndSavesWithLocaleNumbers() {
        OrganizationSettingsViewModel vm = loaded(first, Locale.GERMANY);
        assertThat(vm.field("name").get()).startsWith("Settings VM");
        assertThat(vm.field("numberFormat.invoice").get()).isEqualTo("INV-{yyyy}-{seq:5}");
        vm.field("legalName").set("Settings VM GmbH");
        vm.field("defaultTaxRate").set("19,5");
        vm.field("defaultPaymentTermsDays").set("21");
        vm.taxRoundingModeProperty().set(TaxRoundingMode.PER_DOCUMENT);
        vm.chooseLogo(new byte[] {1, 2, 3}, "image/png");
        vm.save();
        assertThat(vm.messageProperty().get()).isEqualTo("Settings saved.");
        var saved = Administration.of(first).organizationSettings().load();
        assertThat(saved.legalName()).isEqualTo("Settings VM GmbH");
        assertThat(saved.defaultTaxRate()).isEqualByComparingTo(new BigDecimal("19.5"));
        assertThat(saved.defaultPaymentTermsDays()).isEqualTo(21);
        assertThat(saved.taxRoundingMode()).isEqualTo(TaxRoundingMode.PER_DOCUMENT);
        assertThat(saved.logo()).containsExactly(1, 2, 3);
        assertThat(loaded(first, Locale.GERMANY).field("defaultTaxRate").get()).isEqualTo("19,5");
    }

    @Test
    void aSaveIsNeverDroppedSilently() {
        var worker = new com.workline.ui.task.ManualExecutor();
        var ui = new com.workline.ui.task.ManualExecutor();
        var runner = new com.workline.ui.task.TaskRunner(worker, ui);
        OrganizationSettingsViewModel vm = new OrganizationSettingsViewModel(Administration.of(first).organizationSettings(),
                runner.newScope(), Locale.US);
        vm.load();
        vm.save(); // Ctrl+S before the settings arrived
        assertThat(vm.messageProperty().get()).isEqualTo("Still loading \u2014 save again in a moment.");
        worker.runAll();
        ui.runAll();

        // Another screen's work (the shell's heartbeat) does not block this screen's save.
        runner.newScope().run(() -> "heartbeat", ok -> { }, failure -> { });
        vm.field("legalName").set("Never Dropped GmbH");
        vm.save();
        vm.save(); // pressed twice while the first is on its way
        assertThat(vm.messageProperty().get()).isEqualTo("The previous save is still on its way \u2014 your changes are kept.");
        com.workline.ui.task.ManualExecutor.settle(worker, ui);
        assertThat(vm.messageProperty().get()).isEqualTo("Settings saved.");
        assertThat(Administration.of(first).organizationSettings().load().legalName()).isEqualTo("Never Dropped GmbH");
    }

    @Test
    void fieldErrorsAppearNextToTheirFieldsAndNothingIsLost() {
        OrganizationSettingsViewModel vm = loaded(first, Locale.US);
        vm.field("defaultPaymentTermsDays").set("thirty");
        vm.save();
        assertThat(vm.errors().get("defaultPaymentTermsDays")).isEqualTo("Enter a whole number.");
        vm.field("defaultPaymentTermsDays").set("30");
        vm.field("baseCurrency").set("EURO");
        vm.field("numberFormat.quote").set("Q-{month}");
        vm.save();
        assertThat(vm.errors().get("baseCurrency")).isNotEmpty();
        assertThat(vm.errors().get("numberFormat.quote")).contains("Unknown placeholder");
        assertThat(vm.field("baseCurrency").get()).isEqualTo("EURO");
        assertThat(vm.messageProperty().get()).isEqualTo("Please correct the marked fields.");
    }

    @Test
    void theSecondAdminSeesAConflictAndKeepsTheirTypedValues() {
        OrganizationSettingsViewModel mine = loaded(first, Locale.US);
        OrganizationSettingsViewModel theirs = loaded(second, Locale.US);
        mine.field("phone").set("+49 30 111");
        mine.save();
        theirs.field("phone").set("+49 30 222");
        theirs.field("city").set("Potsdam");
        theirs.save();
        assertThat(theirs.messageProperty().get()).contains("Someone else saved these settings");
        assertThat(theirs.field("phone").get()).isEqualTo("+49 30 222");
        assertThat(theirs.field("city").get()).isEqualTo("Potsdam");
        assertThat(Administration.of(first).organizationSettings().load().phone()).isEqualTo("+49 30 111");
        theirs.reload();
        assertThat(theirs.field("phone").get()).isEqualTo("+49 30 111");
    }

    @Test
    void aLostConnectionIsReportedAndTheFormKeepsItsValues() {
        OrganizationSettingsViewModel vm = loaded(first, Locale.US);
        vm.field("website").set("https://still-here.test");
        first.person().close(); // the server is gone as far as this client is concerned
        vm.save();
        assertThat(vm.messageProperty().get()).isNotEmpty();
        assertThat(vm.field("website").get()).isEqualTo("https://still-here.test");
        first = db.signInTo(db.newPerson(first.organization().id(), Role.VIEWER), first.organization().id());
    }
}
