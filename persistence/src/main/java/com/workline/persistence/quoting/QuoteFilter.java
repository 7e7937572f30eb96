package com.workline.persistence.quoting;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What the quote list narrows by, besides its status tab; every part optional (null: not filtered).
 *
 * @param search     part of the number, the title or the customer's name
 * @param ownerId    the person who created the quote
 * @param from       created on or after this day (the organization's calendar day)
 * @param to         created on or before this day
 * @param customerId one customer's quotes (the customer record's Quotes tab)
 */
public record QuoteFilter(String search, UUID ownerId, LocalDate from, LocalDate to, UUID customerId) {
    public static QuoteFilter all() {
        return new QuoteFilter(null, null, null, null, null);
    }

    public static QuoteFilter search(String term) {
        return all().withSearch(term);
    }

    public static QuoteFilter ofCustomer(UUID customerId) {
        return new QuoteFilter(null, null, null, null, customerId);
    }

    /** Nothing but (at most) a search term. */
    public boolean searchOnly() {
        return ownerId == null && from == null && to == null && customerId == null;
    }

    public QuoteFilter withSearch(String term) {
        return new QuoteFilter(term, ownerId, from, to, customerId);
    }

    public QuoteFilter withOwner(UUID owner) {
        return new QuoteFilter(search, owner, from, to, customerId);
    }

    public QuoteFilter createdBetween(LocalDate first, LocalDate last) {
        return new QuoteFilter(search, ownerId, first, last, customerId);
    }
}
