package com.workline.persistence.mail;

import com.workline.persistence.common.Problem;
import com.workline.persistence.common.Text;
import com.workline.persistence.common.WorklineException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * An {@code .eml} file the person's own mail program opens as an unsent draft: header {@code X-Unsent: 1} (honoured by
 * Outlook; see docs/mail.md for other programs), no Date and no Message-ID (the mail program sets both when the
 * person presses Send, so the message is dated when it really leaves and lands in their own Sent folder).
 */
public final class EmlDraft {
    public static final String UNSENT_HEADER = "X-Unsent";

    private EmlDraft() {
    }

    /** The draft as the bytes of an RFC 5322 message (CRLF line ends, 7-bit: UTF-8 text is encoded). */
    public static byte[] write(OutgoingMessage message) {
        try {
            MimeMessage mime = MimeMessages.build(Session.getInstance(new Properties()), message, null);
            mime.setHeader(UNSENT_HEADER, "1");
            mime.saveChanges();
            mime.removeHeader("Date");
            mime.removeHeader("Message-ID");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            mime.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException | IOException e) {
            throw new WorklineException(Problem.UNEXPECTED, Text.of("mail.draft.notWritten", String.valueOf(e.getMessage())), e);
        }
    }

    /**
     * Writes the draft into {@code folder} (created if missing) under a name made of {@code baseName}
     * ({@code Quote Q-2026-0042} becomes {@code Quote Q-2026-0042.eml}); the desktop client then asks the operating
     * system to open it.
     */
    public static Path save(OutgoingMessage message, Path folder, String baseName) {
        try {
            Files.createDirectories(folder);
            Path file = folder.resolve(fileName(baseName));
            Files.write(file, write(message));
            return file;
        } catch (IOException e) {
            throw new WorklineException(Problem.UNEXPECTED, Text.of("mail.draft.notSaved", folder.toString()), e);
        }
    }

    /** A file name every operating system accepts: no path or reserved characters, at most 100 characters. */
    static String fileName(String baseName) {
        String safe = baseName == null ? "" : baseName.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        safe = safe.replaceAll("^[.\\s]+|[.\\s]+$", "");
        if (safe.length() > 100) {
            safe = safe.substring(0, 100).strip();
        }
        return (safe.isEmpty() ? "draft" : safe) + ".eml";
    }
}
