package com.workline.ui.quoting;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.workline.persistence.admin.Administration;
import com.workline.persistence.admin.MailSettings;
import com.workline.persistence.mail.Mailbox;
import com.workline.persistence.mail.SendRecord;
import com.workline.persistence.mail.SmtpSender;
import com.workline.persistence.mail.SmtpSettings;
import com.workline.persistence.quoting.QuoteDetails;
import com.workline.persistence.quoting.QuoteLine;
import com.workline.persistence.quoting.QuoteService;
import com.workline.persistence.quoting.QuoteStatus;
import com.workline.persistence.quoting.Quoting;
import com.workline.persistence.session.Role;
import com.workline.persistence.session.TenantSession;
import com.workline.persistence.testing.Fixtures;
import com.workline.persistence.testing.Sql;
import com.workline.persistence.testing.TestDatabase;
import com.workline.persistence.testing.TestPerson;
import com.workline.ui.task.BackgroundTasks;
import com.workline.ui.workbench.Permissions;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The send dialog's and the editor's e-mail view models against the real database and an in-process SMTP server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SendQuoteViewModelTest {
    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("sales@firma.example", "sales", "smtp-pass"));

    private final TestDatabase db = TestDatabase.get();
    private TenantSession employee;
    private TenantSession viewer;
    private UUID customer;
    private UUID contact;

    @TempDir
    Path keys;

    @BeforeAll
    void organization() throws SQLException {
        UUID org = db.newOrganization("Send VM");
        TestPerson employeePerson = db.newPerson(org, Role.EMPLOYEE);
        Fixtures.crmDataOf(db, org, employeePerson.userId());
        customer = (UUID) Sql.value(db.superuser(), "SELECT id FROM app.customers WHERE organization_id = ?", org);
        contact = (UUID) Sql.value(db.superuser(), "SELECT id FROM app.contacts WHERE organization_id = ?", org);
        employee = db.signInTo(employeePerson, org);
        viewer = db.signInTo(db.newPerson(org, Role.VIEWER), org);
    }

    @AfterAll
    void close() {
        employee.person().close();
        viewer.person().close();
    }

    private QuoteDetails sentQuote() {
        QuoteService quotes = Quoting.of(employee).quotes();
        QuoteDetails draft = quotes.saveDraft(quotes.createDraft(customer, contact, null, "Mailed " + db.unique())
                .withLines(List.of(QuoteLine.product(null, "Workstation", "2", "pc", "1249.90", "19"))));
        quotes.send(draft.id(), draft.version());
        return quotes.load(draft.id());
    }

    private SendQuoteViewModel dialog(QuoteDetails quote, SendQuoteViewModel.FileOpener opener, List<String> recorded) {
        return new SendQuoteViewModel(Quoting.of(employee).mailing(), Administration.of(employee).mailSettings(keys),
                new SmtpSender(), () -> QuotePdf.render(employee, quote.id()), quote, QuotePdf.fileName(quote),
                BackgroundTasks.direct(), Locale.US, opener, Clock.systemUTC(), () -> recorded.add("recorded"));
    }

    @Test
    void draftForTheMailProgramIsSavedOpenedAndRecorded() throws Exception {
        Administration.of(employee).mailSettings(keys).delete();
        QuoteDetails quote = sentQuote();
        List<Path> opened = new ArrayList<>();
        List<String> recorded = new ArrayList<>();
        SendQuoteViewModel vm = dialog(quote, file -> opened.add(file) && false, recorded);
        vm.load();
        assertThat(vm.outcomeProperty().get()).isEqualTo(SendQuoteViewModel.Outcome.READY);
        assertThat(vm.toProperty().get()).isEqualTo("ada@alpha-secret.test");
        assertThat(vm.subjectProperty().get()).isEqualTo("Quote " + quote.number() + " \u2013 Alpha Secret Customer");
        assertThat(vm.bodyProperty().get()).contains(quote.number()).contains("\u20ac").endsWith("Test Employee");
        assertThat(vm.attachmentName()).isEqualTo(quote.number() + ".pdf");
        assertThat(vm.smtpAvailableProperty().get()).as("no SMTP settings yet").isFalse();

        vm.toProperty().set("not an address, ok@kunde.example");
        vm.openDraft();
        assertThat(vm.errors().get("to")).contains("not an address");
        assertThat(opened).isEmpty();

        vm.toProperty().set("Einkauf M\u00fcller <einkauf@kunde.example>");
        vm.ccProperty().set("chef@kunde.example; ");
        vm.openDraft();
        assertThat(vm.outcomeProperty().get()).isEqualTo(SendQuoteViewModel.Outcome.DONE);
        Path file = vm.draftFileProperty().get();
        assertThat(opened).containsExactly(file);
        assertThat(vm.messageProperty().get()).as("the system did not open it: the path is shown")
                .contains("could not open").contains(file.toAbsolutePath().toString());
        String eml = Files.readString(file, StandardCharsets.US_ASCII);
        assertThat(eml).contains("X-Unsent: 1").contains("einkauf@kunde.example").contains("application/pdf");
        assertThat(recorded).containsExactly("recorded");
        var sends = Quoting.of(viewer).mailing().sends(quote.id());
        assertThat(sends).hasSize(1);
        assertThat(sends.get(0).record().channel()).isEqualTo(SendRecord.Channel.DRAFT);
        assertThat(sends.get(0).record().recipients()).containsExactly("einkauf@kunde.example", "chef@kunde.example");

        QuoteSendsViewModel list = new QuoteSendsViewModel(Quoting.of(viewer).mailing(), new Permissions(viewer.role()),
                BackgroundTasks.direct(), Locale.US, ZoneId.of("Europe/Berlin"));
        list.show(quote);
        assertThat(list.sends()).hasSize(1);
        assertThat(list.describe(list.sends().get(0))).contains("Test Employee")
                .contains("draft for einkauf@kunde.example, chef@kunde.example prepared in the mail program");
        assertThat(list.details(list.sends().get(0))).contains("Subject: Quote " + quote.number())
                .contains("Attachments: " + quote.number() + ".pdf").doesNotContain("Message-ID");
        assertThat(list.canEmail(quote)).as("viewers do not e-mail").isFalse();
    }

    @Test
    void sendNowOverSmtpAfterTheSettingsAreSetUp() throws Exception {
        Administration.of(employee).mailSettings(keys).delete();
        QuoteDetails quote = sentQuote();
        List<String> recorded = new ArrayList<>();
        SendQuoteViewModel before = dialog(quote, file -> false, recorded);
        before.load();
        before.sendNow();
        assertThat(before.outcomeProperty().get()).as("not offered without settings").isEqualTo(SendQuoteViewModel.Outcome.READY);

        Administration.of(employee).mailSettings(keys).save(new MailSettings("127.0.0.1", GREEN_MAIL.getSmtp().getPort(),
                SmtpSettings.Security.NONE, "sales", "sales@firma.example", "Firma Sales", false, MailSettings.NOT_STORED),
                "smtp-pass".toCharArray());
        SendQuoteViewModel vm = dialog(quote, file -> false, recorded);
        vm.load();
        assertThat(vm.smtpAvailableProperty().get()).isTrue();
        vm.sendNow();
        assertThat(vm.outcomeProperty().get()).as(vm.messageProperty().get()).isEqualTo(SendQuoteViewModel.Outcome.DONE);
        assertThat(vm.messageProperty().get()).isEqualTo("Sent to ada@alpha-secret.test. Recorded on the quote.");
        assertThat(GREEN_MAIL.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage received = GREEN_MAIL.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo(vm.subjectProperty().get());
        try (InputStream pdf = ((Multipart) received.getContent()).getBodyPart(1).getInputStream()) {
            assertThat(new String(pdf.readNBytes(5), StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        }
        var sends = Quoting.of(employee).mailing().sends(quote.id());
        assertThat(sends).singleElement().satisfies(s -> {
            assertThat(s.record().channel()).isEqualTo(SendRecord.Channel.SMTP);
            assertThat(s.record().messageId()).isEqualTo(received.getMessageID());
        });
        assertThat(recorded).containsExactly("recorded");
    }

    @Test
    void aDraftIsOfferedToo() {
        QuoteDetails draft = Quoting.of(employee).quotes().createDraft(customer, null, null, "Draft");
        QuoteSendsViewModel list = new QuoteSendsViewModel(Quoting.of(employee).mailing(), new Permissions(employee.role()),
                BackgroundTasks.direct(), Locale.US, ZoneId.of("UTC"));
        assertThat(draft.status()).isEqualTo(QuoteStatus.DRAFT);
        assertThat(list.canEmail(draft)).isTrue();
        assertThat(list.canEmail(null)).isFalse();
        assertThat(SendQuoteViewModel.addresses("Anna <anna@a.example>, \"B. Bee\" <b@b.example>;c@c.example"))
                .containsExactly(new Mailbox("anna@a.example", "Anna"), new Mailbox("b@b.example", "B. Bee"),
                        Mailbox.of("c@c.example"));
    }
}
