package com.workline.persistence.admin;

import com.workline.persistence.common.ConcurrentEditException;
import com.workline.persistence.common.Problem;
import com.workline.persistence.common.SecretBox;
import com.workline.persistence.common.Text;
import com.workline.persistence.common.ValidationException;
import com.workline.persistence.common.WorklineException;
import com.workline.persistence.db.Jdbc;
import com.workline.persistence.db.TenantDatabase;
import com.workline.persistence.mail.SmtpSettings;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The signed-in person's own SMTP settings ({@code app.smtp_settings}, V11): one row per person, visible to that person
 * alone, whatever organization is selected. The password is stored sealed by {@link SecretBox} with the key in the
 * person's local data folder and the person's id as associated data, and opened only to test or to send (docs/mail.md,
 * "Who can see the SMTP password"). Every method does file or database work: call it off the FX thread.
 */
public final class MailSettingsService {
    private static final String COLUMNS = "host, port, security, username, password_sealed, from_address, from_name, version";

    private final TenantDatabase db;
    private final UUID userId;
    private final Path keyFolder;

    /** @param keyFolder the person's local data folder on this computer, where {@link SecretBox} keeps its key */
    public MailSettingsService(TenantDatabase db, UUID userId, Path keyFolder) {
        this.db = db;
        this.userId = userId;
        this.keyFolder = keyFolder;
    }

    /** The associated data of the sealed password: a value copied into another person's row does not open. */
    static String context(UUID userId) {
        return "smtp.password:" + userId;
    }

    /** The stored settings without the password; empty when the person has none. */
    public Optional<MailSettings> load() {
        return Optional.ofNullable(Jdbc.write(db, c -> stored(c))).map(Stored::settings);
    }

    /**
     * The stored settings ready to send with, the password opened with this computer's key; empty when the person has
     * none. {@link Problem#SECRET_UNREADABLE} when the password was stored on another computer (enter it again). Call
     * {@link SmtpSettings#clearPassword()} when done.
     */
    public Optional<SmtpSettings> forSending() {
        Stored stored = Jdbc.write(db, c -> stored(c));
        if (stored == null) {
            return Optional.empty();
        }
        char[] password = stored.sealedPassword == null ? null : box().openChars(stored.sealedPassword, context(userId));
        try {
            MailSettings s = stored.settings();
            return Optional.of(new SmtpSettings(s.host(), s.port(), s.security(), s.username(), password, s.fromAddress(),
                    s.fromName()));
        } finally {
            wipe(password);
        }
    }

    /**
     * What the form holds as settings to connect with ("Test connection", and the check before saving): the typed
     * password, or the stored one when the field is left empty. A {@link ValidationException} names the fields (host,
     * port, security, username, password, fromAddress, fromName); a stored password this computer cannot open is an
     * error of the password field. Call {@link SmtpSettings#clearPassword()} when done.
     */
    public SmtpSettings resolve(MailSettings typed, char[] newPassword) {
        char[] password = null;
        try {
            boolean keep = newPassword == null || newPassword.length == 0;
            if (typed.username() != null && !typed.username().isBlank() && keep) {
                password = storedPassword();
            }
            return new SmtpSettings(typed.host(), typed.port(), typed.security(), typed.username(),
                    keep ? password : newPassword, typed.fromAddress(), typed.fromName());
        } finally {
            wipe(password);
        }
    }

    /**
     * Saves the settings; {@code newPassword} empty keeps the stored password (it must open on this computer). Without
     * a user name no password is kept. {@link ConcurrentEditException} if the settings were saved or removed elsewhere
     * (another of the person's computers) since {@code typed} was loaded.
     */
    public MailSettings save(MailSettings typed, char[] newPassword) {
        SmtpSettings settings = resolve(typed, newPassword);
        char[] password = settings.password();
        try {
            String sealed = settings.signsIn() ? box().sealChars(password, context(userId)) : null;
            String security = settings.security().name().toLowerCase(Locale.ROOT);
            return Jdbc.write(db, c -> {
                Object[] values = {settings.host(), settings.port(), security, settings.username(), sealed,
                        settings.fromAddress(), settings.fromName()};
                Integer version;
                if (typed.stored()) {
                    version = Jdbc.one(c, """
                                    UPDATE app.smtp_settings SET host = ?, port = ?, security = ?, username = ?,
                                           password_sealed = ?, from_address = ?, from_name = ?, version = version + 1
                                     WHERE user_id = sec.current_user_id() AND version = ? RETURNING version""",
                            rs -> rs.getInt(1), append(values, typed.version()));
                } else {
                    version = Jdbc.one(c, """
                                    INSERT INTO app.smtp_settings (host, port, security, username, password_sealed,
                                                                   from_address, from_name)
                                    VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (user_id) DO NOTHING RETURNING version""",
                            rs -> rs.getInt(1), values);
                }
                if (version == null) {
                    throw new ConcurrentEditException("record.mailSettings");
                }
                return stored(c).settings();
            });
        } finally {
            wipe(password);
            settings.clearPassword();
        }
    }

    /** Removes the person's settings (and with them the sealed password); nothing happens if there are none. */
    public void delete() {
        Jdbc.write(db, c -> Jdbc.update(c, "DELETE FROM app.smtp_settings WHERE user_id = sec.current_user_id()"));
    }

    private char[] storedPassword() {
        Stored stored = Jdbc.write(db, c -> stored(c));
        if (stored == null || stored.sealedPassword == null) {
            return null;
        }
        try {
            return box().openChars(stored.sealedPassword, context(userId));
        } catch (WorklineException unreadable) {
            if (unreadable.problem() == Problem.SECRET_UNREADABLE) {
                throw ValidationException.of(Map.of("password", unreadable.text()));
            }
            throw unreadable;
        }
    }

    private SecretBox box() {
        return SecretBox.inFolder(keyFolder);
    }

    private static Stored stored(Connection c) throws SQLException {
        return Jdbc.one(c, "SELECT " + COLUMNS + " FROM app.smtp_settings WHERE user_id = sec.current_user_id()",
                rs -> new Stored(new MailSettings(rs.getString(1), rs.getInt(2),
                        SmtpSettings.Security.valueOf(rs.getString(3).toUpperCase(Locale.ROOT)), rs.getString(4),
                        rs.getString(6), rs.getString(7), rs.getString(5) != null, rs.getInt(8)), rs.getString(5)));
    }

    private static Object[] append(Object[] values, Object last) {
        Object[] all = Arrays.copyOf(values, values.length + 1);
        all[values.length] = last;
        return all;
    }

    private static void wipe(char[] password) {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }

    private record Stored(MailSettings settings, String sealedPassword) {
    }
}
