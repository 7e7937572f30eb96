package com.workline.persistence.admin;

import com.workline.persistence.mail.SmtpSettings;

/**
 * The signed-in person's own outgoing mail server as the profile screen shows it: everything but the password, of
 * which only whether one is stored (it never leaves {@link MailSettingsService} unsealed except for sending).
 *
 * @param version the stored version, {@link #NOT_STORED} before the first save
 */
public record MailSettings(String host, int port, SmtpSettings.Security security, String username, String fromAddress,
                           String fromName, boolean passwordStored, int version) {
    public static final int NOT_STORED = -1;

    /** Whether these settings were loaded from the database (rather than typed for the first time). */
    public boolean stored() {
        return version != NOT_STORED;
    }
}
