package com.workline.ui.quoting;

import com.workline.persistence.admin.MailSettingsService;
import com.workline.persistence.common.Problem;
import com.workline.persistence.common.Text;
import com.workline.persistence.common.ValidationException;
import com.workline.persistence.common.WorklineException;
import com.workline.persistence.mail.Attachment;
import com.workline.persistence.mail.EmlDraft;
import com.workline.persistence.mail.Mailbox;
import com.workline.persistence.mail.OutgoingMessage;
import com.workline.persistence.mail.SmtpSender;
import com.workline.persistence.mail.SmtpSettings;
import com.workline.persistence.quoting.QuoteDetails;
import com.workline.persistence.quoting.QuoteMailDraft;
import com.workline.persistence.quoting.QuoteMailing;
import com.workline.ui.common.FieldErrors;
import com.workline.ui.common.Messages;
import com.workline.ui.task.BackgroundTasks;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "E-mail quote" dialog: recipients (prefilled with the quote's contact or customer), subject and text from the
 * template, the quote's PDF attached, and the two ways out of docs/mail.md: a draft opened in the person's own mail
 * program, or sending now over the person's SMTP server (offered only when they have set one up). Both are recorded on
 * the quote. The PDF, the file, the mail and the record are all made in the background; what was typed stays whatever
 * happens.
 */
public final class SendQuoteViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(SendQuoteViewModel.class);
    private static final Pattern NAMED = Pattern.compile("\\s*(.*?)\\s*<([^<>]+)>\\s*");

    /** Opens a file with the program the operating system associates with it; false if it cannot. */
    public interface FileOpener {
        boolean open(Path file);
    }

    /** Where the dialog stands. */
    public enum Outcome { LOADING, READY, WORKING, DONE, FAILED }

    /** The system's "open with the default program" (java.awt.Desktop); false where there is none (headless, some Linux desktops). */
    public static final FileOpener SYSTEM = file -> {
        try {
            if (GraphicsEnvironment.isHeadless() || !Desktop.isDesktopSupported()
                    || !Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
                return false;
            }
            Desktop.getDesktop().open(file.toFile());
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.info("The operating system did not open {}: {}", file, e.toString());
            return false;
        }
    };

    private final QuoteMailing mailing;
    private final MailSettingsService mailSettings;
    private final SmtpSender sender;
    private final Supplier<byte[]> pdf;
    private final QuoteDetails quote;
    private final String attachmentName;
    private final BackgroundTasks tasks;
    private final Locale locale;
    private final FileOpener opener;
    private final Clock clock;
    private final Runnable recorded;
    private final StringProperty to = new SimpleStringProperty("");
    private final StringProperty cc = new SimpleStringProperty("");
    private final StringProperty subject = new SimpleStringProperty("");
    private final StringProperty body = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper smtpAvailable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Outcome> outcome = new ReadOnlyObjectWrapper<>(Outcome.LOADING);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Path> draftFile = new ReadOnlyObjectWrapper<>();
    private final FieldErrors errors = new FieldErrors();

    /**
     * @param quote          a quote with a number (a draft is sent first, by the editor)
     * @param pdf            renders the stored quote's PDF (called in the background)
     * @param attachmentName the PDF's file name in the message
     * @param recorded       called after a send was recorded (the editor refreshes its list)
     */
    public SendQuoteViewModel(QuoteMailing mailing, MailSettingsService mailSettings, SmtpSender sender, Supplier<byte[]> pdf,
                              QuoteDetails quote, String attachmentName, BackgroundTasks tasks, Locale locale,
                              FileOpener opener, Clock clock, Runnable recorded) {
        this.mailing = mailing;
        this.mailSettings = mailSettings;
        this.sender = sender;
        this.pdf = pdf;
        this.quote = quote;
        this.attachmentName = attachmentName;
        this.tasks = tasks;
        this.locale = locale;
        this.opener = opener;
        this.clock = clock;
        this.recorded = recorded;
    }

    public StringProperty toProperty() {
        return to;
    }

    public StringProperty ccProperty() {
        return cc;
    }

    public StringProperty subjectProperty() {
        return subject;
    }

    public StringProperty bodyProperty() {
        return body;
    }

    public QuoteDetails quote() {
        return quote;
    }

    public String attachmentName() {
        return attachmentName;
    }

    /** Whether the person has SMTP settings: "Send now" is offered only then. */
    public ReadOnlyBooleanProperty smtpAvailableProperty() {
        return smtpAvailable.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Outcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The saved draft, once there is one (shown when the system could not open it). */
    public ReadOnlyObjectProperty<Path> draftFileProperty() {
        return draftFile.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return tasks.busyProperty();
    }

    public FieldErrors errors() {
        return errors;
    }

    /** Fills in the recipient and the template's text, and finds out whether the person can send over SMTP. */
    public void load() {
        outcome.set(Outcome.LOADING);
        message.set(Messages.get("sendQuote.loading"));
        tasks.run(() -> new Loaded(mailing.prepare(quote.id(),
                QuoteMailing.template(Messages.get("mail.quote.subject"), Messages.get("mail.quote.body")), locale),
                mailSettings.load().isPresent()), loaded -> {
            QuoteMailDraft draft = loaded.draft();
            if (to.get().isBlank() && draft.recipient() != null) {
                to.set(draft.recipient());
            }
            if (subject.get().isBlank()) {
                subject.set(draft.subject());
            }
            if (body.get().isBlank()) {
                body.set(draft.body());
            }
            smtpAvailable.set(loaded.smtp());
            outcome.set(Outcome.READY);
            message.set("");
        }, this::failed);
    }

    /** Way 1: an .eml draft in a temporary folder, opened by the operating system, recorded as prepared. */
    public void openDraft() {
        Recipients recipients = recipients();
        if (recipients == null) {
            return;
        }
        String typedSubject = subject.get();
        String typedBody = body.get();
        String baseName = Messages.get("mail.draft.fileName", quote.number());
        outcome.set(Outcome.WORKING);
        message.set(Messages.get("sendQuote.preparing"));
        tasks.run(() -> {
            OutgoingMessage mail = new OutgoingMessage(null, recipients.to(), recipients.cc(), List.of(), typedSubject,
                    typedBody, List.of(Attachment.pdf(attachmentName, pdf.get())));
            Path file = EmlDraft.save(mail, temporaryFolder(), baseName);
            boolean opened = opener.open(file);
            mailing.recordDraft(quote.id(), mail, clock.instant());
            return new DraftResult(file, opened);
        }, result -> {
            draftFile.set(result.file());
            outcome.set(Outcome.DONE);
            message.set(result.opened() ? Messages.get("sendQuote.draftOpened")
                    : Messages.get("sendQuote.draftSaved", result.file().toAbsolutePath().toString()));
            recorded.run();
        }, this::failed);
    }

    /** Way 2: sends now over the person's SMTP server and records it on the quote. */
    public void sendNow() {
        if (!smtpAvailable.get()) {
            return;
        }
        Recipients recipients = recipients();
        if (recipients == null) {
            return;
        }
        String typedSubject = subject.get();
        String typedBody = body.get();
        outcome.set(Outcome.WORKING);
        message.set(Messages.get("sendQuote.sending", String.join(", ", recipients.to().stream().map(Mailbox::address).toList())));
        tasks.run(() -> {
            SmtpSettings settings = mailSettings.forSending()
                    .orElseThrow(() -> new WorklineException(Problem.NOT_FOUND, Text.of("mail.settings.none")));
            try {
                OutgoingMessage mail = new OutgoingMessage(null, recipients.to(), recipients.cc(), List.of(), typedSubject,
                        typedBody, List.of(Attachment.pdf(attachmentName, pdf.get())));
                return mailing.sendViaSmtp(quote.id(), mail, settings, sender);
            } finally {
                settings.clearPassword();
            }
        }, sent -> {
            outcome.set(Outcome.DONE);
            message.set(Messages.get("sendQuote.sent", String.join(", ", sent.record().recipients())));
            recorded.run();
        }, this::failed);
    }

    /** The typed addresses, checked as the message will check them; null (with field errors) when they are not right. */
    private Recipients recipients() {
        errors.clear();
        List<Mailbox> toBoxes = addresses(to.get());
        List<Mailbox> ccBoxes = addresses(cc.get());
        try {
            new OutgoingMessage(null, toBoxes, ccBoxes, List.of(), subject.get(), body.get(), List.of());
        } catch (ValidationException invalid) {
            errors.showOnly(invalid.fieldErrors());
            outcome.set(Outcome.FAILED);
            message.set(Messages.get("form.fix"));
            return null;
        }
        return new Recipients(toBoxes, ccBoxes);
    }

    /** "a@b.example, Anna Müller <anna@c.example>; d@e.example" as mailboxes. */
    static List<Mailbox> addresses(String typed) {
        List<Mailbox> boxes = new ArrayList<>();
        if (typed == null) {
            return boxes;
        }
        for (String part : typed.split("[,;\\n]")) {
            if (part.isBlank()) {
                continue;
            }
            Matcher named = NAMED.matcher(part);
            boxes.add(named.matches() ? new Mailbox(named.group(2).strip(), named.group(1).replaceAll("^\"|\"$", ""))
                    : Mailbox.of(part.strip()));
        }
        return boxes;
    }

    private void failed(WorklineException failure) {
        outcome.set(Outcome.FAILED);
        if (failure instanceof ValidationException invalid) {
            errors.showOnly(invalid.fieldErrors());
            message.set(Messages.get("form.fix"));
        } else {
            message.set(failure.getLocalizedMessage());
        }
    }

    private static Path temporaryFolder() {
        try {
            // A fresh folder readable by this user alone: the draft holds a customer's quote.
            return Files.createTempDirectory("workline-mail-");
        } catch (IOException e) {
            throw new WorklineException(Problem.UNEXPECTED, Text.of("mail.draft.notSaved",
                    System.getProperty("java.io.tmpdir")), e);
        }
    }

    private record Loaded(QuoteMailDraft draft, boolean smtp) {
    }

    private record DraftResult(Path file, boolean opened) {
    }

    private record Recipients(List<Mailbox> to, List<Mailbox> cc) {
    }
}
