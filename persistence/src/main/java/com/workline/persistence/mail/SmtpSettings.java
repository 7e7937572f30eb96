package com.workline.persistence.mail;

import com.workline.persistence.common.Checks;
import com.workline.persistence.common.ValidationException;

import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A person's own outgoing mail server, kept in their profile (see docs/mail.md for who can read the password).
 * Validated on construction: field errors by name ({@code host}, {@code port}, {@code security}, {@code username},
 * {@code password}, {@code fromAddress}, {@code fromName}).
 *
 * @param username empty or null when the server accepts mail without signing in (an internal relay)
 * @param password copied in; {@link #clearPassword()} wipes this copy when the settings are no longer needed
 */
public record SmtpSettings(String host, int port, Security security, String username, char[] password,
                           String fromAddress, String fromName) {
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]+\\]");

    /** How the connection is protected. */
    public enum Security {
        /** Plain text: only for a relay inside the company network. */
        NONE(25),
        /** Plain connection upgraded with STARTTLS, which is required (never falls back to plain text). */
        STARTTLS(587),
        /** TLS from the first byte ("SSL", SMTPS). */
        SSL_TLS(465);

        private final int defaultPort;

        Security(int defaultPort) {
            this.defaultPort = defaultPort;
        }

        public int defaultPort() {
            return defaultPort;
        }
    }

    public SmtpSettings {
        host = host == null ? null : host.strip();
        username = username == null || username.isBlank() ? null : username.strip();
        password = password == null ? new char[0] : password.clone();
        fromAddress = fromAddress == null ? null : fromAddress.strip();
        fromName = fromName == null || fromName.isBlank() ? null : fromName.strip();
        new ValidationException.Collector()
                .require(Checks.present(host), "host", "mail.smtp.hostRequired")
                .require(host == null || host.length() <= 253 && HOST.matcher(host).matches(), "host", "mail.smtp.hostInvalid")
                .require(port >= 1 && port <= 65535, "port", "mail.smtp.portRange")
                .require(security != null, "security", "mail.smtp.securityRequired")
                .require(Checks.maxLength(username, 320), "username", "field.text.tooLong", 320)
                .require(username == null || password.length > 0, "password", "mail.smtp.passwordRequired")
                .require(Checks.email(fromAddress), "fromAddress", "field.email.invalid")
                .require(Checks.maxLength(fromName, 200), "fromName", "field.text.tooLong", 200)
                .throwIfAny();
    }

    /** Whether the server wants a user name and password. */
    public boolean signsIn() {
        return username != null;
    }

    /** A copy of the password. */
    @Override
    public char[] password() {
        return password.clone();
    }

    /** The sender every message of these settings goes out as. */
    public Mailbox sender() {
        return new Mailbox(fromAddress, fromName);
    }

    /** Overwrites this object's copy of the password with zeros. */
    public void clearPassword() {
        Arrays.fill(password, '\0');
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SmtpSettings s && port == s.port && security == s.security && Objects.equals(host, s.host)
                && Objects.equals(username, s.username) && Arrays.equals(password, s.password)
                && Objects.equals(fromAddress, s.fromAddress) && Objects.equals(fromName, s.fromName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(host, port, security, username, fromAddress, fromName);
    }

    /** Never shows the password (logs, exceptions, debuggers' summaries). */
    @Override
    public String toString() {
        return "SmtpSettings[" + host + ":" + port + ", " + security + ", user=" + username + ", password="
                + (password.length == 0 ? "none" : "***") + ", from=" + sender() + "]";
    }
}
