package com.workline.persistence.numbering;

import com.workline.persistence.db.TenantDatabase;

import java.util.List;

/**
 * The organization's gapless number series, for reading. Numbers are never taken from the client: the
 * database function or trigger that issues a numbered record takes the next number of its series
 * ({@code sec.issue_number}) in the same transaction, so a rollback gives the number back and nobody can
 * take numbers without issuing their records (docs/security-model.md, "Document numbers").
 */
public final class NumberSeriesService {
    private final TenantDatabase db;

    public NumberSeriesService(TenantDatabase db) {
        this.db = db;
    }

    public List<NumberSeries> list() {
        return db.inTenant(session -> session.createSelectionQuery(
                "from NumberSeries order by kind, year", NumberSeries.class).getResultList());
    }
}
