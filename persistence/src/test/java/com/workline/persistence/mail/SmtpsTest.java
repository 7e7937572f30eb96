package com.workline.persistence.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.workline.persistence.common.Problem;
import com.workline.persistence.common.WorklineException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * SMTPS (TLS from the first byte) against GreenMail with a certificate made for 127.0.0.1 by the JDK's keytool: the
 * sender checks the certificate chain and the server name, so it trusts this server only when told to.
 */
class SmtpsTest {
    private static final String STORE_PASSWORD = "changeit";
    private static final String PASSWORD = "geheim";
    @TempDir
    static Path folder;
    private static GreenMail greenMail;
    private static Path keyStore;

    @BeforeAll
    static void startWithOwnCertificate() throws Exception {
        keyStore = folder.resolve("smtps.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "greenmail", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-keystore", keyStore.toString(),
                "-storetype", "PKCS12", "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(output).isZero();
        // Read by GreenMail when its first TLS server starts (once per JVM); only this class starts one.
        System.setProperty("greenmail.tls.keystore.file", keyStore.toString());
        System.setProperty("greenmail.tls.keystore.password", STORE_PASSWORD);
        System.setProperty("greenmail.tls.key.password", STORE_PASSWORD);
        greenMail = new GreenMail(ServerSetupTest.SMTPS.dynamicPort());
        greenMail.start();
        greenMail.setUser("anna@workline.example", "anna", PASSWORD);
    }

    @AfterAll
    static void stop() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    private static SmtpSettings settings() {
        return new SmtpSettings("127.0.0.1", greenMail.getSmtps().getPort(), SmtpSettings.Security.SSL_TLS, "anna",
                PASSWORD.toCharArray(), "anna@workline.example", null);
    }

    @Test
    void sendsOverTlsWhenTheCertificateIsTrusted() throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            trusted.load(in, STORE_PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        SmtpSender sender = new SmtpSender(Duration.ofSeconds(5), Duration.ofSeconds(10), context.getSocketFactory(),
                Clock.systemUTC());

        SendResult result = sender.send(settings(), MailFixtures.quote(null, List.of(Mailbox.of("einkauf@mueller.example")),
                List.of()));

        assertThat(greenMail.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage received = greenMail.getReceivedMessages()[0];
        assertThat(received.getMessageID()).isEqualTo(result.messageId());
        assertThat(received.getSubject()).isEqualTo(MailFixtures.SUBJECT);
        assertThat(MailFixtures.bytes(MailFixtures.attachment(received))).isEqualTo(MailFixtures.pdf());
    }

    @Test
    void anUntrustedCertificateIsTheTlsProblemAndNothingIsSent() {
        int before = greenMail.getReceivedMessages().length;
        SmtpSender sender = new SmtpSender(Duration.ofSeconds(5), Duration.ofSeconds(5), null, Clock.systemUTC());

        assertThatThrownBy(() -> sender.send(settings(), MailFixtures.quote(null,
                List.of(Mailbox.of("einkauf@mueller.example")), List.of())))
                .isInstanceOfSatisfying(WorklineException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.MAIL_TLS_FAILED);
                    assertThat(e.text().key()).isEqualTo("mail.send.untrusted");
                });
        assertThat(greenMail.getReceivedMessages()).hasSize(before);
    }
}
