package com.workline.persistence.quoting;

import com.workline.persistence.money.TaxRounding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A quote with its lines (document order) and history. For a new draft, {@code id} is null; when saving, the
 * status, number, dates and totals are ignored (the service computes the totals, the database functions change
 * the rest).
 */
public record QuoteDetails(UUID id, String number, int revision, UUID supersedesId, QuoteStatus status, UUID customerId,
                           UUID contactId, UUID dealId, String title, LocalDate validUntil, String currency,
                           BigDecimal exchangeRate, BigDecimal documentDiscountPercent, TaxRounding taxRounding,
                           BigDecimal subtotal, BigDecimal discountAmount, BigDecimal net, BigDecimal tax, BigDecimal total,
                           String terms, String customerNotes, String internalNotes, OffsetDateTime sentAt,
                           OffsetDateTime acceptedAt, OffsetDateTime rejectedAt, String rejectionReason, int version,
                           List<QuoteLine> lines, List<QuoteEvent> events) {

    public QuoteDetails {
        lines = lines == null ? List.of() : List.copyOf(lines);
        events = events == null ? List.of() : List.copyOf(events);
    }

    public QuoteDetails withLines(List<QuoteLine> newLines) {
        return new QuoteDetails(id, number, revision, supersedesId, status, customerId, contactId, dealId, title, validUntil,
                currency, exchangeRate, documentDiscountPercent, taxRounding, subtotal, discountAmount, net, tax, total, terms,
                customerNotes, internalNotes, sentAt, acceptedAt, rejectedAt, rejectionReason, version, newLines, events);
    }

    public QuoteDetails withTitle(String newTitle) {
        return new QuoteDetails(id, number, revision, supersedesId, status, customerId, contactId, dealId, newTitle, validUntil,
                currency, exchangeRate, documentDiscountPercent, taxRounding, subtotal, discountAmount, net, tax, total, terms,
                customerNotes, internalNotes, sentAt, acceptedAt, rejectedAt, rejectionReason, version, lines, events);
    }

    public QuoteDetails withDocumentDiscount(String percent) {
        return new QuoteDetails(id, number, revision, supersedesId, status, customerId, contactId, dealId, title, validUntil,
                currency, exchangeRate, percent == null ? null : new BigDecimal(percent), taxRounding, subtotal, discountAmount,
                net, tax, total, terms, customerNotes, internalNotes, sentAt, acceptedAt, rejectedAt, rejectionReason, version,
                lines, events);
    }

    public QuoteDetails withValidUntil(LocalDate date) {
        return new QuoteDetails(id, number, revision, supersedesId, status, customerId, contactId, dealId, title, date,
                currency, exchangeRate, documentDiscountPercent, taxRounding, subtotal, discountAmount, net, tax, total, terms,
                customerNotes, internalNotes, sentAt, acceptedAt, rejectedAt, rejectionReason, version, lines, events);
    }
}
