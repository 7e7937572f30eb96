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
}
