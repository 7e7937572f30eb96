package com.workline.persistence.catalog;

import com.workline.persistence.db.Jdbc;
import com.workline.persistence.common.Problem;
import com.workline.persistence.common.Text;
import com.workline.persistence.common.WorklineException;
import com.workline.persistence.csv.CsvFile;
import com.workline.persistence.csv.CsvImport;
import com.workline.persistence.csv.Decimals;
import com.workline.persistence.csv.Preview;
import com.workline.persistence.csv.RowReport;
import com.workline.persistence.db.TenantDatabase;
import org.hibernate.Session;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * CSV import of products with the customer import's machinery ({@link CsvImport}): read the file ({@link CsvFile#read}),
 * map its columns to fields, preview with a row-by-row report, and commit all rows in one transaction, or none.
 * The unit is given by its code, the tax rate by its name or its percent, the category by its name (or its path,
 * "Parent &gt; Child", when the name is not unique); the sale price in the file's decimal convention
 * ({@link Decimals}). A row with an unknown unit, tax rate or category, or a code that exists (in the catalog or
 * an earlier row), is reported with its line, and nothing is imported.
 */
public final class ProductImport {
    /** The fields a column can be mapped to. */
    public static final List<String> FIELDS = List.of("code", "name", "description", "type", "unit", "salePrice",
            "taxRate", "category", "active");
    /** How a category path is written in a cell (and in the export). */
    public static final String PATH_SEPARATOR = " > ";

    private final TenantDatabase db;

    public ProductImport(TenantDatabase db) {
        this.db = db;
    }

    /** A mapping proposed from the header names (also the export's header and common German names). */
    public static Map<String, String> suggestMapping(List<String> header) {
        return CsvImport.suggestMapping(header, key -> switch (key) {
            case "code", "productcode", "sku", "itemno", "number", "artikelnummer", "artikelnr", "nummer" -> "code";
            case "name", "product", "productname", "bezeichnung", "artikel" -> "name";
            case "description", "beschreibung" -> "description";
            case "type", "producttype", "kind", "typ", "art" -> "type";
            case "unit", "uom", "einheit" -> "unit";
            case "saleprice", "price", "unitprice", "preis", "verkaufspreis" -> "salePrice";
            case "taxrate", "tax", "vat", "steuersatz", "mwst", "ust" -> "taxRate";
            case "category", "kategorie", "warengruppe" -> "category";
            case "active", "aktiv" -> "active";
            default -> null;
        });
    }

    /** Checks every row against the rules and the catalog; writes nothing. */
    public Preview preview(CsvFile file, Map<String, String> mapping) {
        return db.inTenant(session -> check(session, file, mapping, new Catalogue[1]));
    }

    /**
     * Imports all rows in one transaction, after checking them again: if any row has a problem, nothing is written
     * and the report says why. Returns the report of the committed rows.
     */
    public Preview commit(CsvFile file, Map<String, String> mapping) {
        Catalogue[] catalogue = new Catalogue[1];
        return CsvImport.commit(db, session -> check(session, file, mapping, catalogue),
                (session, row) -> insert(session, catalogue[0], row));
    }

    private static void insert(Session session, Catalogue catalogue, RowReport row) {
        Map<String, String> v = row.values();
        Jdbc.in(session, c -> Jdbc.update(c, """
                        INSERT INTO app.products (organization_id, code, name, description, product_type, unit_id, sale_price,
                                                  tax_rate_id, category_id, active)
                        VALUES (sec.current_tenant(), ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                v.get("code"), v.get("name"), v.get("description"), v.getOrDefault("type", "material"),
                catalogue.unit(v.get("unit")), new BigDecimal(v.getOrDefault("salePrice", "0")),
                catalogue.taxRate(v.get("taxRate")), catalogue.category(v.get("category")),
                !"false".equals(v.get("active"))));
    }

    /** The report; {@code loaded[0]} receives the catalogue the rows were checked against (for the insert). */
    private static Preview check(Session session, CsvFile file, Map<String, String> mapping, Catalogue[] loaded) {
        if (!mapping.containsValue("code") || !mapping.containsValue("name")) {
            throw new WorklineException(Problem.INVALID_INPUT, Text.of("catalog.import.columnsRequired"));
        }
        List<Map<String, String>> values = CsvImport.values(file.header(), file.rows(), mapping);
        Decimals decimals = Decimals.of(values.stream().map(v -> v.get("salePrice")).toList(), file.delimiter());
        Catalogue catalogue = Catalogue.load(session, values.stream().map(v -> v.get("code")).toList());
        loaded[0] = catalogue;
        Set<String> existingCodes = catalogue.existingCodes;
        CsvImport.FirstSeen codesInFile = new CsvImport.FirstSeen();
        return CsvImport.report(values, (line, v, errors) -> {
            String code = v.get("code");
            if (code == null) {
                errors.add(Text.of("catalog.import.row.codeMissing"));
            } else if (code.length() > 40) {
                errors.add(Text.of("catalog.import.row.codeTooLong"));
            } else if (existingCodes.contains(code.toLowerCase(Locale.ROOT))) {
                errors.add(Text.of("catalog.import.row.codeExists", code));
            }
            Integer sameCode = codesInFile.earlier(code, line);
            if (sameCode != null) {
                errors.add(Text.of("catalog.import.row.sameCodeAsRow", sameCode));
            }
            if (v.get("name") == null) {
                errors.add(Text.of("catalog.import.row.nameMissing"));
            } else if (v.get("name").length() > 200) {
                errors.add(Text.of("catalog.import.row.nameTooLong"));
            }
            if (v.get("description") != null && v.get("description").length() > 4000) {
                errors.add(Text.of("catalog.import.row.descriptionTooLong"));
            }
            if (v.get("type") != null) {
                String type = v.get("type").toLowerCase(Locale.ROOT);
                if (List.of("service", "material", "stock", "manufactured").contains(type)) {
                    v.put("type", type);
                } else {
                    errors.add(Text.of("catalog.import.row.unknownType", v.get("type")));
                }
            }
            if (v.get("unit") != null && catalogue.unit(v.get("unit")) == null) {
                errors.add(Text.of("catalog.import.row.unknownUnit", v.get("unit")));
            }
            if (v.get("taxRate") != null && catalogue.taxRate(v.get("taxRate")) == null) {
                errors.add(Text.of("catalog.import.row.unknownTaxRate", v.get("taxRate")));
            }
            if (v.get("category") != null) {
                List<UUID> matches = catalogue.categories(v.get("category"));
                if (matches.isEmpty()) {
                    errors.add(Text.of("catalog.import.row.unknownCategory", v.get("category")));
                } else if (matches.size() > 1) {
                    errors.add(Text.of("catalog.import.row.ambiguousCategory", v.get("category")));
                }
            }
            if (v.get("salePrice") != null) {
                BigDecimal price = decimals.parse(v.get("salePrice"));
                if (price == null || price.signum() < 0 || price.stripTrailingZeros().scale() > 4
                        || price.precision() - price.scale() > 10) {
                    errors.add(Text.of("catalog.import.row.priceInvalid", v.get("salePrice")));
                } else {
                    v.put("salePrice", price.toPlainString());
                }
            }
            if (v.get("active") != null) {
                Boolean active = yesOrNo(v.get("active"));
                if (active == null) {
                    errors.add(Text.of("catalog.import.row.activeInvalid", v.get("active")));
                } else {
                    v.put("active", active.toString());
                }
            }
        });
    }

    private static Boolean yesOrNo(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1", "x", "ja", "j", "wahr", "active", "aktiv" -> true;
            case "false", "no", "n", "0", "nein", "falsch", "inactive", "inaktiv" -> false;
            default -> null;
        };
    }

    /** The organization's units, tax rates and categories, read once per check, to resolve the rows' references. */
    private static final class Catalogue {
        private Set<String> existingCodes = Set.of();
        private final Map<String, UUID> units = new HashMap<>();
        private final Map<String, UUID> taxRatesByName = new HashMap<>();
        private final Map<BigDecimal, UUID> taxRatesByPercent = new HashMap<>();
        private final Map<String, List<UUID>> categories = new HashMap<>();

        /** The catalogue, and which of the {@code codes} (any case) products of the organization have (also deleted ones). */
        static Catalogue load(Session session, List<String> codes) {
            return Jdbc.in(session, c -> {
                Catalogue catalogue = new Catalogue();
                String[] wanted = codes.stream().filter(java.util.Objects::nonNull).map(s -> s.toLowerCase(Locale.ROOT))
                        .distinct().toArray(String[]::new);
                if (wanted.length > 0) {
                    catalogue.existingCodes = new HashSet<>(Jdbc.list(c, "SELECT sort_code FROM app.products WHERE "
                                    + "organization_id = sec.current_tenant() AND sort_code = ANY (?)", rs -> rs.getString(1),
                            c.createArrayOf("text", wanted)));
                }
                for (Object[] unit : Jdbc.list(c, "SELECT code, id FROM app.units WHERE organization_id = sec.current_tenant()",
                        rs -> new Object[] {rs.getString(1), rs.getObject(2, UUID.class)})) {
                    catalogue.units.put(((String) unit[0]).toLowerCase(Locale.ROOT), (UUID) unit[1]);
                }
                // The default first: when two rates have the same percent, the percent means the default one.
                for (Object[] rate : Jdbc.list(c, "SELECT name, percent, id FROM app.tax_rates WHERE organization_id = "
                                + "sec.current_tenant() ORDER BY is_default DESC, active DESC, lower(name)",
                        rs -> new Object[] {rs.getString(1), rs.getBigDecimal(2), rs.getObject(3, UUID.class)})) {
                    catalogue.taxRatesByName.put(((String) rate[0]).toLowerCase(Locale.ROOT), (UUID) rate[2]);
                    catalogue.taxRatesByPercent.putIfAbsent(((BigDecimal) rate[1]).stripTrailingZeros(), (UUID) rate[2]);
                }
                List<ProductCategory> tree = Jdbc.list(c, "SELECT id, parent_id, name FROM app.product_categories "
                                + "WHERE organization_id = sec.current_tenant()",
                        rs -> new ProductCategory(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), 0, 0, 0));
                Map<UUID, String> paths = ProductExport.paths(tree);
                for (ProductCategory category : tree) {
                    catalogue.categories.computeIfAbsent(category.name().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                            .add(category.id());
                    String path = paths.get(category.id()).toLowerCase(Locale.ROOT);
                    if (!path.equals(category.name().toLowerCase(Locale.ROOT))) {
                        catalogue.categories.computeIfAbsent(path, k -> new ArrayList<>()).add(category.id());
                    }
                }
                return catalogue;
            });
        }

        UUID unit(String code) {
            return code == null ? null : units.get(code.strip().toLowerCase(Locale.ROOT));
        }

        /** By name, else by percent ("19", "19 %", "7,5%", "7.5"). */
        UUID taxRate(String nameOrPercent) {
            if (nameOrPercent == null) {
                return null;
            }
            UUID byName = taxRatesByName.get(nameOrPercent.strip().toLowerCase(Locale.ROOT));
            if (byName != null) {
                return byName;
            }
            String number = nameOrPercent.replace("%", "").strip().replace(',', '.');
            if (!number.matches("\\d{1,3}(\\.\\d{1,4})?")) {
                return null;
            }
            return taxRatesByPercent.get(new BigDecimal(number).stripTrailingZeros());
        }

        List<UUID> categories(String nameOrPath) {
            List<String> parts = List.of(nameOrPath.split(">")).stream().map(String::strip).toList();
            String key = String.join(PATH_SEPARATOR, parts).toLowerCase(Locale.ROOT);
            return categories.getOrDefault(key, List.of());
        }

        /** The single category of a name or path (the check refused unknown and ambiguous ones). */
        UUID category(String nameOrPath) {
            return nameOrPath == null ? null : categories(nameOrPath).get(0);
        }
    }
}
