package com.workline.persistence.catalog;

import java.util.UUID;

/**
 * What the product list shows: a search term (code or name contains it; one or two characters: code or name starts
 * with it), optionally one category, inactive products or not, ordered by name or by code.
 */
public record ProductQuery(String search, UUID categoryId, boolean includeInactive, Sort sort) {
    public enum Sort { NAME, CODE }

    public static ProductQuery all() {
        return new ProductQuery(null, null, false, Sort.NAME);
    }

    public static ProductQuery search(String term) {
        return new ProductQuery(term, null, false, Sort.NAME);
    }

    public ProductQuery sortedBy(Sort newSort) {
        return new ProductQuery(search, categoryId, includeInactive, newSort);
    }

    public ProductQuery withInactive(boolean include) {
        return new ProductQuery(search, categoryId, include, sort);
    }
}
