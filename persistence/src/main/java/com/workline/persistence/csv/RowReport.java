package com.workline.persistence.csv;

import com.workline.persistence.common.Text;

import java.util.List;
import java.util.Map;

/** One row's outcome: its row in the spreadsheet (the header is row 1), what it would create, and what is wrong with it. */
public record RowReport(int line, Map<String, String> values, List<Text> problems) implements ImportRow {
}
