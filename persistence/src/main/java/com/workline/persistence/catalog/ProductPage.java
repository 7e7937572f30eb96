package com.workline.persistence.catalog;

import java.util.List;
import java.util.UUID;

/** One page of the product list and the cursor of the next one (null on the last page). */
public record ProductPage(List<ProductRow> rows, Cursor next) {
    /** Where the next page starts: after this sort key and id. */
    public record Cursor(String sortKey, UUID id) {
    }
}
