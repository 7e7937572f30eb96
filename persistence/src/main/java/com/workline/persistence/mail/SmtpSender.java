package com.workline.persistence.mail;

import com.workline.persistence.common.Problem;
import com.workline.persistence.common.Text;
import com.workline.persistence.common.WorklineException;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Sends an {@link OutgoingMessage} over the person's own SMTP server and blocks until the server has accepted it or
 * refused: the desktop client runs it as a background task. Every failure becomes a {@link WorklineException} with a
 * mail {@link Problem} and a key of the problems bundle. All recipients or none: if the server refuses one
 * address, nothing is sent. TLS certificates are checked against the JVM's trust store and the server name.
 */
public final class SmtpSender {
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);
    /** Reading and writing: generous, since a large attachment over a slow upload takes a while per block. */
    public static final Duration IO_TIMEOUT = Duration.ofSeconds(60);

    private final Duration connectTimeout;
    private final Duration ioTimeout;
    private final SSLSocketFactory tls;
    private final Clock clock;

    /** Standard timeouts and the JVM's trusted certificates. */
    public SmtpSender() {
        this(CONNECT_TIMEOUT, IO_TIMEOUT, null, Clock.systemUTC());
    }

    /**
     * @param tls the sockets for TLS (e.g. one trusting a company's own certificate authority), null for the JVM's
     *            default trust store
     */
    public SmtpSender(Duration connectTimeout, Duration ioTimeout, SSLSocketFactory tls, Clock clock) {
        this.connectTimeout = connectTimeout;
        this.ioTimeout = ioTimeout;
        this.tls = tls;
        this.clock = clock;
    }

    /** Sends {@code message} as the settings' sender (its own {@code from}, if any, is replaced). */
    public SendResult send(SmtpSettings settings, OutgoingMessage message) {
        OutgoingMessage outgoing = message.withFrom(settings.sender());
        Session session = Session.getInstance(properties(settings));
        String messageId = MimeMessages.newMessageId(settings.sender());
        Instant now = clock.instant();
        char[] password = settings.password();
        try {
            MimeMessage mime = MimeMessages.build(session, outgoing, messageId);
            mime.setSentDate(Date.from(now));
            mime.saveChanges();
            try (Transport transport = session.getTransport("smtp")) {
                // Jakarta Mail takes the password only as a String; it lives as long as this call.
                transport.connect(settings.host(), settings.port(), settings.username(),
                        settings.signsIn() ? new String(password) : null);
                transport.sendMessage(mime, mime.getAllRecipients());
            }
            List<String> accepted = outgoing.recipients().stream().map(Mailbox::address).toList();
            return new SendResult(messageId, accepted, now);
        } catch (MessagingException e) {
            throw failure(settings, e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /**
     * Connects, secures and signs in as {@link #send} would, then leaves without sending: the settings screen's "Test
     * connection". Fails with the same problems.
     */
    public void check(SmtpSettings settings) {
        Session session = Session.getInstance(properties(settings));
        char[] password = settings.password();
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect(settings.host(), settings.port(), settings.username(),
                    settings.signsIn() ? new String(password) : null);
        } catch (MessagingException e) {
            throw failure(settings, e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    Properties properties(SmtpSettings settings) {
        Properties p = new Properties();
        p.put("mail.smtp.host", settings.host());
        p.put("mail.smtp.port", String.valueOf(settings.port()));
        p.put("mail.smtp.connectiontimeout", String.valueOf(connectTimeout.toMillis()));
        p.put("mail.smtp.timeout", String.valueOf(ioTimeout.toMillis()));
        p.put("mail.smtp.writetimeout", String.valueOf(ioTimeout.toMillis()));
        p.put("mail.smtp.auth", String.valueOf(settings.signsIn()));
        p.put("mail.smtp.from", settings.fromAddress());
        p.put("mail.smtp.sendpartial", "false");
        switch (settings.security()) {
            case NONE -> {
                p.put("mail.smtp.starttls.enable", "false");
                p.put("mail.smtp.ssl.enable", "false");
            }
            case STARTTLS -> {
                p.put("mail.smtp.starttls.enable", "true");
                p.put("mail.smtp.starttls.required", "true");
            }
            case SSL_TLS -> p.put("mail.smtp.ssl.enable", "true");
        }
        if (settings.security() != SmtpSettings.Security.NONE) {
            p.put("mail.smtp.ssl.checkserveridentity", "true");
            p.put("mail.smtp.ssl.protocols", "TLSv1.3 TLSv1.2");
            if (tls != null) {
                p.put("mail.smtp.ssl.socketFactory", tls);
            }
        }
        return p;
    }

    /** The one place a mail failure gets its words. Order matters: the most specific cause first. */
    static WorklineException failure(SmtpSettings settings, MessagingException e) {
        String host = settings.host();
        if (e instanceof AuthenticationFailedException) {
            return new WorklineException(Problem.MAIL_LOGIN_FAILED, Text.of("mail.send.loginFailed", host), e);
        }
        SMTPSenderFailedException sender = find(e, SMTPSenderFailedException.class);
        if (sender != null) {
            return new WorklineException(Problem.MAIL_REJECTED, Text.of("mail.send.senderRefused",
                    settings.fromAddress(), serverReply(sender)), e);
        }
        if (e instanceof SendFailedException failed && failed.getInvalidAddresses() != null
                && failed.getInvalidAddresses().length > 0) {
            String refused = Arrays.stream(failed.getInvalidAddresses()).map(Address::toString)
                    .collect(Collectors.joining(", "));
            return new WorklineException(Problem.MAIL_RECIPIENT_REFUSED, Text.of("mail.send.recipientRefused", refused), e);
        }
        if (find(e, UnknownHostException.class) != null) {
            return new WorklineException(Problem.MAIL_SERVER_UNREACHABLE, Text.of("mail.send.unknownHost", host), e);
        }
        if (find(e, ConnectException.class) != null || find(e, NoRouteToHostException.class) != null) {
            return new WorklineException(Problem.MAIL_SERVER_UNREACHABLE,
                    Text.of("mail.send.unreachable", host, settings.port()), e);
        }
        if (find(e, SocketTimeoutException.class) != null) {
            return new WorklineException(Problem.MAIL_TIMEOUT, Text.of("mail.send.timeout", host), e);
        }
        String text = allMessages(e);
        if (text.contains("STARTTLS is required")) {
            return new WorklineException(Problem.MAIL_TLS_FAILED, Text.of("mail.send.startTlsMissing", host), e);
        }
        if (find(e, CertificateException.class) != null || text.contains("verify identity of server")
                || text.contains("PKIX") || text.contains("not trusted")) {
            return new WorklineException(Problem.MAIL_TLS_FAILED, Text.of("mail.send.untrusted", host), e);
        }
        if (find(e, SSLException.class) != null) {
            return new WorklineException(Problem.MAIL_TLS_FAILED, Text.of("mail.send.tlsFailed", host, settings.port()), e);
        }
        return new WorklineException(Problem.MAIL_REJECTED, Text.of("mail.send.rejected", host, serverReply(e)), e);
    }

    /** The server's answer (e.g. {@code 552 5.3.4 Message size exceeds fixed limit}) or the innermost message. */
    private static String serverReply(Exception e) {
        Throwable inner = e;
        while (inner.getCause() != null && inner.getCause() != inner) {
            inner = inner.getCause();
        }
        String reply = inner.getMessage() == null ? inner.getClass().getSimpleName() : inner.getMessage();
        return reply.strip();
    }

    private static String allMessages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
