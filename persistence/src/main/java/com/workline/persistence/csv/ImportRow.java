package com.workline.persistence.csv;

import com.workline.persistence.common.Text;

import java.util.List;
import java.util.Map;

/** One row's outcome in an import: its row in the spreadsheet (the header is row 1), its values, its problems. */
public interface ImportRow {
    int line();

    Map<String, String> values();

    List<Text> problems();

    default boolean ok() {
        return problems().isEmpty();
    }

    /** The row's problems in the client's language. */
    default List<String> errors() {
        return problems().stream().map(Text::localized).toList();
    }
}
