package com.workline.persistence.crm;

import com.workline.persistence.session.Role;
import com.workline.persistence.common.WorklineException;
import com.workline.persistence.session.TenantSession;
import com.workline.persistence.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CustomerImportTest {
    private final TestDatabase db = TestDatabase.get();

    private static final String CSV = """
            Company;E-Mail;Status;VAT;First name;Last name;Notes
            "Acme; the tool people";orders@acme.test;active;DE111;Ann;Acme;"multi
            line"
            Bolt Works;bolt@bolt.test;Prospect;DE222;;Bolt;
            Bolt Again;BOLT@bolt.test;lead;DE333;;;
            ;nameless@x.test;lead;;;;
            Existing Dup;dup@existing.test;lead;DE999;;;
            Bad Status;status@x.test;sleeping;;;;
            """;

    @Test
    void previewReportsEveryRowAndCommitIsAllOrNothing() {
        UUID org = db.newOrganization("Import");
        TenantSession session = db.signInTo(db.newPerson(org, Role.EMPLOYEE), org);
        try {
            Crm.of(session).customers().create(new CustomerDetails(null, null, "Already Here", CustomerType.COMPANY,
                    CustomerStatus.ACTIVE, null, null, "dup@existing.test", null, "DE999", null, null, null, null, List.of(),
                    null, null, Map.of(), 0));
            CustomerImport importer = Crm.of(session).customerImport();
            CustomerImport.CsvFile file = CustomerImport.read(new StringReader(CSV));
            assertThat(file.header()).containsExactly("Company", "E-Mail", "Status", "VAT", "First name", "Last name", "Notes");
            assertThat(file.rows()).hasSize(6);
            Map<String, String> mapping = CustomerImport.suggestMapping(file.header());
            assertThat(mapping).containsEntry("Company", "name").containsEntry("E-Mail", "email")
                    .containsEntry("VAT", "taxId").containsEntry("Last name", "contactLastName").doesNotContainKey("Notes");

            CustomerImport.Preview preview = importer.preview(file, mapping);
            assertThat(preview.valid()).isFalse();
            assertThat(preview.rows()).extracting(CustomerImport.RowReport::line).containsExactly(2, 3, 4, 5, 6, 7);
            assertThat(preview.rows().get(0).ok()).isTrue();
            assertThat(preview.rows().get(0).values()).containsEntry("name", "Acme; the tool people");
            assertThat(preview.rows().get(1).ok()).isTrue();
            assertThat(preview.rows().get(2).errors()).containsExactly("Same email as row 3.");
            assertThat(preview.rows().get(3).errors()).containsExactly("The name is missing.");
            assertThat(preview.rows().get(4).errors()).hasSize(2).allMatch(e -> e.contains("already exists"));
            assertThat(preview.rows().get(5).errors()).singleElement().asString().contains("Unknown status");

            CustomerImport.Preview refused = importer.commit(file, mapping);
            assertThat(refused.valid()).isFalse();
            assertThat(Crm.of(session).customers().count(CustomerQuery.all()).value()).as("nothing imported").isEqualTo(1);

            CustomerImport.CsvFile good = new CustomerImport.CsvFile(file.header(), file.rows().subList(0, 2));
            assertThat(importer.commit(good, mapping).valid()).isTrue();
            assertThat(Crm.of(session).customers().list(CustomerQuery.all().withSearch("acme"), null, 10).rows())
                    .singleElement().satisfies(r -> {
                        assertThat(r.number()).isEqualTo("C-000002");
                        assertThat(r.status()).isEqualTo(CustomerStatus.ACTIVE);
                    });
            UUID bolt = Crm.of(session).customers().list(CustomerQuery.all().withSearch("bolt works"), null, 10).rows().get(0).id();
            assertThat(Crm.of(session).contacts().contacts(bolt)).singleElement().satisfies(c -> {
                assertThat(c.lastName()).isEqualTo("Bolt");
                assertThat(c.primary()).isTrue();
            });
        } finally {
            session.person().close();
        }
    }

    @Test
    void malformedFilesAreRefusedWithAReason() {
        assertThatThrownBy(() -> CustomerImport.read(new StringReader(""))).isInstanceOf(WorklineException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> CustomerImport.read(new StringReader("Name,Email\n\"unterminated,x\n")))
                .isInstanceOf(WorklineException.class).hasMessageContaining("not a readable CSV");
    }

    /** The same sheet as Excel and LibreOffice save it: the umlauts, ß and € must survive every encoding. */
    private static final String SHEET = "Firma;E-Mail;Branche\nMüller & Söhne GmbH;info@mueller.test;Bäckerei\n"
            + "Größenwahn AG;kontakt@groesse.test;Maß & Preis in €\n";

    @Test
    void readsTheEncodingsSpreadsheetsWriteAndSaysWhichItUsed() throws Exception {
        java.nio.charset.Charset cp1252 = java.nio.charset.Charset.forName("windows-1252");
        record Case(String expectedEncoding, byte[] bytes) {
        }
        byte[] utf8 = SHEET.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bomUtf8 = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8);
        // Excel's "Unicode text": UTF-16 little endian with BOM, tab-separated.
        byte[] utf16le = concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                SHEET.replace(';', '\t').getBytes(java.nio.charset.StandardCharsets.UTF_16LE));
        byte[] utf16be = concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, SHEET.getBytes(java.nio.charset.StandardCharsets.UTF_16BE));
        byte[] windows = SHEET.replace("\n", "\r\n").getBytes(cp1252);
        assertThat(windows).as("the euro sign is 0x80 in Windows-1252").contains((byte) 0x80);
        List<Case> cases = List.of(new Case("UTF-8", utf8), new Case("UTF-8 with BOM", bomUtf8),
                new Case("UTF-16LE with BOM", utf16le), new Case("UTF-16BE with BOM", utf16be),
                new Case("Windows-1252", windows));
        for (Case c : cases) {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("sheet", ".csv");
            java.nio.file.Files.write(file, c.bytes());
            CustomerImport.CsvFile read = CustomerImport.read(java.nio.file.Files.readAllBytes(file));
            assertThat(read.encoding()).as(c.expectedEncoding()).isEqualTo(c.expectedEncoding());
            assertThat(read.header()).as(c.expectedEncoding()).containsExactly("Firma", "E-Mail", "Branche");
            assertThat(read.rows()).as(c.expectedEncoding()).containsExactly(
                    List.of("Müller & Söhne GmbH", "info@mueller.test", "Bäckerei"),
                    List.of("Größenwahn AG", "kontakt@groesse.test", "Maß & Preis in €"));
        }
        assertThat(CustomerImport.read(new StringReader("Name\nX\n")).encoding()).as("text given, not bytes").isNull();
        assertThatThrownBy(() -> CustomerImport.read(new byte[] {(byte) 0xFF, (byte) 0xFE, 0x41}))
                .isInstanceOf(WorklineException.class).hasMessageContaining("UTF-16LE");

        // Imported from the Windows file, the names arrive in the database as they were typed.
        UUID org = db.newOrganization("Umlauts");
        TenantSession session = db.signInTo(db.newPerson(org, Role.EMPLOYEE), org);
        try {
            CustomerImport.CsvFile file = CustomerImport.read(windows);
            Map<String, String> mapping = Map.of("Firma", "name", "E-Mail", "email", "Branche", "industry");
            assertThat(Crm.of(session).customerImport().commit(file, mapping).valid()).isTrue();
            assertThat(Crm.of(session).customers().list(CustomerQuery.all(), null, 10).rows())
                    .extracting(CustomerRow::name).containsExactly("Größenwahn AG", "Müller & Söhne GmbH");
            UUID mueller = Crm.of(session).customers().list(CustomerQuery.all().withSearch("söhne"), null, 10).rows().get(0).id();
            assertThat(Crm.of(session).customers().load(mueller).industry()).isEqualTo("Bäckerei");
        } finally {
            session.person().close();
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
