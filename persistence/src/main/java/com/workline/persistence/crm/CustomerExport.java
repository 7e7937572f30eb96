package com.workline.persistence.crm;

import com.workline.persistence.csv.TableExport;

import java.io.OutputStream;
import java.util.List;
import java.util.function.Consumer;
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
        return TableExport.csv(HEADER, sink -> forEachRow(query, sink, progress), out);
    }

    /** Writes an XLSX workbook with one sheet; the header row is bold and frozen. */
    public long xlsx(CustomerQuery query, OutputStream out, IntConsumer progress) {
        return TableExport.xlsx("Customers", HEADER, sink -> forEachRow(query, sink, progress), out);
    }

    private long forEachRow(CustomerQuery query, Consumer<List<String>> sink, IntConsumer progress) {
        long total = 0;
        CustomerPage.Cursor cursor = null;
        do {
            CustomerPage page = customers.list(query, cursor, PAGE);
            page.rows().forEach(row -> sink.accept(values(row)));
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
