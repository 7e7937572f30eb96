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
        byte[] png = png();
        assertThat(vm.chooseLogo(png)).isTrue();
        vm.save();
        assertThat(vm.messageProperty().get()).isEqualTo("Settings saved.");
        var saved = Administration.of(first).organizationSettings().load();
        assertThat(saved.legalName()).isEqualTo("Settings VM GmbH");
        assertThat(saved.defaultTaxRate()).isEqualByComparingTo(new BigDecimal("19.5"));
        assertThat(saved.defaultPaymentTermsDays()).isEqualTo(21);
        assertThat(saved.taxRoundingMode()).isEqualTo(TaxRoundingMode.PER_DOCUMENT);
        assertThat(saved.logo()).isEqualTo(png);
        assertThat(saved.logoContentType()).isEqualTo("image/png");
        assertThat(loaded(first, Locale.GERMANY).field("defaultTaxRate").get()).isEqualTo("19,5");
    }

    static byte[] png() {
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(30, 10, java.awt.image.BufferedImage.TYPE_INT_RGB),
                    "png", out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void documentSettingsWithALocaleAmountAreSavedAndShownAgain() {
        OrganizationSettingsViewModel vm = loaded(first, Locale.GERMANY);
        assertThat(vm.accentColourProperty().get()).isEqualTo("#1f4e79");
        assertThat(vm.field("quoteAcceptanceLimit").get()).as("no limit yet").isEmpty();
        vm.accentColourProperty().set("#8a1c1c");
        vm.field("documentFooter").set("Bank: IBAN DE02 1234");
        vm.field("quoteTerms").set("Zahlbar in 14 Tagen.");
        vm.field("quoteAcceptanceLimit").set("2.500,5");
        vm.save();
        assertThat(vm.messageProperty().get()).isEqualTo("Settings saved.");
        var saved = Administration.of(first).organizationSettings().load();
        assertThat(saved.documentAccentColour()).isEqualTo("#8a1c1c");
        assertThat(saved.documentFooter()).isEqualTo("Bank: IBAN DE02 1234");
        assertThat(saved.quoteTerms()).isEqualTo("Zahlbar in 14 Tagen.");
        assertThat(saved.quoteAcceptanceLimit()).isEqualByComparingTo("2500.50");
        assertThat(vm.field("quoteAcceptanceLimit").get()).isEqualTo("2500,50");

        vm.field("quoteAcceptanceLimit").set("viel");
        vm.save();
        assertThat(vm.errors().get("quoteAcceptanceLimit")).isEqualTo("Enter a number.");
        vm.field("quoteAcceptanceLimit").set("0,001");
        vm.save();
        assertThat(vm.errors().get("quoteAcceptanceLimit")).as("the service's check, next to the field")
                .isEqualTo("Zero or more with at most two decimals, or empty for no limit.");
        assertThat(vm.field("quoteAcceptanceLimit").get()).isEqualTo("0,001");
        vm.field("quoteAcceptanceLimit").set("");
        vm.save();
        assertThat(Administration.of(first).organizationSettings().load().quoteAcceptanceLimit()).as("emptied").isNull();
    }

    @Test
    void onlyPngOrJpegUpToOneMegabyteBecomesTheLogo() {
        OrganizationSettingsViewModel vm = loaded(first, Locale.US);
        byte[] png = png();
        assertThat(vm.chooseLogo(png)).isTrue();
        assertThat(vm.logoContentTypeProperty().get()).isEqualTo("image/png");

        assertThat(vm.chooseLogo("GIF89a-not-for-documents".getBytes(java.nio.charset.StandardCharsets.US_ASCII))).isFalse();
        assertThat(vm.errors().get("logo")).isEqualTo("Choose a PNG or JPEG image.");
        assertThat(vm.chooseLogo(java.util.Arrays.copyOf(png, 1024 * 1024 + 1))).isFalse();
        assertThat(vm.errors().get("logo")).isEqualTo("The logo may be at most 1 MB.");
        assertThat(vm.logoProperty().get()).as("the chosen one stays").isEqualTo(png);

        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16};
        assertThat(vm.chooseLogo(jpeg)).isTrue();
        assertThat(vm.errors().get("logo")).isEmpty();
        assertThat(vm.logoContentTypeProperty().get()).isEqualTo("image/jpeg");
        vm.removeLogo();
        assertThat(vm.logoProperty().get()).isNull();
        assertThat(vm.logoContentTypeProperty().get()).isNull();
    }

    @Test
    void aChosenFileIsReadInTheBackgroundAndCheckedByItsContent(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder)
            throws java.io.IOException {
        OrganizationSettingsViewModel vm = loaded(first, Locale.US);
        java.nio.file.Path renamed = java.nio.file.Files.write(folder.resolve("logo.jpg"), png());
        vm.chooseLogoFile(renamed);
        assertThat(vm.logoContentTypeProperty().get()).as("by content, not by name").isEqualTo("image/png");

        java.nio.file.Path huge = folder.resolve("huge.png");
        java.nio.file.Files.write(huge, java.util.Arrays.copyOf(png(), 1024 * 1024 + 1));
        vm.chooseLogoFile(huge);
        assertThat(vm.errors().get("logo")).isEqualTo("The logo may be at most 1 MB.");
        vm.chooseLogoFile(folder.resolve("missing.png"));
        assertThat(vm.errors().get("logo")).startsWith("Could not read missing.png");
        assertThat(vm.logoProperty().get()).isEqualTo(png());
    }

    @Test
    void theSamplePreviewUsesTheUnsavedSettings() throws Exception {
        OrganizationSettingsViewModel vm = loaded(first, Locale.US);
        int version = Administration.of(first).organizationSettings().load().version();
        vm.field("documentFooter").set("Unsaved footer for the sample");
        vm.field("quoteTerms").set("Unsaved sample terms.");
        vm.accentColourProperty().set("#117733");
        assertThat(vm.chooseLogo(png())).isTrue();

        byte[] pdf = vm.sampleDocument().orElseThrow().get();

        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertThat(text).contains("Unsaved footer for the sample", "Unsaved sample terms.", "Sample Customer Ltd",
                    "Alex Example", "Seite 1 von 1");
            var resources = document.getPage(0).getResources();
            boolean image = false;
            for (var name : resources.getXObjectNames()) {
                image |= resources.getXObject(name) instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
            }
            assertThat(image).as("the logo").isTrue();
        }
        assertThat(Administration.of(first).organizationSettings().load().version()).as("nothing saved").isEqualTo(version);

        vm.field("quoteValidityDays").set("lots");
        assertThat(vm.sampleDocument()).isEmpty();
        assertThat(vm.errors().get("quoteValidityDays")).isEqualTo("Enter a whole number.");
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
