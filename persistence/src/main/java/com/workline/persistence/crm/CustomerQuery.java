package com.workline.persistence.crm;

import java.util.Set;
import java.util.UUID;

/**
 * What the customer list shows: a search text (name, number, email, phone, contact names), filters,
 * and the sort order. Immutable; the {@code with…} methods return changed copies.
 *
 * @param customFieldKey   with {@code customFieldValue}: only customers whose custom field has this value
 */
public record CustomerQuery(String search, Set<CustomerStatus> statuses, UUID ownerId, String tag,
                            String customFieldKey, String customFieldValue, Sort sort, boolean descending,
                            boolean includeDeleted) {

    public enum Sort { NAME, NUMBER, CREATED }

    public static CustomerQuery all() {
        return new CustomerQuery(null, Set.of(), null, null, null, null, Sort.NAME, false, false);
    }

    public CustomerQuery withSearch(String text) {
        return new CustomerQuery(text, statuses, ownerId, tag, customFieldKey, customFieldValue, sort, descending, includeDeleted);
    }

    public CustomerQuery withStatuses(Set<CustomerStatus> chosen) {
        return new CustomerQuery(search, Set.copyOf(chosen), ownerId, tag, customFieldKey, customFieldValue, sort, descending,
                includeDeleted);
    }

    public CustomerQuery withOwner(UUID owner) {
        return new CustomerQuery(search, statuses, owner, tag, customFieldKey, customFieldValue, sort, descending, includeDeleted);
    }

    public CustomerQuery withTag(String chosen) {
        return new CustomerQuery(search, statuses, ownerId, chosen, customFieldKey, customFieldValue, sort, descending,
                includeDeleted);
    }

    public CustomerQuery withCustomField(String key, String value) {
        return new CustomerQuery(search, statuses, ownerId, tag, key, value, sort, descending, includeDeleted);
    }

    public CustomerQuery sortedBy(Sort order, boolean descendingOrder) {
        return new CustomerQuery(search, statuses, ownerId, tag, customFieldKey, customFieldValue, order, descendingOrder,
                includeDeleted);
    }
}
