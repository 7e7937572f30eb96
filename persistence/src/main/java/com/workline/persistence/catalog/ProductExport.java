package com.workline.persistence.catalog;

import com.workline.persistence.db.Jdbc;
import com.workline.persistence.csv.TableExport;
import com.workline.persistence.db.TenantDatabase;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Exports the product list as the user sees it (same search, category, inactive ones or not, sort) to CSV or XLSX,
 * page by page, with the columns {@link ProductImport} reads back: code, name, description, type, unit (code), sale
 * price (decimal point), tax rate (name), category (path, "Parent &gt; Child") and active.
 */
public final class ProductExport {
    private static final int PAGE = 500;
    static final List<String> HEADER = List.of("Code", "Name", "Description", "Type", "Unit", "Sale price", "Tax rate",
            "Category", "Active");

    private final TenantDatabase db;

    public ProductExport(TenantDatabase db) {
        this.db = db;
    }

    /** Writes UTF-8 CSV with a header line (and a byte-order mark, which spreadsheet programs need). */
    public long csv(ProductQuery query, OutputStream out, IntConsumer progress) {
        return TableExport.csv(HEADER, sink -> forEachRow(query, sink, progress), out);
    }

    /** Writes an XLSX workbook with one sheet; the header row is bold and frozen. */
    public long xlsx(ProductQuery query, OutputStream out, IntConsumer progress) {
        return TableExport.xlsx("Products", HEADER, sink -> forEachRow(query, sink, progress), out);
    }

    /** Each category's path from the top ("Parent > Child"). */
    static Map<UUID, String> paths(List<ProductCategory> categories) {
        Map<UUID, ProductCategory> byId = new HashMap<>();
        categories.forEach(c -> byId.put(c.id(), c));
        Map<UUID, String> paths = new HashMap<>();
        for (ProductCategory category : categories) {
            StringBuilder path = new StringBuilder(category.name());
            ProductCategory up = byId.get(category.parentId());
            for (int depth = 0; up != null && depth < 1000; depth++) {
                path.insert(0, up.name() + ProductImport.PATH_SEPARATOR);
                up = byId.get(up.parentId());
            }
            paths.put(category.id(), path.toString());
        }
        return paths;
    }

    private record Extra(String description, String taxRate) {
    }

    private long forEachRow(ProductQuery query, Consumer<List<String>> sink, IntConsumer progress) {
        ProductService products = new ProductService(db);
        Map<UUID, String> categories = paths(new ProductCategoryService(db).tree());
        long total = 0;
        ProductPage.Cursor cursor = null;
        do {
            ProductPage page = products.list(query, cursor, PAGE);
            Map<UUID, Extra> extras = extras(page.rows().stream().map(ProductRow::id).toArray(UUID[]::new));
            for (ProductRow row : page.rows()) {
                Extra extra = extras.get(row.id());
                sink.accept(List.of(row.code(), row.name(), extra == null ? "" : extra.description(),
                        row.type().databaseValue(), nullToEmpty(row.unitCode()), price(row.salePrice()),
                        extra == null ? "" : extra.taxRate(), nullToEmpty(categories.get(row.categoryId())),
                        row.active() ? "yes" : "no"));
            }
            total += page.rows().size();
            progress.accept((int) Math.min(Integer.MAX_VALUE, total));
            cursor = page.next();
        } while (cursor != null);
        return total;
    }

    /** What the list rows lack, for one page in one query. */
    private Map<UUID, Extra> extras(UUID[] ids) {
        if (ids.length == 0) {
            return Map.of();
        }
        return Jdbc.write(db, c -> {
            Map<UUID, Extra> extras = new HashMap<>();
            for (Object[] row : Jdbc.list(c, """
                            SELECT p.id, p.description, t.name FROM app.products p
                              LEFT JOIN app.tax_rates t ON t.organization_id = p.organization_id AND t.id = p.tax_rate_id
                             WHERE p.organization_id = ? AND p.id = ANY (?)""",
                    rs -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)},
                    db.currentTenant(), c.createArrayOf("uuid", ids))) {
                extras.put((UUID) row[0], new Extra(nullToEmpty((String) row[1]), nullToEmpty((String) row[2])));
            }
            return extras;
        });
    }

    /** With a decimal point and at least two decimals ("12.50", "0.125"). */
    private static String price(BigDecimal price) {
        if (price == null) {
            return "";
        }
        BigDecimal stripped = price.stripTrailingZeros();
        return (stripped.scale() < 2 ? price.setScale(2, java.math.RoundingMode.UNNECESSARY) : stripped).toPlainString();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
