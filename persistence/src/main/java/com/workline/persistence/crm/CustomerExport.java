package com.workline.persistence.crm;

import com.workline.persistence.common.Text;
import com.workline.persistence.common.Problem;
import com.workline.persistence.common.WorklineException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Exports the customer list as the user sees it (same search, filters and sort) to CSV or XLSX, page by
 * page through the keyset list, so a million rows never sit in memory at once.
 */
public final class CustomerExport {
    private static final int PAGE = 500;
    private static final List<String> HEADER = List.of("Number", "Name", "Status", "Email", "Phone", "Owner", "Tags",
            "Created");

    private final CustomerService customers;

    public CustomerExport(CustomerService customers) {
        this.customers = customers;
    }

    /** Writes UTF-8 CSV with a header line (and a byte-order mark, which spreadsheet programs need). */
    public long csv(CustomerQuery query, OutputStream out, IntConsumer progress) {
        try {
            OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\uFEFF');
            CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180);
            printer.printRecord(HEADER);
            long rows = forEachRow(query, row -> {
                try {
                    printer.printRecord(values(row));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, progress);
            printer.flush();
            return rows;
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new WorklineException(Problem.UNEXPECTED, Text.of("crm.export.writeFailed", String.valueOf(e.getMessage())), e);
        }
    }

    /** Writes an XLSX workbook with one sheet; the header row is bold and frozen. */
    public long xlsx(CustomerQuery query, OutputStream out, IntConsumer progress) {
        try {
            Workbook workbook = new Workbook(out, "Workline", "1.0");
            Worksheet sheet = workbook.newWorksheet("Customers");
            for (int c = 0; c < HEADER.size(); c++) {
                sheet.value(0, c, HEADER.get(c));
                sheet.style(0, c).bold().set();
            }
            sheet.freezePane(0, 1);
            long[] row = {0};
            long rows = forEachRow(query, customer -> {
                row[0]++;
                List<String> values = values(customer);
                for (int c = 0; c < values.size(); c++) {
                    sheet.value((int) row[0], c, values.get(c));
                }
                if (row[0] % 1000 == 0) {
                    try {
                        sheet.flush();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }, progress);
            workbook.finish();
            return rows;
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new WorklineException(Problem.UNEXPECTED, Text.of("crm.export.writeFailed", String.valueOf(e.getMessage())), e);
        }
    }

    private long forEachRow(CustomerQuery query, java.util.function.Consumer<CustomerRow> sink, IntConsumer progress) {
        long total = 0;
        CustomerPage.Cursor cursor = null;
        do {
            CustomerPage page = customers.list(query, cursor, PAGE);
            page.rows().forEach(sink);
            total += page.rows().size();
            progress.accept((int) Math.min(Integer.MAX_VALUE, total));
            cursor = page.next();
        } while (cursor != null);
        return total;
    }

    private static List<String> values(CustomerRow r) {
        return List.of(r.number(), r.name(), r.status().databaseValue(), nullToEmpty(r.email()), nullToEmpty(r.phone()),
                nullToEmpty(r.ownerName()), String.join(", ", r.tags()),
                r.createdAt() == null ? "" : r.createdAt().toLocalDate().toString());
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
