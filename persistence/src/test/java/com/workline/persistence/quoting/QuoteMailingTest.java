package com.workline.persistence.quoting;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.workline.persistence.admin.Administration;
import com.workline.persistence.admin.MailSettings;
import com.workline.persistence.common.Problem;
import com.workline.persistence.common.WorklineException;
import com.workline.persistence.documents.Branding;
import com.workline.persistence.documents.Party;
import com.workline.persistence.documents.PdfRenderer;
import com.workline.persistence.mail.Attachment;
import com.workline.persistence.mail.MailTemplate;
import com.workline.persistence.mail.Mailbox;
import com.workline.persistence.mail.OutgoingMessage;
import com.workline.persistence.mail.SendRecord;
import com.workline.persistence.mail.SmtpSender;
import com.workline.persistence.mail.SmtpSettings;
import com.workline.persistence.session.Role;
import com.workline.persistence.session.TenantSession;
import com.workline.persistence.testing.Fixtures;
import com.workline.persistence.testing.Sql;
import com.workline.persistence.testing.TestDatabase;
import com.workline.persistence.testing.TestPerson;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * E-mailing quotes against the real database and an in-process SMTP server: the template, who may record sends (not
 * viewers, not another organization, never for a draft), the list on the quote, and a quote's real PDF sent over SMTP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuoteMailingTest {
    private static final String SMTP_PASSWORD = "s3cret-smtp";

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("sales@alpha.example", "sales", SMTP_PASSWORD));

    private static final MailTemplate TEMPLATE = QuoteMailing.template("Quote {number} for {customer}",
            "Dear {customer},\n\nplease find our quote {number} over {total}, valid until {validUntil}.\n\n{sender}");

    private final TestDatabase db = TestDatabase.get();
    private UUID org;
    private UUID orgB;
    private TestPerson managerPerson;
    private TestPerson employeePerson;
    private TestPerson viewerPerson;
    private TestPerson employeeB;
    private TenantSession manager;
    private TenantSession employee;
    private TenantSession viewer;
    private UUID customer;
    private UUID contact;
    private QuoteDetails sent;
    private QuoteDetails draft;

    @TempDir
    Path keys;

    @BeforeAll
    void organization() throws SQLException {
        org = db.newOrganization("Mailing");
        orgB = db.newOrganization("Mailing B");
        managerPerson = db.newPerson(org, Role.MANAGER);
        employeePerson = db.newPerson(org, Role.EMPLOYEE);
        viewerPerson = db.newPerson(org, Role.VIEWER);
        employeeB = db.newPerson(orgB, Role.EMPLOYEE);
        Fixtures.crmDataOf(db, org, managerPerson.userId());
        customer = (UUID) Sql.value(db.superuser(), "SELECT id FROM app.customers WHERE organization_id = ?", org);
        contact = (UUID) Sql.value(db.superuser(), "SELECT id FROM app.contacts WHERE organization_id = ?", org);
        manager = db.signInTo(managerPerson, org);
        employee = db.signInTo(employeePerson, org);
        viewer = db.signInTo(viewerPerson, org);
        sent = sentQuote("Workstations");
        QuoteService quotes = Quoting.of(employee).quotes();
        draft = quotes.createDraft(customer, contact, null, "Still a draft");
    }

    @AfterAll
    void close() {
        manager.person().close();
        employee.person().close();
        viewer.person().close();
    }

    private QuoteDetails sentQuote(String title) {
        QuoteService quotes = Quoting.of(employee).quotes();
        QuoteDetails saved = quotes.saveDraft(quotes.createDraft(customer, contact, null, title).withLines(List.of(
                QuoteLine.product(null, "Workstation", "2", "pc", "1249.90", "19"),
                QuoteLine.service(null, "Installation", "3.5", "h", "89", "19"))));
        quotes.send(saved.id(), saved.version());
        return quotes.load(saved.id());
    }

    private static OutgoingMessage message(String to, byte[] pdf, String fileName) {
        return new OutgoingMessage(null, List.of(Mailbox.of(to)), List.of(Mailbox.of("office@alpha.example")), List.of(),
                "Quote", "Body", List.of(Attachment.pdf(fileName, pdf)));
    }

    private static byte[] pdfOf(QuoteDetails quote) {
        return new PdfRenderer().render(QuoteDocuments.toBusinessDocument(quote, Party.of("Alpha GmbH", "Street 1"),
                Party.of("Alpha Secret Customer"), LocalDate.now(), "Draft"), Branding.plain(), Locale.GERMANY);
    }

    private static Problem problemOf(Throwable e) {
        return ((WorklineException) e).problem();
    }

    // ------------------------------------------------------------------------------------------

    @Test
    @DisplayName("the template is filled with the customer, number, total and validity in the language, and the sender")
    void prepareRendersTheTemplate() {
        QuoteMailDraft prepared = Quoting.of(manager).mailing().prepare(sent.id(), TEMPLATE, Locale.GERMANY);
        assertThat(prepared.recipient()).as("the quote's contact").isEqualTo("ada@alpha-secret.test");
        assertThat(prepared.customerName()).isEqualTo("Alpha Secret Customer");
        assertThat(prepared.senderName()).isEqualTo("Test Manager");
        assertThat(prepared.subject()).isEqualTo("Quote " + sent.number() + " for Alpha Secret Customer");
        assertThat(prepared.body()).contains("Dear Alpha Secret Customer,").contains("quote " + sent.number())
                .contains(String.format(Locale.GERMANY, "%,.2f\u00a0\u20ac", sent.total()))
                .contains(String.format("%1$td.%1$tm.%1$tY", sent.validUntil())).endsWith("Test Manager");
        assertThat(sent.total()).isGreaterThan(java.math.BigDecimal.valueOf(1000));
        // Without a contact, the customer's own address.
        QuoteService quotes = Quoting.of(employee).quotes();
        QuoteDetails noContact = quotes.createDraft(customer, null, null, "No contact");
        assertThat(Quoting.of(manager).mailing().prepare(noContact.id(), TEMPLATE, Locale.US).recipient())
                .isEqualTo("buyer@alpha-secret.test");
        assertThatThrownBy(() -> QuoteMailing.template("{number}", "{custmer}")).isInstanceOf(WorklineException.class);
    }

    @Test
    @DisplayName("a draft handed to the mail program is recorded as prepared, by the person, and listed for everyone")
    void recordDraftAndList() {
        QuoteDetails quote = sentQuote("Drafted");
        OutgoingMessage message = message("einkauf@kunde.example", "%PDF-1.7 fake".getBytes(StandardCharsets.US_ASCII),
                quote.number() + ".pdf");
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        QuoteSend recorded = Quoting.of(employee).mailing().recordDraft(quote.id(), message, at);
        assertThat(recorded.record().channel()).isEqualTo(SendRecord.Channel.DRAFT);
        assertThat(recorded.record().sentBy()).isEqualTo(employeePerson.userId().toString());
        assertThat(recorded.sentByName()).isEqualTo("Test Employee");
        assertThat(recorded.record().recipients()).containsExactly("einkauf@kunde.example", "office@alpha.example");
        assertThat(recorded.record().messageId()).isNull();
        assertThat(recorded.record().at()).isEqualTo(at);
        assertThat(recorded.record().attachmentNames()).containsExactly(quote.number() + ".pdf");
        assertThat(Quoting.of(viewer).mailing().sends(quote.id())).containsExactly(recorded);
        assertThat(Quoting.of(manager).mailing().sends(sent.id())).doesNotContain(recorded);
    }

    @Test
    @DisplayName("viewers record nothing, through the service or with plain SQL")
    void viewerRefused() throws SQLException {
        OutgoingMessage message = message("x@kunde.example", new byte[] {1}, "q.pdf");
        assertThatThrownBy(() -> Quoting.of(viewer).mailing().recordDraft(sent.id(), message, Instant.now()))
                .satisfies(e -> assertThat(problemOf(e)).isEqualTo(Problem.NOT_ALLOWED));
        assertThatThrownBy(() -> Quoting.of(viewer).mailing().sendViaSmtp(sent.id(), message, smtp(), new SmtpSender()))
                .satisfies(e -> assertThat(((WorklineException) e).text().key()).isEqualTo("quoting.mail.viewersCannotSend"));
        try (Connection c = db.connectAs(viewerPerson)) {
            Sql.selectTenantForSession(c, org);
            assertThatThrownBy(() -> insertSend(c, org, sent.id())).isInstanceOf(SQLException.class)
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42501");
        }
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    @DisplayName("another organization's people neither record nor read the sends")
    void otherOrganizationRefused() throws SQLException {
        Quoting.of(manager).mailing().recordDraft(sent.id(), message("y@kunde.example", new byte[] {1}, "q.pdf"), Instant.now());
        long before = Sql.count(db.superuser(), "SELECT count(*) FROM app.quote_sends WHERE organization_id = ?", org);
        try (Connection c = db.connectAs(employeeB)) {
            for (UUID tenant : List.of(org, orgB)) {
                Sql.selectTenantForSession(c, tenant);
                assertThat(Sql.count(c, "SELECT count(*) FROM app.quote_sends WHERE organization_id = ?", org)).isZero();
                assertThatThrownBy(() -> insertSend(c, org, sent.id())).isInstanceOf(SQLException.class)
                        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42501");
                assertThatThrownBy(() -> insertSend(c, orgB, sent.id())).as("B's row pointing at A's quote")
                        .isInstanceOf(SQLException.class);
            }
        }
        assertThat(Sql.count(db.superuser(), "SELECT count(*) FROM app.quote_sends WHERE organization_id = ?", org))
                .isEqualTo(before);
    }

    @Test
    @DisplayName("a draft has no number: no send is recorded for it, and nothing is sent over SMTP")
    void draftRefused() throws SQLException {
        OutgoingMessage message = message("z@kunde.example", new byte[] {1}, "draft.pdf");
        assertThatThrownBy(() -> Quoting.of(employee).mailing().recordDraft(draft.id(), message, Instant.now()))
                .satisfies(e -> {
                    assertThat(problemOf(e)).isEqualTo(Problem.NOT_ALLOWED);
                    assertThat(((WorklineException) e).text().key()).isEqualTo("quoting.mail.draftHasNoNumber");
                });
        assertThatThrownBy(() -> Quoting.of(employee).mailing().sendViaSmtp(draft.id(), message, smtp(), new SmtpSender()))
                .satisfies(e -> assertThat(((WorklineException) e).text().key()).isEqualTo("quoting.mail.draftHasNoNumber"));
        try (Connection c = db.connectAs(employeePerson)) {
            Sql.selectTenantForSession(c, org);
            assertThatThrownBy(() -> insertSend(c, org, draft.id())).isInstanceOf(SQLException.class)
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("WL002");
        }
        assertThat(Quoting.of(employee).mailing().sends(draft.id())).isEmpty();
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    @DisplayName("with plain SQL an employee cannot record in another's name, nor change or delete a send")
    void insertOnlyAndAttributed() throws SQLException {
        try (Connection c = db.connectAs(employeePerson)) {
            Sql.selectTenantForSession(c, org);
            UUID id = (UUID) Sql.value(c, "INSERT INTO app.quote_sends (organization_id, quote_id, channel, sent_by, recipients, "
                    + "sent_at, subject, created_at) VALUES (?, ?, 'draft', ?, ARRAY['a@b.example'], now(), 'Forged', "
                    + "'2000-01-01') RETURNING id", org, sent.id(), managerPerson.userId());
            assertThat(Sql.rows(db.superuser(), "SELECT sent_by, created_at > now() - interval '1 hour' FROM app.quote_sends "
                    + "WHERE id = ?", id)).containsExactly(List.of(employeePerson.userId(), true));
            assertThatThrownBy(() -> Sql.update(c, "UPDATE app.quote_sends SET subject = 'changed' WHERE id = ?", id))
                    .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42501");
            assertThatThrownBy(() -> Sql.update(c, "DELETE FROM app.quote_sends WHERE id = ?", id))
                    .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42501");
            assertThatThrownBy(() -> Sql.value(c, "INSERT INTO app.quote_sends (organization_id, quote_id, channel, sent_by, "
                    + "recipients, sent_at, subject) VALUES (?, ?, 'smtp', ?, ARRAY['a@b.example'], now(), 'No id') "
                    + "RETURNING id", org, sent.id(), employeePerson.userId()))
                    .as("an SMTP send without its Message-ID").isInstanceOf(SQLException.class);
        }
    }

    @Test
    @DisplayName("end to end: the quote's PDF goes over SMTP with the rendered text, and the send is on the quote")
    void sendOverSmtp() throws Exception {
        QuoteDetails quote = sentQuote("Sent by mail");
        Administration.of(manager).mailSettings(keys).delete();
        Administration.of(manager).mailSettings(keys).save(new MailSettings("127.0.0.1", GREEN_MAIL.getSmtp().getPort(),
                SmtpSettings.Security.NONE, "sales", "sales@alpha.example", "Alpha Sales", false, MailSettings.NOT_STORED),
                SMTP_PASSWORD.toCharArray());
        QuoteMailing mailing = Quoting.of(manager).mailing();
        QuoteMailDraft prepared = mailing.prepare(quote.id(), TEMPLATE, Locale.GERMANY);
        byte[] pdf = pdfOf(prepared.quote());
        OutgoingMessage message = new OutgoingMessage(null, List.of(Mailbox.of(prepared.recipient())), List.of(), List.of(),
                prepared.subject(), prepared.body(), List.of(Attachment.pdf(quote.number() + ".pdf", pdf)));
        SmtpSettings settings = Administration.of(manager).mailSettings(keys).forSending().orElseThrow();

        QuoteSend recorded = mailing.sendViaSmtp(quote.id(), message, settings, new SmtpSender());

        assertThat(GREEN_MAIL.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage received = GREEN_MAIL.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("Quote " + quote.number() + " for Alpha Secret Customer");
        assertThat(received.getFrom()[0].toString()).contains("sales@alpha.example");
        Multipart parts = (Multipart) received.getContent();
        assertThat(((String) parts.getBodyPart(0).getContent()).replace("\r\n", "\n")).isEqualTo(prepared.body());
        Part attachment = parts.getBodyPart(1);
        assertThat(attachment.getDisposition()).isEqualToIgnoringCase(Part.ATTACHMENT);
        assertThat(attachment.getFileName()).isEqualTo(quote.number() + ".pdf");
        try (InputStream in = attachment.getInputStream()) {
            byte[] bytes = in.readAllBytes();
            assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            assertThat(bytes).isEqualTo(pdf);
        }
        assertThat(recorded.record().channel()).isEqualTo(SendRecord.Channel.SMTP);
        assertThat(recorded.record().messageId()).isEqualTo(received.getMessageID());
        assertThat(recorded.record().from()).isEqualTo("sales@alpha.example");
        assertThat(recorded.record().recipients()).containsExactly("ada@alpha-secret.test");
        assertThat(recorded.sentByName()).isEqualTo("Test Manager");
        assertThat(Quoting.of(viewer).mailing().sends(quote.id())).containsExactly(recorded);
        assertThat(Sql.count(db.superuser(), "SELECT count(*) FROM audit.audit_log WHERE table_name = 'app.quote_sends' "
                + "AND row_id = ?", recorded.id())).as("the send is in the quote's history like other changes").isOne();
    }

    private SmtpSettings smtp() {
        return new SmtpSettings("127.0.0.1", GREEN_MAIL.getSmtp().getPort(), SmtpSettings.Security.NONE, "sales",
                SMTP_PASSWORD.toCharArray(), "sales@alpha.example", null);
    }

    private static void insertSend(Connection c, UUID organization, UUID quote) throws SQLException {
        Sql.update(c, "INSERT INTO app.quote_sends (organization_id, quote_id, channel, sent_by, recipients, sent_at, subject) "
                + "VALUES (?, ?, 'draft', sec.current_user_id(), ARRAY['a@b.example'], now(), 'Probe')", organization, quote);
    }
}
