package com.workline.persistence.numbering;

import com.workline.persistence.db.PersonDatabase;
import org.hibernate.Session;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Gapless document numbers per organization, kind and year. A document takes its number with
 * {@link #take(Session, DocumentKind, LocalDate)} inside the transaction that issues it: if that
 * transaction rolls back, the number is given back and the next document gets it.
 */
public final class NumberSeriesService {
    private final PersonDatabase db;

    public NumberSeriesService(PersonDatabase db) {
        this.db = db;
    }

    /** Takes the next number in its own transaction (dated today in the organization's time zone). */
    public DocumentNumber next(DocumentKind kind) {
        return db.inTenant(session -> take(session, kind, null));
    }

    public List<NumberSeries> list() {
        return db.inTenant(session -> session.createSelectionQuery(
                "from NumberSeries order by kind, year", NumberSeries.class).getResultList());
    }

    /**
     * Takes the next number inside the caller's transaction.
     *
     * @param issueDate the document's date (chooses the year); {@code null} for today in the organization's zone
     */
    public static DocumentNumber take(Session session, DocumentKind kind, LocalDate issueDate) {
        // The column name comes from the enum, never from input.
        Object[] settings = session.createNativeQuery("SELECT " + kind.databaseValue() + "_number_format, timezone"
                + " FROM app.organizations WHERE id = sec.current_tenant()", Object[].class).getResultStream()
                .findFirst().orElseThrow(() -> new com.workline.persistence.common.WorklineException(
                        com.workline.persistence.common.Problem.NO_MEMBERSHIP,
                        "No organization is selected, or you are not an active member of it."));
        String format = (String) settings[0];
        LocalDate date = issueDate != null ? issueDate : LocalDate.now(ZoneId.of((String) settings[1]));
        int seriesYear = NumberFormatPattern.usesYear(format) ? date.getYear() : 0;
        Long value = session.createNativeQuery("SELECT sec.take_next_number(:kind, :year)", Long.class)
                .setParameter("kind", kind.databaseValue())
                .setParameter("year", seriesYear)
                .getSingleResult();
        return new DocumentNumber(kind, seriesYear, value, NumberFormatPattern.format(format, date.getYear(), value));
    }
}
