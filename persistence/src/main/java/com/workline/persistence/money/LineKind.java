package com.workline.persistence.money;

/** What a document line is: something sold (product, service) or words only (a text or section heading). */
public enum LineKind {
    PRODUCT, SERVICE,
    /** A text or section heading: carries no quantity, price, discount or tax and never counts in the totals. */
    TEXT;

    /** Whether lines of this kind carry amounts. */
    public boolean priced() {
        return this != TEXT;
    }
}
