package com.workline.persistence.catalog;

import com.workline.persistence.common.Problem;
import com.workline.persistence.common.WorklineException;
import com.workline.persistence.csv.CsvFile;
import com.workline.persistence.csv.Decimals;
import com.workline.persistence.csv.Preview;
import com.workline.persistence.csv.RowReport;
import com.workline.persistence.session.Role;
import com.workline.persistence.session.TenantSession;
import com.workline.persistence.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Product CSV import (mapping, preview, row report, all or nothing) and CSV/XLSX export, against the real database. */
class ProductImportExportTest {
    private final TestDatabase db = TestDatabase.get();

    /** An organization with a manager and the catalog the files refer to. */
    private TenantSession organizationWithCatalog(String name) {
        UUID org = db.newOrganization(name);
        TenantSession session = db.signInTo(db.newPerson(org, Role.MANAGER), org);
        Catalog catalog = Catalog.of(session);
        catalog.taxRates().create(TaxRate.newRate("Standard", new BigDecimal("19")));
        catalog.taxRates().create(TaxRate.newRate("Reduced", new BigDecimal("7")));
        catalog.units().create(Unit.newUnit("pc", "Piece"));
        catalog.units().create(Unit.newUnit("h", "Hour"));
        ProductCategory hardware = catalog.categories().create(ProductCategory.newCategory(null, "Hardware"));
        ProductCategory software = catalog.categories().create(ProductCategory.newCategory(null, "Software"));
        catalog.categories().create(ProductCategory.newCategory(hardware.id(), "Cables"));
        catalog.categories().create(ProductCategory.newCategory(software.id(), "Cables"));
        catalog.categories().create(ProductCategory.newCategory(null, "Services"));
        return session;
    }

    private static List<ProductRow> all(TenantSession session) {
        return Catalog.of(session).products().list(ProductQuery.all().withInactive(true).sortedBy(ProductQuery.Sort.CODE), null, 500)
                .rows();
    }

    @Test
    void importsAGermanSpreadsheetWithDecimalCommas() {
        TenantSession session = organizationWithCatalog("Product import");
        try {
            String csv = """
                    Artikelnummer;Bezeichnung;Beschreibung;Typ;Einheit;Preis;MwSt;Kategorie;Aktiv
                    HW-1;Patch cable;"2 m; grau, für Räume";material;PC;1.234,50;19 %;Hardware > Cables;ja
                    SV-1;Installation;;Service;h;95;Reduced;Services;nein
                    SV-2;Consulting;;service;h;12,5;;;
                    """;
            CsvFile file = CsvFile.read(csv.getBytes(Charset.forName("windows-1252")));
            assertThat(file.encoding()).isEqualTo("Windows-1252");
            assertThat(file.delimiter()).isEqualTo(';');
            Map<String, String> mapping = ProductImport.suggestMapping(file.header());
            assertThat(mapping.values()).containsExactlyInAnyOrderElementsOf(ProductImport.FIELDS);

            ProductImport importer = Catalog.of(session).productImport();
            Preview preview = importer.preview(file, mapping);
            assertThat(preview.rows()).allMatch(RowReport::ok);
            assertThat(all(session)).as("the preview writes nothing").isEmpty();

            assertThat(importer.commit(file, mapping).valid()).isTrue();
            assertThat(all(session)).extracting(ProductRow::code, ProductRow::name, ProductRow::type, ProductRow::unitCode,
                            r -> r.salePrice().stripTrailingZeros().toPlainString(), ProductRow::active)
                    .containsExactly(tuple("HW-1", "Patch cable", ProductType.MATERIAL, "pc", "1234.5", true),
                            tuple("SV-1", "Installation", ProductType.SERVICE, "h", "95", false),
                            tuple("SV-2", "Consulting", ProductType.SERVICE, "h", "12.5", true));
            ProductDetails cable = Catalog.of(session).products().load(all(session).get(0).id());
            assertThat(cable.description()).isEqualTo("2 m; grau, für Räume");
            assertThat(cable.taxRateId()).isEqualTo(Catalog.of(session).taxRates().defaultRate().id());
            UUID hardwareCables = Catalog.of(session).categories().tree().stream()
                    .filter(c -> c.name().equals("Cables") && c.depth() == 1).filter(c -> Catalog.of(session).categories().tree()
                            .stream().anyMatch(p -> p.id().equals(c.parentId()) && p.name().equals("Hardware")))
                    .findFirst().orElseThrow().id();
            assertThat(cable.categoryId()).isEqualTo(hardwareCables);
            ProductDetails consulting = Catalog.of(session).products().load(all(session).get(2).id());
            assertThat(consulting.taxRateId()).isNull();
            assertThat(consulting.categoryId()).isNull();
        } finally {
            session.person().close();
        }
    }

    @Test
    void everyRefusalIsReportedWithItsLineAndNothingIsImported() {
        TenantSession session = organizationWithCatalog("Product refusals");
        try {
            Catalog.of(session).products().create(ProductDetails.newProduct("EXISTS", "Already here", ProductType.STOCK,
                    BigDecimal.TEN));
            String csv = """
                    Code,Name,Type,Unit,Sale price,Tax rate,Category,Active
                    OK-1,Fine,material,pc,"1,234.50",19,Hardware > Cables,yes
                    U-1,Unknown unit,material,box,1.00,,,
                    T-1,Unknown tax rate,material,pc,1.00,16 %,,
                    C-1,Unknown category,material,pc,1.00,,Furniture,
                    C-2,Ambiguous category,material,pc,1.00,,Cables,
                    ok-1,Same code in any case,material,pc,1.00,,,
                    exists,Code in the catalog,material,pc,1.00,,,
                    ,No code,material,pc,1.00,,,
                    N-1,,material,pc,1.00,,,
                    Y-1,Bad type,gadget,pc,1.00,,,
                    P-1,Bad price,material,pc,12.3.4,,,
                    P-2,Negative price,material,pc,-5,,,
                    A-1,Bad active flag,material,pc,1.00,,,maybe
                    """;
            CsvFile file = CsvFile.read(new StringReader(csv));
            Map<String, String> mapping = ProductImport.suggestMapping(file.header());
            ProductImport importer = Catalog.of(session).productImport();
            Preview preview = importer.preview(file, mapping);
            assertThat(preview.valid()).isFalse();
            assertThat(preview.errorCount()).isEqualTo(12);
            Function<Integer, List<String>> errors = line -> preview.rows().stream().filter(r -> r.line() == line)
                    .findFirst().orElseThrow().errors();
            assertThat(errors.apply(2)).isEmpty();
            assertThat(errors.apply(3)).containsExactly("Unknown unit \"box\" (use the unit's code).");
            assertThat(errors.apply(4)).containsExactly("Unknown tax rate \"16 %\" (use its name or its percentage).");
            assertThat(errors.apply(5)).containsExactly("Unknown category \"Furniture\".");
            assertThat(errors.apply(6)).singleElement().asString().startsWith("Several categories are named \"Cables\"");
            assertThat(errors.apply(7)).containsExactly("Same code as row 2.");
            assertThat(errors.apply(8)).containsExactly("A product with the code exists already exists.");
            assertThat(errors.apply(9)).containsExactly("The code is missing.");
            assertThat(errors.apply(10)).containsExactly("The name is missing.");
            assertThat(errors.apply(11)).singleElement().asString().startsWith("Unknown type \"gadget\"");
            assertThat(errors.apply(12)).singleElement().asString().startsWith("\"12.3.4\" is not a sale price");
            assertThat(errors.apply(13)).singleElement().asString().startsWith("\"-5\" is not a sale price");
            assertThat(errors.apply(14)).containsExactly("\"maybe\" is neither yes nor no.");

            Preview refused = importer.commit(file, mapping);
            assertThat(refused.valid()).isFalse();
            assertThat(refused.errorCount()).isEqualTo(12);
            assertThat(all(session)).as("nothing imported").extracting(ProductRow::code).containsExactly("EXISTS");

            assertThatThrownBy(() -> importer.preview(file, Map.of("Name", "name")))
                    .isInstanceOfSatisfying(WorklineException.class, e -> assertThat(e.problem()).isEqualTo(Problem.INVALID_INPUT));
        } finally {
            session.person().close();
        }
    }

    @Test
    void excelsUnicodeTextAndOnlyCatalogWritersImport() {
        TenantSession session = organizationWithCatalog("Product unicode");
        UUID org = session.organization().id();
        TenantSession employee = db.signInTo(db.newPerson(org, Role.EMPLOYEE), org);
        try {
            byte[] text = "Code\tName\tSale price\nÜ-1\tÖlkanne\t3,5\n".getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
            byte[] bytes = new byte[text.length + 2];
            bytes[0] = (byte) 0xFF;
            bytes[1] = (byte) 0xFE;
            System.arraycopy(text, 0, bytes, 2, text.length);
            CsvFile file = CsvFile.read(bytes);
            assertThat(file.encoding()).isEqualTo("UTF-16LE with BOM");
            assertThat(file.delimiter()).isEqualTo('\t');
            Map<String, String> mapping = ProductImport.suggestMapping(file.header());

            assertThatThrownBy(() -> Catalog.of(employee).productImport().commit(file, mapping))
                    .isInstanceOfSatisfying(WorklineException.class, e -> assertThat(e.problem()).isEqualTo(Problem.NOT_ALLOWED));
            assertThat(all(session)).as("nothing imported").isEmpty();

            assertThat(Catalog.of(session).productImport().commit(file, mapping).valid()).isTrue();
            assertThat(all(session)).singleElement().satisfies(r -> {
                assertThat(r.name()).isEqualTo("Ölkanne");
                assertThat(r.salePrice()).isEqualByComparingTo("3.5");
                assertThat(r.type()).as("the default type").isEqualTo(ProductType.MATERIAL);
            });
        } finally {
            employee.person().close();
            session.person().close();
        }
    }

    @Test
    void theFilesDecimalConventionDecides() {
        assertThat(Decimals.of(List.of("12", "1.234,50"), ',').decimalComma()).isTrue();
        assertThat(Decimals.of(List.of("1,234.50"), ';').decimalComma()).isFalse();
        assertThat(Decimals.of(List.of("12,5"), ',').decimalComma()).isTrue();
        assertThat(Decimals.of(List.of("1.5"), ';').decimalComma()).isFalse();
        assertThat(Decimals.of(List.of("1,234,567"), ';').decimalComma()).isFalse();
        assertThat(Decimals.of(List.of("1.234"), ';').decimalComma()).as("unsettled: the delimiter decides").isTrue();
        assertThat(Decimals.of(List.of("1.234"), ',').decimalComma()).isFalse();
        Decimals comma = new Decimals(true);
        assertThat(comma.parse("1.234,50 €")).isEqualByComparingTo("1234.50");
        assertThat(comma.parse("1.234")).isEqualByComparingTo("1234");
        assertThat(comma.parse("1,234.50")).isNull();
        Decimals point = new Decimals(false);
        assertThat(point.parse("1,234.50")).isEqualByComparingTo("1234.50");
        assertThat(point.parse("1\u00a0234.5")).isEqualByComparingTo("1234.5");
        assertThat(point.parse("12,5")).isNull();
        assertThat(point.parse("abc")).isNull();
    }

    @Test
    void exportThenImportIntoAnotherOrganizationReproducesTheProducts() throws Exception {
        TenantSession source = organizationWithCatalog("Export source");
        TenantSession target = organizationWithCatalog("Export target");
        try {
            String csv = """
                    Code,Name,Description,Type,Unit,Sale price,Tax rate,Category,Active
                    A-1,"Cable, ""special"" grey","multi
                    line",material,pc,1234.5,Standard,Hardware > Cables,yes
                    A-2,Licence,,stock,,0.125,Reduced,Software > Cables,yes
                    A-3,Support hour,,service,h,95,,Services,no
                    A-4,Übergabe,Ä ö ü ß,manufactured,pc,0,,,yes
                    """;
            CsvFile file = CsvFile.read(new StringReader(csv));
            ProductImport sourceImport = Catalog.of(source).productImport();
            assertThat(sourceImport.commit(file, ProductImport.suggestMapping(file.header())).valid()).isTrue();

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            List<Integer> progress = new ArrayList<>();
            long rows = Catalog.of(source).productExport().csv(ProductQuery.all().withInactive(true), out, progress::add);
            assertThat(rows).isEqualTo(4);
            assertThat(progress).last().isEqualTo(4);

            CsvFile exported = CsvFile.read(out.toByteArray());
            assertThat(exported.encoding()).isEqualTo("UTF-8 with BOM");
            assertThat(exported.header()).containsExactlyElementsOf(ProductExport.HEADER);
            Preview imported = Catalog.of(target).productImport().commit(exported, ProductImport.suggestMapping(exported.header()));
            assertThat(imported.errorCount()).isZero();
            assertThat(snapshot(target)).isEqualTo(snapshot(source));

            ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
            assertThat(Catalog.of(source).productExport().xlsx(ProductQuery.search("A-1"), xlsx, n -> { })).isEqualTo(1);
            assertThat(xlsx.toByteArray()).startsWith('P', 'K');
            ByteArrayOutputStream activeOnly = new ByteArrayOutputStream();
            assertThat(Catalog.of(source).productExport().csv(ProductQuery.all(), activeOnly, n -> { }))
                    .as("as filtered: without the inactive one").isEqualTo(3);
        } finally {
            source.person().close();
            target.person().close();
        }
    }

    /** Everything the import sets, with references by name (ids differ between organizations). */
    private static List<String> snapshot(TenantSession session) {
        Catalog catalog = Catalog.of(session);
        Map<UUID, String> categories = ProductExport.paths(catalog.categories().tree());
        Map<UUID, String> rates = new java.util.HashMap<>();
        catalog.taxRates().list().forEach(r -> rates.put(r.id(), r.name()));
        Map<UUID, String> units = new java.util.HashMap<>();
        catalog.units().list().forEach(u -> units.put(u.id(), u.code()));
        return all(session).stream().map(r -> catalog.products().load(r.id())).map(p -> String.join("|", p.code(), p.name(),
                String.valueOf(p.description()), p.type().name(), String.valueOf(units.get(p.unitId())),
                p.salePrice().stripTrailingZeros().toPlainString(), String.valueOf(rates.get(p.taxRateId())),
                String.valueOf(categories.get(p.categoryId())), String.valueOf(p.active()))).toList();
    }
}
