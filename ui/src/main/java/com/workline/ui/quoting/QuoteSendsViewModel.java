package com.workline.ui.quoting;

import com.workline.persistence.mail.SendRecord;
import com.workline.persistence.quoting.QuoteDetails;
import com.workline.persistence.quoting.QuoteMailing;
import com.workline.persistence.quoting.QuoteSend;
import com.workline.persistence.quoting.QuoteStatus;
import com.workline.ui.common.Messages;
import com.workline.ui.task.BackgroundTasks;
import com.workline.ui.workbench.Permissions;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.UUID;

/**
 * The quote editor's e-mail part: whether "E-mail…" is offered (people who may edit, for a quote with a number, and for
 * a draft, which is then sent first), and the list of the quote's sends (when, who, to whom, how).
 */
public final class QuoteSendsViewModel {
    private final QuoteMailing mailing;
    private final Permissions permissions;
    private final BackgroundTasks tasks;
    private final Locale locale;
    private final ZoneId zone;
    private final ObservableList<QuoteSend> sends = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private UUID quoteId;

    public QuoteSendsViewModel(QuoteMailing mailing, Permissions permissions, BackgroundTasks tasks, Locale locale, ZoneId zone) {
        this.mailing = mailing;
        this.permissions = permissions;
        this.tasks = tasks;
        this.locale = locale;
        this.zone = zone;
    }

    public ObservableList<QuoteSend> sends() {
        return sends;
    }

    /** A failure to load the list. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether "E-mail…" is offered for {@code quote}; a draft is sent (numbered) first, after the person confirms. */
    public boolean canEmail(QuoteDetails quote) {
        return quote != null && permissions.mayEdit() && (quote.status() == QuoteStatus.DRAFT || quote.number() != null);
    }

    /** The editor shows {@code quote}: its sends are loaded (another quote's are dropped). */
    public void show(QuoteDetails quote) {
        UUID id = quote == null ? null : quote.id();
        if (id == null || !id.equals(quoteId)) {
            sends.clear();
        }
        quoteId = id;
        reload();
    }

    /** Loads the sends of the shown quote again (after a send was recorded). */
    public void reload() {
        UUID id = quoteId;
        if (id == null) {
            return;
        }
        tasks.latest("sends", () -> mailing.sends(id), found -> {
            sends.setAll(found);
            message.set("");
        }, failure -> message.set(failure.getLocalizedMessage()));
    }

    /** One send as a line: when, who, to whom, and how (sent via SMTP, or a draft prepared in the mail program). */
    public String describe(QuoteSend send) {
        String when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                .format(send.record().at().atZone(zone));
        return Messages.get(send.record().channel() == SendRecord.Channel.SMTP ? "quote.send.smtp" : "quote.send.draft",
                when, send.sentByName() == null ? "" : send.sentByName(), String.join(", ", send.record().recipients()));
    }

    /** The whole send, for the list's tooltip: the line, the subject, the attachments and the Message-ID. */
    public String details(QuoteSend send) {
        SendRecord record = send.record();
        String details = describe(send) + "\n" + Messages.get("quote.send.subject", record.subject())
                + "\n" + Messages.get("quote.send.attachments", String.join(", ", record.attachmentNames()));
        return record.messageId() == null ? details : details + "\n" + Messages.get("quote.send.messageId", record.messageId());
    }
}
