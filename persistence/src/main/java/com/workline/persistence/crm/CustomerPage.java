package com.workline.persistence.crm;

import java.util.List;

/**
 * A page of the customer list and where the next one starts (keyset paging: the cost of a page does not
 * grow with its depth). {@code next} is null on the last page.
 */
public record CustomerPage(List<CustomerRow> rows, Cursor next)
        implements com.workline.persistence.common.KeysetPage<CustomerRow, CustomerPage.Cursor> {

    /**
     * The sort key and id of the last row shown; for a ranked search also its rank (0: the name starts with
     * the term, 1: another match).
     */
    public record Cursor(String sortKey, java.util.UUID id, int phase) {
        public Cursor(String sortKey, java.util.UUID id) {
            this(sortKey, id, 0);
        }
    }
}
