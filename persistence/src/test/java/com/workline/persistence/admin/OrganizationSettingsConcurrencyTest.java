package com.workline.persistence.admin;

import com.workline.persistence.session.Role;
import com.workline.persistence.common.ConcurrentEditException;
import com.workline.persistence.common.Problem;
import com.workline.persistence.common.ValidationException;
import com.workline.persistence.common.WorklineException;
import com.workline.persistence.testing.Sql;
import com.workline.persistence.testing.TestDatabase;
import com.workline.persistence.session.TenantSession;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrganizationSettingsConcurrencyTest {

    static OrganizationSettings renamed(OrganizationSettings s, String name, int terms) {
        return new OrganizationSettings(s.id(), name, s.legalName(), s.taxId(), s.baseCurrency(), s.timezone(), s.locale(),
                s.address(), s.email(), s.phone(), s.website(), s.logo(), s.logoContentType(), s.numberFormats(),
                terms, s.taxRoundingMode(), s.defaultTaxRate(), s.quoteValidityDays(), s.documentFooter(), s.documentAccentColour(), s.quoteTerms(),
                s.quoteAcceptanceLimit(), s.version());
    }

    @Test
    void theSecondOfTwoAdminsSavingIsRefusedAndNothingIsOverwritten() throws Exception {
        TestDatabase db = TestDatabase.get();
        UUID org = db.newOrganization("Concurrent");
        TenantSession first = db.signInTo(db.newPerson(org, Role.OWNER), org);
        TenantSession second = db.signInTo(db.newPerson(org, Role.ADMIN), org);
        try {
            OrganizationSettings loadedByFirst = Administration.of(first).organizationSettings().load();
            OrganizationSettings loadedBySecond = Administration.of(second).organizationSettings().load();

            OrganizationSettings saved = Administration.of(first).organizationSettings().save(renamed(loadedByFirst, "Concurrent First", 45));
            assertThat(saved.version()).isEqualTo(loadedByFirst.version() + 1);

            assertThatThrownBy(() -> Administration.of(second).organizationSettings().save(renamed(loadedBySecond, "Concurrent Second", 10)))
                    .isInstanceOf(ConcurrentEditException.class)
                    .hasMessageContaining("Someone else changed");

            OrganizationSettings now = Administration.of(second).organizationSettings().load();
            assertThat(now.name()).isEqualTo("Concurrent First");
            assertThat(now.defaultPaymentTermsDays()).isEqualTo(45);
            // The audit log recorded who changed which field from what to what.
            assertThat(Sql.rows(db.superuser(), """
                    SELECT changed_fields, old_data->>'name', new_data->>'name' FROM audit.audit_log
                     WHERE organization_id = ? AND table_name = 'app.organizations' AND action = 'UPDATE'""", org))
                    .hasSize(1)
                    .first().satisfies(row -> {
                        assertThat(row.get(1)).asString().startsWith("Concurrent");
                        assertThat(row.get(2)).isEqualTo("Concurrent First");
                    });
        } finally {
            first.person().close();
            second.person().close();
        }
    }

    @Test
    void employeesCannotChangeSettings() {
        TestDatabase db = TestDatabase.get();
        UUID org = db.newOrganization("Employee settings");
        TenantSession employee = db.signInTo(db.newPerson(org, Role.EMPLOYEE), org);
        try {
            OrganizationSettings s = Administration.of(employee).organizationSettings().load();
            assertThatThrownBy(() -> Administration.of(employee).organizationSettings().save(renamed(s, "Hijacked", 1)))
                    .isInstanceOf(WorklineException.class)
                    .extracting(e -> ((WorklineException) e).problem()).isEqualTo(Problem.NOT_ALLOWED);
        } finally {
            employee.person().close();
        }
    }

    @Test
    void invalidSettingsAreReportedPerField() {
        TestDatabase db = TestDatabase.get();
        UUID org = db.newOrganization("Invalid settings");
        TenantSession owner = db.signInTo(db.newPerson(org, Role.OWNER), org);
        try {
            OrganizationSettings s = Administration.of(owner).organizationSettings().load();
            OrganizationSettings bad = new OrganizationSettings(s.id(), " ", null, null, "EURO", "Mars/Olympus", "xx_YY",
                    new PostalAddress(null, null, null, null, null, "Germany"), "not-an-email", null, null,
                    new byte[10], "image/bmp",
                    new NumberFormats("Q-{yyyy}", s.numberFormats().invoice(), s.numberFormats().creditNote(),
                            s.numberFormats().productionOrder(), s.numberFormats().project(), s.numberFormats().customer()),
                    400, TaxRoundingMode.PER_DOCUMENT, new BigDecimal("19.12345"), 0, null, "red", null,
                    new BigDecimal("-1"), s.version());
            assertThatThrownBy(() -> Administration.of(owner).organizationSettings().save(bad))
                    .isInstanceOf(ValidationException.class)
                    .satisfies(e -> assertThat(((ValidationException) e).fieldErrors()).containsOnlyKeys(
                            "name", "baseCurrency", "timezone", "locale", "country", "email", "logo",
                            "numberFormat.quote", "defaultPaymentTermsDays", "defaultTaxRate", "quoteValidityDays",
                            "documentAccentColour", "quoteAcceptanceLimit"));
            assertThat(Administration.of(owner).organizationSettings().load().version()).isEqualTo(s.version());
        } finally {
            owner.person().close();
        }
    }

    @Test
    void settingsRoundTripIncludingLogo() {
        TestDatabase db = TestDatabase.get();
        UUID org = db.newOrganization("Round trip");
        TenantSession owner = db.signInTo(db.newPerson(org, Role.OWNER), org);
        try {
            OrganizationSettings s = Administration.of(owner).organizationSettings().load();
            byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};
            OrganizationSettings changed = new OrganizationSettings(s.id(), "Round Trip AG", "Round Trip Aktiengesellschaft",
                    "DE123456789", "CHF", "Europe/Zurich", "de-CH",
                    new PostalAddress("Bahnhofstrasse 1", null, "Zürich", "ZH", "8001", "CH"), "hello@roundtrip.test",
                    "+41 44 000 00 00", "https://roundtrip.test", png, "image/png",
                    new NumberFormats("OFF-{yy}-{seq:4}", "RE-{yyyy}-{seq:6}", "GS-{yyyy}-{seq}", "FA-{seq:5}",
                            "P-{seq:3}", "K-{seq:6}"),
                    60, TaxRoundingMode.PER_DOCUMENT, new BigDecimal("8.1000"), 14, "Thank you.", "#8a1c1c",
                    "Prices in CHF.", new BigDecimal("2500.00"), s.version());
            OrganizationSettings saved = Administration.of(owner).organizationSettings().save(changed);
            OrganizationSettings reloaded = Administration.of(owner).organizationSettings().load();
            assertThat(reloaded).usingRecursiveComparison().ignoringFields("version").isEqualTo(changed);
            assertThat(reloaded.version()).isEqualTo(saved.version());
        } finally {
            owner.person().close();
        }
    }
}
