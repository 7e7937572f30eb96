package com.workline.persistence.crm;

import java.util.List;
import java.util.UUID;

/** A page of the deals list and where the next one starts (keyset); {@code next} is null on the last page. */
public record DealPage(List<DealRow> rows, Cursor next)
        implements com.workline.persistence.common.KeysetPage<DealRow, DealPage.Cursor> {

    /** The sort key (as text) and id of the last row shown. */
    public record Cursor(String sortKey, UUID id) {
    }
}
