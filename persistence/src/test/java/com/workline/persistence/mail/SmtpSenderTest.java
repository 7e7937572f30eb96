package com.workline.persistence.mail;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.workline.persistence.common.Problem;
import com.workline.persistence.common.WorklineException;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static com.workline.persistence.mail.MailFixtures.BODY;
import static com.workline.persistence.mail.MailFixtures.FILE_NAME;
import static com.workline.persistence.mail.MailFixtures.SUBJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sending against GreenMail's in-process SMTP server on a free port, and a scripted one for refusals. */
class SmtpSenderTest {
    private static final String PASSWORD = "G3h\u00e9im!";
    private static final Instant NOW = Instant.parse("2026-11-24T09:30:00Z");

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("anna@workline.example", "anna", PASSWORD));

    private final SmtpSender sender = new SmtpSender(Duration.ofSeconds(5), Duration.ofSeconds(5), null,
            Clock.fixed(NOW, ZoneOffset.UTC));

    private static SmtpSettings settings(String host, int port, SmtpSettings.Security security, String password) {
        return new SmtpSettings(host, port, security, "anna", password == null ? null : password.toCharArray(),
                "anna@workline.example", "Anna Schr\u00f6der");
    }

    private static SmtpSettings greenMail(String password) {
        return settings("127.0.0.1", GREEN_MAIL.getSmtp().getPort(), SmtpSettings.Security.NONE, password);
    }

    private static final List<Mailbox> TO = List.of(new Mailbox("einkauf@mueller.example", "M\u00fcller Einkauf"),
            Mailbox.of("chef@mueller.example"));
    private static final List<Mailbox> CC = List.of(Mailbox.of("buero@workline.example"));

    @Test
    void sentMessageArrivesWithTheAttachmentIntactUmlautsAndEveryRecipient() throws Exception {
        SendResult result = sender.send(greenMail(PASSWORD), MailFixtures.quote(null, TO, CC));

        assertThat(result.acceptedRecipients())
                .containsExactly("einkauf@mueller.example", "chef@mueller.example", "buero@workline.example");
        assertThat(result.sentAt()).isEqualTo(NOW);
        assertThat(result.messageId()).matches("<[0-9a-f-]{36}\\.workline@workline\\.example>");
        assertThat(GREEN_MAIL.waitForIncomingEmail(5_000, 3)).isTrue();
        MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
        assertThat(received).hasSize(3);
        for (MimeMessage message : received) {
            assertThat(message.getSubject()).isEqualTo(SUBJECT);
            assertThat(message.getMessageID()).isEqualTo(result.messageId());
            assertThat(message.getSentDate().toInstant()).isEqualTo(NOW);
            assertThat(message.getFrom()[0].toString()).contains("anna@workline.example");
            assertThat(((jakarta.mail.internet.InternetAddress) message.getFrom()[0]).getPersonal())
                    .isEqualTo("Anna Schr\u00f6der");
            assertThat(Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString))
                    .hasSize(2).anySatisfy(a -> assertThat(a).contains("einkauf@mueller.example"));
            assertThat(message.getRecipients(Message.RecipientType.CC)).hasSize(1);
            assertThat(MailFixtures.text(message)).isEqualTo(BODY);
            BodyPart pdf = MailFixtures.attachment(message);
            assertThat(pdf.getFileName()).isEqualTo(FILE_NAME);
            assertThat(MailFixtures.bytes(pdf)).isEqualTo(MailFixtures.pdf());
        }
    }

    @Test
    void bccReachesItsRecipientWithoutAppearingInTheHeaders() throws Exception {
        OutgoingMessage message = new OutgoingMessage(null, TO.subList(0, 1), List.of(),
                List.of(Mailbox.of("anna@workline.example")), "Kopie", "f\u00fcr mich", List.of());

        SendResult result = sender.send(greenMail(PASSWORD), message);

        assertThat(result.acceptedRecipients()).containsExactly("einkauf@mueller.example", "anna@workline.example");
        assertThat(GREEN_MAIL.waitForIncomingEmail(5_000, 2)).isTrue();
        for (MimeMessage received : GREEN_MAIL.getReceivedMessages()) {
            assertThat(received.getHeader("Bcc")).isNull();
        }
    }

    @Test
    void wrongPasswordIsTheLoginProblem() {
        assertThatThrownBy(() -> sender.send(greenMail("wrong"), MailFixtures.quote(null, TO, List.of())))
                .isInstanceOfSatisfying(WorklineException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.MAIL_LOGIN_FAILED);
                    assertThat(e.text().key()).isEqualTo("mail.send.loginFailed");
                    assertThat(e.getMessage()).isEqualTo(
                            "The mail server 127.0.0.1 did not accept your user name or password. Nothing was sent.");
                    assertThat(e.text().render(Locale.GERMAN)).contains("Benutzername oder Passwort");
                });
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void checkSignsInWithoutSending() {
        sender.check(greenMail(PASSWORD));

        assertThatThrownBy(() -> sender.check(greenMail("wrong"))).isInstanceOfSatisfying(WorklineException.class,
                e -> assertThat(e.problem()).isEqualTo(Problem.MAIL_LOGIN_FAILED));
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void refusedConnectionIsTheUnreachableProblem() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }

        assertThatThrownBy(() -> sender.send(settings("127.0.0.1", closedPort, SmtpSettings.Security.NONE, PASSWORD),
                MailFixtures.quote(null, TO, List.of())))
                .isInstanceOfSatisfying(WorklineException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.MAIL_SERVER_UNREACHABLE);
                    assertThat(e.getMessage()).isEqualTo("The mail server 127.0.0.1 does not answer on port " + closedPort
                            + ". Check the name, the port and the network. Nothing was sent.");
                });
    }

    @Test
    void unknownHostIsTheUnreachableProblemNamingTheServer() {
        assertThatThrownBy(() -> sender.send(settings("smtp.no-such-host.invalid", 587, SmtpSettings.Security.STARTTLS,
                PASSWORD), MailFixtures.quote(null, TO, List.of())))
                .isInstanceOfSatisfying(WorklineException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.MAIL_SERVER_UNREACHABLE);
                    assertThat(e.text().key()).isEqualTo("mail.send.unknownHost");
                    assertThat(e.getMessage()).contains("\"smtp.no-such-host.invalid\"");
                });
    }

    @Test
    void requiredStartTlsMissingNeverSendsThePasswordInPlainText() {
        // GreenMail's SMTP does not offer STARTTLS: the sender must stop before AUTH.
        SmtpSettings startTls = settings("127.0.0.1", GREEN_MAIL.getSmtp().getPort(), SmtpSettings.Security.STARTTLS, PASSWORD);

        assertThatThrownBy(() -> sender.send(startTls, MailFixtures.quote(null, TO, List.of())))
                .isInstanceOfSatisfying(WorklineException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.MAIL_TLS_FAILED);
                    assertThat(e.text().key()).isEqualTo("mail.send.startTlsMissing");
                });
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void refusedRecipientSendsNothingAndNamesTheAddress() throws Exception {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.answering(line ->
                line.toUpperCase(Locale.ROOT).startsWith("RCPT TO:<CHEF@") ? "550 5.1.1 <chef@mueller.example>: User unknown" : null)) {
            SmtpSettings open = new SmtpSettings("127.0.0.1", server.port(), SmtpSettings.Security.NONE, null, null,
                    "anna@workline.example", null);

            assertThatThrownBy(() -> sender.send(open, MailFixtures.quote(null, TO, List.of())))
                    .isInstanceOfSatisfying(WorklineException.class, e -> {
                        assertThat(e.problem()).isEqualTo(Problem.MAIL_RECIPIENT_REFUSED);
                        assertThat(e.getMessage()).isEqualTo(
                                "The mail server refused these recipients: chef@mueller.example. Nothing was sent.");
                    });
        }
    }

    @Test
    void refusedSenderIsTheRejectedProblemWithTheServersReply() throws Exception {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.answering(line ->
                line.toUpperCase(Locale.ROOT).startsWith("MAIL FROM") ? "553 5.7.1 Sender address rejected: not owned by user" : null)) {
            SmtpSettings open = new SmtpSettings("127.0.0.1", server.port(), SmtpSettings.Security.NONE, null, null,
                    "anna@workline.example", null);

            assertThatThrownBy(() -> sender.send(open, MailFixtures.quote(null, TO, List.of())))
                    .isInstanceOfSatisfying(WorklineException.class, e -> {
                        assertThat(e.problem()).isEqualTo(Problem.MAIL_REJECTED);
                        assertThat(e.text().key()).isEqualTo("mail.send.senderRefused");
                        assertThat(e.getMessage()).contains("anna@workline.example").contains("not owned by user");
                    });
        }
    }

    @Test
    void silentServerIsTheTimeoutProblem() throws Exception {
        SmtpSender impatient = new SmtpSender(Duration.ofSeconds(2), Duration.ofMillis(500), null, Clock.systemUTC());
        try (ScriptedSmtpServer server = ScriptedSmtpServer.silent()) {
            SmtpSettings open = new SmtpSettings("127.0.0.1", server.port(), SmtpSettings.Security.NONE, null, null,
                    "anna@workline.example", null);
            long start = System.nanoTime();

            assertThatThrownBy(() -> impatient.send(open, MailFixtures.quote(null, TO, List.of())))
                    .isInstanceOfSatisfying(WorklineException.class,
                            e -> assertThat(e.problem()).isEqualTo(Problem.MAIL_TIMEOUT));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void tlsSpokenToAPlainServerIsTheTlsProblem() {
        SmtpSettings tls = settings("127.0.0.1", GREEN_MAIL.getSmtp().getPort(), SmtpSettings.Security.SSL_TLS, PASSWORD);

        assertThatThrownBy(() -> sender.send(tls, MailFixtures.quote(null, TO, List.of())))
                .isInstanceOfSatisfying(WorklineException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.MAIL_TLS_FAILED);
                    assertThat(e.text().key()).isEqualTo("mail.send.tlsFailed");
                });
    }
}
