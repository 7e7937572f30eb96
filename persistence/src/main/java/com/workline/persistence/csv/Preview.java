package com.workline.persistence.csv;

import java.util.List;

/** The preview: every row's report; the import may run only when {@link #valid()}. */
public record Preview(List<RowReport> rows) implements ImportReport<RowReport> {
}
