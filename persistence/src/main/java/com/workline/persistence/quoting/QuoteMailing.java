package com.workline.persistence.quoting;

import com.workline.persistence.common.Problem;
import com.workline.persistence.common.Text;
import com.workline.persistence.common.WorklineException;
import com.workline.persistence.db.Jdbc;
import com.workline.persistence.db.TenantDatabase;
import com.workline.persistence.mail.MailTemplate;
import com.workline.persistence.mail.OutgoingMessage;
import com.workline.persistence.mail.SendRecord;
import com.workline.persistence.mail.SendResult;
import com.workline.persistence.mail.SmtpSender;
import com.workline.persistence.mail.SmtpSettings;
import com.workline.persistence.money.DocumentCalculator;
import com.workline.persistence.session.Role;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * E-mailing quotes (docs/mail.md): the default text from a {@link MailTemplate}, and the record of every send on the
 * quote ({@code app.quote_sends}, V11), a draft handed to the person's mail program or a message sent over their SMTP
 * server. Owners, admins, managers and employees record sends; everyone of the organization reads them; a quote is
 * e-mailed only once it has a number (the database refuses a draft).
 */
public final class QuoteMailing {
    /** The placeholders a quote's template may use. */
    public static final Set<String> PLACEHOLDERS = Set.of("customer", "number", "total", "validUntil", "sender");

    private final TenantDatabase db;
    private final UUID userId;
    private final Role role;

    QuoteMailing(TenantDatabase db, UUID userId, Role role) {
        this.db = db;
        this.userId = userId;
        this.role = role;
    }

    /** A quote's template; a {@code ValidationException} names a placeholder other than {@link #PLACEHOLDERS}. */
    public static MailTemplate template(String subject, String body) {
        return MailTemplate.of(subject, body, PLACEHOLDERS);
    }

    /**
     * The placeholders' values: the total in the quote's currency and the validity date formatted for {@code locale}
     * (the language the e-mail is written in).
     */
    public static Map<String, String> values(QuoteDetails quote, String customerName, String senderName, Locale locale) {
        Currency currency = Currency.getInstance(quote.currency());
        NumberFormat money = NumberFormat.getCurrencyInstance(locale);
        money.setCurrency(currency);
        int digits = DocumentCalculator.scale(currency);
        money.setMinimumFractionDigits(digits);
        money.setMaximumFractionDigits(digits);
        return Map.of("customer", nz(customerName), "number", nz(quote.number()),
                "total", quote.total() == null ? "" : money.format(quote.total()),
                "validUntil", quote.validUntil() == null ? ""
                        : quote.validUntil().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale)),
                "sender", nz(senderName));
    }

    /** The quote with its suggested recipient and the template filled in, for the send dialog. */
    public QuoteMailDraft prepare(UUID quoteId, MailTemplate template, Locale locale) {
        QuoteDetails quote = new QuoteService(db, userId, role).load(quoteId);
        String[] parties = Jdbc.write(db, c -> Jdbc.one(c, """
                        SELECT cu.name, coalesce(nullif(btrim(ct.email), ''), nullif(btrim(cu.email), '')),
                               (SELECT coalesce(nullif(btrim(u.display_name), ''), u.first_name || ' ' || u.last_name)
                                  FROM sec.users u WHERE u.id = sec.current_user_id())
                          FROM app.quotes q
                          JOIN app.customers cu ON cu.organization_id = q.organization_id AND cu.id = q.customer_id
                          LEFT JOIN app.contacts ct ON ct.organization_id = q.organization_id AND ct.id = q.contact_id
                         WHERE q.organization_id = ? AND q.id = ?""",
                rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}, db.currentTenant(), quoteId));
        if (parties == null) {
            throw new WorklineException(Problem.NOT_FOUND, Text.of("quoting.quote.notFound"));
        }
        MailTemplate.Rendered text = template.render(values(quote, parties[0], parties[2], locale));
        return new QuoteMailDraft(quote, parties[0], parties[1], parties[2], text.subject(), text.body());
    }

    /** Records that {@code message} was handed to the person's mail program as a draft (prepared, not known sent). */
    public QuoteSend recordDraft(UUID quoteId, OutgoingMessage message, Instant at) {
        return record(quoteId, SendRecord.draft(userId.toString(), message, at));
    }

    /**
     * Sends {@code message} over the person's SMTP server and records it on the quote. Checked first, so that nothing is
     * sent that cannot be recorded: the person may write quotes, and the quote has a number. Mail failures come from
     * {@link SmtpSender} (nothing recorded); if the message went out but the record fails, the exception says so
     * ({@code quoting.mail.sentNotRecorded}, with the Message-ID).
     */
    public QuoteSend sendViaSmtp(UUID quoteId, OutgoingMessage message, SmtpSettings settings, SmtpSender sender) {
        if (role == Role.VIEWER) {
            throw new WorklineException(Problem.NOT_ALLOWED, Text.of("quoting.mail.viewersCannotSend"));
        }
        QuoteDetails quote = new QuoteService(db, userId, role).load(quoteId);
        if (quote.number() == null) {
            throw new WorklineException(Problem.NOT_ALLOWED, Text.of("quoting.mail.draftHasNoNumber"));
        }
        SendResult result = sender.send(settings, message);
        try {
            return record(quoteId, SendRecord.smtp(userId.toString(), settings, message, result));
        } catch (WorklineException notRecorded) {
            throw new WorklineException(notRecorded.problem(), Text.of("quoting.mail.sentNotRecorded", result.messageId(),
                    notRecorded.text() == null ? notRecorded.getMessage() : notRecorded.text()), notRecorded);
        }
    }

    /** Records a send; the database sets who (the signed-in person) and refuses viewers and drafts. */
    public QuoteSend record(UUID quoteId, SendRecord record) {
        UUID id = Jdbc.write(db, c -> Jdbc.one(c, """
                        INSERT INTO app.quote_sends (organization_id, quote_id, channel, sent_by, from_address, recipients,
                                                     sent_at, message_id, subject, attachment_names)
                        VALUES (?, ?, ?, sec.current_user_id(), ?, ?, ?, ?, ?, ?) RETURNING id""",
                rs -> rs.getObject(1, UUID.class), db.currentTenant(), quoteId, record.channel(), record.from(),
                record.recipients().toArray(new String[0]), OffsetDateTime.ofInstant(record.at(), java.time.ZoneOffset.UTC),
                record.messageId(), record.subject(), record.attachmentNames().toArray(new String[0])));
        return sends(quoteId).stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new WorklineException(Problem.NOT_FOUND, Text.of("db.notFound")));
    }

    /** The quote's sends, oldest first. */
    public List<QuoteSend> sends(UUID quoteId) {
        return Jdbc.write(db, c -> Jdbc.list(c, """
                        SELECT s.id, s.channel, s.sent_by, s.from_address, s.recipients, s.sent_at, s.message_id, s.subject,
                               s.attachment_names,
                               coalesce(nullif(btrim(u.display_name), ''), u.first_name || ' ' || u.last_name)
                          FROM app.quote_sends s LEFT JOIN sec.users u ON u.id = s.sent_by
                         WHERE s.organization_id = ? AND s.quote_id = ? ORDER BY s.sent_at, s.created_at, s.id""",
                QuoteMailing::send, db.currentTenant(), quoteId));
    }

    private static QuoteSend send(ResultSet rs) throws SQLException {
        SendRecord record = new SendRecord(SendRecord.Channel.valueOf(rs.getString(2).toUpperCase(Locale.ROOT)),
                rs.getString(3), rs.getString(4), strings(rs.getArray(5)), rs.getObject(6, OffsetDateTime.class).toInstant(),
                rs.getString(7), rs.getString(8), strings(rs.getArray(9)));
        return new QuoteSend(rs.getObject(1, UUID.class), rs.getString(10), record);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
