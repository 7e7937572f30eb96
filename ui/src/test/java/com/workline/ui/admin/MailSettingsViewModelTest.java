package com.workline.ui.admin;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.workline.persistence.admin.Administration;
import com.workline.persistence.mail.SmtpSender;
import com.workline.persistence.mail.SmtpSettings;
import com.workline.persistence.session.Role;
import com.workline.persistence.session.TenantSession;
import com.workline.persistence.testing.TestDatabase;
import com.workline.ui.task.BackgroundTasks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** My profile › Outgoing mail (SMTP) against the real database and an in-process SMTP server. */
class MailSettingsViewModelTest {
    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("vera@firma.example", "vera", "mail-pass"));

    private final TestDatabase db = TestDatabase.get();
    private final SmtpSender sender = new SmtpSender(Duration.ofSeconds(5), Duration.ofSeconds(5), null, Clock.systemUTC());

    @TempDir
    Path keys;

    @Test
    void typedSavedTestedAndRemoved() {
        UUID org = db.newOrganization("Mail VM");
        TenantSession session = db.signInTo(db.newPerson(org, Role.VIEWER), org);
        try {
            MailSettingsViewModel vm = new MailSettingsViewModel(Administration.of(session).mailSettings(keys), sender,
                    BackgroundTasks.direct());
            vm.load();
            assertThat(vm.storedProperty().get()).isFalse();
            assertThat(vm.portProperty().get()).isEqualTo("587");

            // The port follows the security while it is the previous choice's default.
            vm.securityProperty().set(SmtpSettings.Security.SSL_TLS);
            assertThat(vm.portProperty().get()).isEqualTo("465");
            vm.securityProperty().set(SmtpSettings.Security.NONE);
            assertThat(vm.portProperty().get()).isEqualTo("25");
            vm.portProperty().set("2525");
            vm.securityProperty().set(SmtpSettings.Security.STARTTLS);
            assertThat(vm.portProperty().get()).as("a port the person typed stays").isEqualTo("2525");

            // Field errors next to the fields; what was typed stays.
            vm.portProperty().set("twenty-five");
            vm.save();
            assertThat(vm.errors().get("port")).isEqualTo("Enter a whole number.");
            vm.portProperty().set(String.valueOf(GREEN_MAIL.getSmtp().getPort()));
            vm.usernameProperty().set("vera");
            vm.fromAddressProperty().set("not-an-address");
            vm.save();
            assertThat(vm.errors().get("host")).isNotEmpty();
            assertThat(vm.errors().get("password")).isEqualTo("Enter the password for this user name.");
            assertThat(vm.errors().get("fromAddress")).isNotEmpty();
            assertThat(vm.storedProperty().get()).isFalse();
            assertThat(vm.usernameProperty().get()).isEqualTo("vera");

            // Plain text with a user name: the screen warns.
            vm.securityProperty().set(SmtpSettings.Security.NONE);
            assertThat(vm.plainTextPasswordProperty().get()).isTrue();
            vm.usernameProperty().set("");
            assertThat(vm.plainTextPasswordProperty().get()).isFalse();
            vm.usernameProperty().set("vera");

            vm.hostProperty().set("127.0.0.1");
            vm.fromAddressProperty().set("vera@firma.example");
            vm.fromNameProperty().set("Vera Viewer");
            vm.passwordProperty().set("mail-pass");
            vm.save();
            assertThat(vm.messageProperty().get()).isEqualTo("Mail settings saved.");
            assertThat(vm.storedProperty().get()).isTrue();
            assertThat(vm.passwordStoredProperty().get()).isTrue();
            assertThat(vm.passwordProperty().get()).as("the password field is cleared").isEmpty();

            // Test connection with the stored password (the field is empty), then with a wrong one.
            vm.testConnection();
            assertThat(vm.testOutcomeProperty().get()).isEqualTo(MailSettingsViewModel.TestOutcome.PASSED);
            assertThat(vm.testResultProperty().get()).contains("signed in as vera").contains("Nothing was sent");
            vm.passwordProperty().set("wrong");
            vm.testConnection();
            assertThat(vm.testOutcomeProperty().get()).isEqualTo(MailSettingsViewModel.TestOutcome.FAILED);
            assertThat(vm.testResultProperty().get()).contains("did not accept your user name or password");
            assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();

            // Another screen of the same person sees the stored settings, without the password.
            MailSettingsViewModel reopened = new MailSettingsViewModel(Administration.of(session).mailSettings(keys), sender,
                    BackgroundTasks.direct());
            reopened.load();
            assertThat(reopened.hostProperty().get()).isEqualTo("127.0.0.1");
            assertThat(reopened.passwordProperty().get()).isEmpty();
            assertThat(reopened.passwordStoredProperty().get()).isTrue();

            reopened.remove();
            assertThat(reopened.messageProperty().get()).isEqualTo("Mail settings removed.");
            assertThat(reopened.storedProperty().get()).isFalse();
            assertThat(Administration.of(session).mailSettings(keys).load()).isEmpty();
            // The first screen still holds an old version: its save is a conflict, nothing is overwritten.
            vm.passwordProperty().set("mail-pass");
            vm.save();
            assertThat(vm.messageProperty().get()).contains("changed on another computer");
        } finally {
            session.person().close();
        }
    }
}
