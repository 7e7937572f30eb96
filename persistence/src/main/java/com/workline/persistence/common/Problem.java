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
    UNEXPECTED
}
