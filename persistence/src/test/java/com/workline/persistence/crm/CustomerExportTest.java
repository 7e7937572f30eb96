package com.workline.persistence.crm;

import com.workline.persistence.session.Role;
import com.workline.persistence.session.TenantSession;
import com.workline.persistence.testing.TestDatabase;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerExportTest {
    private final TestDatabase db = TestDatabase.get();

    @Test
    void exportsTheFilteredListToCsvAndXlsxPageByPage() throws Exception {
        UUID org = db.newOrganization("Export");
        TenantSession session = db.signInTo(db.newPerson(org, Role.VIEWER), org);
        TenantSession writer = db.signInTo(db.newPerson(org, Role.EMPLOYEE), org);
        try {
            for (int i = 0; i < 1203; i++) {
                Crm.of(writer).customers().create(CustomerDetails.newCustomer("Export \"Co\", No. " + i, CustomerType.COMPANY,
                        i % 3 == 0 ? CustomerStatus.LEAD : CustomerStatus.ACTIVE));
            }
            CustomerExport export = new CustomerExport(Crm.of(session).customers());
            CustomerQuery leads = CustomerQuery.all().withStatuses(Set.of(CustomerStatus.LEAD));

            ByteArrayOutputStream csv = new ByteArrayOutputStream();
            List<Integer> progress = new ArrayList<>();
            assertThat(export.csv(leads, csv, progress::add)).isEqualTo(401);
            assertThat(progress).containsExactly(401);
            String text = csv.toString(StandardCharsets.UTF_8);
            assertThat(text).startsWith("\uFEFFNumber,Name,Status,Email,Phone,Owner,Tags,Created\r\n");
            assertThat(text.lines().count()).isEqualTo(402);
            assertThat(text).contains("\"Export \"\"Co\"\", No. 0\",lead");

            ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
            assertThat(export.xlsx(CustomerQuery.all(), xlsx, n -> { })).isEqualTo(1203);
            try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.toByteArray()))) {
                List<Row> rows = workbook.getFirstSheet().read();
                assertThat(rows).hasSize(1204);
                assertThat(rows.get(0).getCellText(1)).isEqualTo("Name");
                assertThat(rows.get(1).getCellText(1)).isEqualTo("Export \"Co\", No. 0");
            }
        } finally {
            session.person().close();
            writer.person().close();
        }
    }
}
