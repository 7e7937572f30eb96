package com.workline.persistence.common;

/**
 * What went wrong, in terms a user can act on. The UI picks its wording by this key
 * (resource bundle {@code problem.<name>}); {@link WorklineException#getMessage()} is the English fallback.
 */
public enum Problem {
    WRONG_CREDENTIALS,
    ACCOUNT_DEACTIVATED,
    SERVER_UNREACHABLE,
    SERVER_REFUSED,
    /**
     * The encrypted connection to the Workline server could not be set up: its certificate is from an authority this
     * computer does not trust for it or made out for another host name, the CA file is missing, or the server offers no
     * TLS while the configuration requires it. Workline did not connect (not a network outage: see SERVER_UNREACHABLE).
     */
    SERVER_TLS_FAILED,
    SERVER_NOT_INITIALISED,
    NO_MEMBERSHIP,
    CLIENT_OLDER_THAN_SERVER,
    SERVER_OLDER_THAN_CLIENT,
    CONNECTION_LOST,
    NOT_ALLOWED,
    NOT_FOUND,
    ALREADY_EXISTS,
    LAST_OWNER,
    CONFLICT,
    INVALID_INPUT,
    /** The mail server's name is unknown or it does not answer on that port (not the database: see CONNECTION_LOST). */
    MAIL_SERVER_UNREACHABLE,
    /** The mail server refused the user name or password. */
    MAIL_LOGIN_FAILED,
    /** The mail server refused one or more recipients; nothing was sent. */
    MAIL_RECIPIENT_REFUSED,
    /** The encrypted connection to the mail server could not be set up (certificate, STARTTLS missing, wrong port). */
    MAIL_TLS_FAILED,
    /** The mail server stopped answering. */
    MAIL_TIMEOUT,
    /** The mail server refused the sender or the message (size, policy). */
    MAIL_REJECTED,
    /** A stored secret cannot be decrypted here (other computer, lost key file, damaged value): enter it again. */
    SECRET_UNREADABLE,
    UNEXPECTED
}
