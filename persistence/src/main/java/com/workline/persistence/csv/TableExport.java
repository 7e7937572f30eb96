package com.workline.persistence.csv;

import com.workline.persistence.common.Problem;
import com.workline.persistence.common.Text;
import com.workline.persistence.common.WorklineException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes a list (a header and rows of text, delivered page by page) as CSV or XLSX: what every export shares.
 */
public final class TableExport {
    private TableExport() {
    }

    /** Feeds the rows to the sink (page by page, never all at once) and returns how many there were. */
    @FunctionalInterface
    public interface Rows {
        long forEach(Consumer<List<String>> sink);
    }

    /** UTF-8 CSV with a header line (and a byte-order mark, which spreadsheet programs need). */
    public static long csv(List<String> header, Rows rows, OutputStream out) {
        try {
            OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\uFEFF');
            CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180);
            printer.printRecord(header);
            long count = rows.forEach(values -> {
                try {
                    printer.printRecord(values);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            printer.flush();
            return count;
        } catch (IOException | UncheckedIOException e) {
            throw writeFailed(e);
        }
    }

    /** An XLSX workbook with one sheet; the header row is bold and frozen. */
    public static long xlsx(String sheetName, List<String> header, Rows rows, OutputStream out) {
        try {
            Workbook workbook = new Workbook(out, "Workline", "1.0");
            Worksheet sheet = workbook.newWorksheet(sheetName);
            for (int c = 0; c < header.size(); c++) {
                sheet.value(0, c, header.get(c));
                sheet.style(0, c).bold().set();
            }
            sheet.freezePane(0, 1);
            long[] row = {0};
            long count = rows.forEach(values -> {
                row[0]++;
                for (int c = 0; c < values.size(); c++) {
                    sheet.value((int) row[0], c, values.get(c));
                }
                if (row[0] % 1000 == 0) {
                    try {
                        sheet.flush();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
            workbook.finish();
            return count;
        } catch (IOException | UncheckedIOException e) {
            throw writeFailed(e);
        }
    }

    private static WorklineException writeFailed(Exception e) {
        return new WorklineException(Problem.UNEXPECTED, Text.of("crm.export.writeFailed", String.valueOf(e.getMessage())), e);
    }
}
