package com.workline.persistence.db;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The PostgreSQL role names of one Workline database. A configurable prefix lets several Workline
 * databases share a cluster. Person logins are opaque: a hash of the email, so {@code pg_roles} and
 * {@code pg_stat_activity} show neither who a person is nor which company they work for. The same
 * derivation exists in SQL ({@code sec.login_for_email}); a test keeps the two equal.
 */
public record RoleNames(String prefix) {
    public static final String DEFAULT_PREFIX = "wl";
    private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9_]{0,19}");

    public RoleNames {
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("A role prefix is 1 to 20 lower-case letters, digits or underscores, "
                    + "starting with a letter: " + prefix);
        }
    }

    public static RoleNames defaults() {
        return new RoleNames(DEFAULT_PREFIX);
    }

    /** Owns every object; migrations and the admin command line act as it. NOLOGIN. */
    public String owner() {
        return prefix + "_owner";
    }

    /** The group every person login belongs to; holds the DML grants. NOLOGIN. */
    public String person() {
        return prefix + "_person";
    }

    /** May read person logins' password verifiers, for a connection pooler's auth_query only (init-server --pooler-login). NOLOGIN. */
    public String authLookup() {
        return prefix + "_auth_lookup";
    }

    public String loginFor(String email) {
        String normalised = email.strip().toLowerCase(Locale.ROOT);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("workline-login:" + prefix + ":" + normalised).getBytes(StandardCharsets.UTF_8));
            return prefix + "_u_" + HexFormat.of().formatHex(digest).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
