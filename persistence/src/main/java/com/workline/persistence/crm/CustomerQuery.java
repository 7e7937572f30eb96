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

    /** With {@code true}, deleted customers are listed too (marked by {@link CustomerRow#deleted()}). */
    public CustomerQuery withDeleted(boolean deletedToo) {
        return new CustomerQuery(search, statuses, ownerId, tag, customFieldKey, customFieldValue, sort, descending, deletedToo);
    }

    /** The query as a saved view's definition (plain JSON values; see {@link SavedViewService}). */
    public java.util.Map<String, Object> toDefinition() {
        java.util.Map<String, Object> d = new java.util.LinkedHashMap<>();
        if (search != null && !search.isBlank()) {
            d.put("search", search);
        }
        d.put("statuses", statuses.stream().map(CustomerStatus::databaseValue).sorted().toList());
        if (ownerId != null) {
            d.put("owner", ownerId.toString());
        }
        if (tag != null) {
            d.put("tag", tag);
        }
        if (customFieldKey != null) {
            d.put("customFieldKey", customFieldKey);
            d.put("customFieldValue", customFieldValue);
        }
        d.put("sort", sort.name());
        d.put("descending", descending);
        return d;
    }

    /** Reads a saved view's definition back; what it does not say keeps the default. */
    public static CustomerQuery fromDefinition(java.util.Map<String, ?> d) {
        Set<CustomerStatus> chosen = d.get("statuses") instanceof java.util.Collection<?> c
                ? c.stream().map(v -> CustomerStatus.fromDatabase(v.toString())).collect(java.util.stream.Collectors.toSet())
                : Set.of();
        Sort order = Sort.NAME;
        try {
            order = d.get("sort") == null ? Sort.NAME : Sort.valueOf(d.get("sort").toString());
        } catch (IllegalArgumentException unknown) {
            // a view saved by a newer version: fall back to the name order
        }
        return new CustomerQuery(text(d.get("search")), chosen,
                d.get("owner") == null ? null : UUID.fromString(d.get("owner").toString()), text(d.get("tag")),
                text(d.get("customFieldKey")), text(d.get("customFieldValue")), order,
                Boolean.TRUE.equals(d.get("descending")), false);
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

    public CustomerQuery sortedBy(Sort order, boolean descendingOrder) {
        return new CustomerQuery(search, statuses, ownerId, tag, customFieldKey, customFieldValue, order, descendingOrder,
                includeDeleted);
    }
}
