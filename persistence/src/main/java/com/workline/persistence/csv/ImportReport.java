package com.workline.persistence.csv;

import java.util.List;

/** An import's preview: every row's report; the import may run only when {@link #valid()}. */
public interface ImportReport<R extends ImportRow> {
    List<R> rows();

    default boolean valid() {
        return !rows().isEmpty() && rows().stream().allMatch(ImportRow::ok);
    }

    default long errorCount() {
        return rows().stream().filter(r -> !r.ok()).count();
    }
}
