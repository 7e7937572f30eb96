package com.workline.persistence.admin;

import com.workline.persistence.common.Text;
import com.workline.persistence.common.ValidationException;
import org.postgresql.util.PasswordUtil;

/**
 * Password rules and SCRAM verifiers. The verifier (salted, iterated hash) is computed here on the
 * client, so the plaintext password never reaches the server or its logs.
 */
public final class Passwords {
    public static final int MINIMUM_LENGTH = 8;

    private Passwords() {
    }

    /** The verifier of {@code password}; the caller's array is left intact (pgjdbc wipes the one it is given). */
    public static String scramVerifier(char[] password) {
        return PasswordUtil.encodeScramSha256(password.clone());
    }

    /** Adds a field error when the password is too weak. */
    public static void check(ValidationException.Collector errors, String field, char[] password) {
        errors.check(password != null && password.length >= MINIMUM_LENGTH, field,
                Text.of("admin.password.tooShort", MINIMUM_LENGTH));
        if (password != null && password.length >= MINIMUM_LENGTH) {
            boolean allSame = true;
            for (char c : password) {
                allSame &= c == password[0];
            }
            errors.check(!allSame, field, Text.of("admin.password.repeated"));
        }
    }
}
