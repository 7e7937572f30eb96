package com.workline.persistence.admin;

import com.workline.persistence.common.Problem;
import com.workline.persistence.common.ValidationException;
import com.workline.persistence.common.WorklineException;
import com.workline.persistence.documents.Branding;
import com.workline.persistence.documents.Party;
import com.workline.persistence.quoting.Quoting;
import com.workline.persistence.session.Role;
import com.workline.persistence.session.TenantSession;
import com.workline.persistence.testing.Fixtures;
import com.workline.persistence.testing.Sql;
import com.workline.persistence.testing.TestDatabase;
import com.workline.persistence.testing.TestPerson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The organization's document settings (V12): saved and read, what the database refuses, who may change them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentSettingsTest {
    private final TestDatabase db = TestDatabase.get();
    private UUID org;
    private UUID otherOrg;
    private TestPerson ownerPerson;
    private TenantSession owner;

    @BeforeAll
    void organization() throws SQLException {
        org = db.newOrganization("Branding");
        otherOrg = db.newOrganization("Other branding");
        ownerPerson = db.newPerson(org, Role.OWNER);
        Fixtures.crmDataOf(db, org, ownerPerson.userId());
        owner = db.signInTo(ownerPerson, org);
    }

    @AfterAll
    void close() {
        owner.person().close();
    }

    static byte[] png(int width, int height) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static OrganizationSettings withDocuments(OrganizationSettings s, byte[] logo, String type, String footer, String colour,
                                              String terms, BigDecimal limit) {
        return new OrganizationSettings(s.id(), s.name(), s.legalName(), s.taxId(), s.baseCurrency(), s.timezone(), s.locale(),
                s.address(), s.email(), s.phone(), s.website(), logo, type, s.numberFormats(), s.defaultPaymentTermsDays(),
                s.taxRoundingMode(), s.defaultTaxRate(), s.quoteValidityDays(), footer, colour, terms, limit, s.version());
    }

    @Test
    @DisplayName("saved and read back; DocumentBranding makes the renderer's branding and the seller from them")
    void savedAndTurnedIntoBranding() throws SQLException {
        OrganizationSettingsService service = Administration.of(owner).organizationSettings();
        OrganizationSettings s = service.load();
        assertThat(Administration.of(owner).organizationSettings().load().id()).isEqualTo(org);
        assertThat(Sql.value(db.superuser(), "SELECT document_accent_colour FROM app.organizations WHERE id = ?", otherOrg))
                .as("a new organization's colour").isEqualTo(Branding.DEFAULT_ACCENT);
        byte[] logo = png(40, 20);
        OrganizationSettings saved = service.save(withDocuments(s, logo, "image/png", "Bank: IBAN DE02 1234",
                " #8A1C1C ", "Prices without VAT.", new BigDecimal("2500.50")));
        OrganizationSettings loaded = service.load();
        assertThat(loaded.documentAccentColour()).isEqualTo("#8a1c1c");
        assertThat(loaded.documentFooter()).isEqualTo("Bank: IBAN DE02 1234");
        assertThat(loaded.quoteTerms()).isEqualTo("Prices without VAT.");
        assertThat(loaded.quoteAcceptanceLimit()).isEqualByComparingTo("2500.50");
        assertThat(Quoting.of(owner).quotes().acceptanceLimit()).as("the quote functions read the same limit")
                .isEqualByComparingTo("2500.50");
        assertThat(loaded.version()).isEqualTo(saved.version());

        Branding branding = DocumentBranding.branding(loaded);
        assertThat(branding.accentColour()).isEqualTo("#8a1c1c");
        assertThat(branding.footerText()).isEqualTo("Bank: IBAN DE02 1234");
        assertThat(branding.terms()).isEqualTo("Prices without VAT.");
        assertThat(branding.logo().bytes()).isEqualTo(logo);
        assertThat(branding.logo().contentType()).isEqualTo("image/png");

        OrganizationSettings addressed = service.save(new OrganizationSettings(loaded.id(), "Branding", "Branding GmbH",
                "DE123", loaded.baseCurrency(), loaded.timezone(), loaded.locale(),
                new PostalAddress("Hauptstr. 1", null, "Berlin", null, "10115", "DE"), "info@branding.test", "+49 30 1",
                null, loaded.logo(), loaded.logoContentType(), loaded.numberFormats(), loaded.defaultPaymentTermsDays(),
                loaded.taxRoundingMode(), loaded.defaultTaxRate(), loaded.quoteValidityDays(), null,
                loaded.documentAccentColour(), null, null, loaded.version()));
        Party seller = DocumentBranding.seller(addressed);
        assertThat(seller.name()).isEqualTo("Branding GmbH");
        assertThat(seller.addressLines()).containsExactly("Hauptstr. 1", "10115 Berlin");
        assertThat(seller.taxId()).isEqualTo("DE123");
        assertThat(DocumentBranding.branding(addressed).footerText()).isNull();
        assertThat(addressed.quoteAcceptanceLimit()).as("emptied: no limit").isNull();
    }

    @Test
    @DisplayName("the service checks colour, limit, logo type and size before anything is written")
    void invalidDocumentSettingsArePerField() {
        OrganizationSettingsService service = Administration.of(owner).organizationSettings();
        OrganizationSettings s = service.load();
        byte[] gif = "GIF89a....".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> service.save(withDocuments(s, gif, "image/png", "x".repeat(2001), "blue",
                "t".repeat(8001), new BigDecimal("10.005"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys(
                        "logo", "documentFooter", "documentAccentColour", "quoteTerms", "quoteAcceptanceLimit"));
        byte[] large = Arrays.copyOf(png(10, 10), 1024 * 1024 + 1);
        assertThatThrownBy(() -> service.save(withDocuments(s, large, "image/png", null, "#fff", null, null)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.fieldErrors()).containsEntry("logo", "The logo may be at most 1 MB."));
        assertThat(service.load().version()).isEqualTo(s.version());
    }

    @Test
    @DisplayName("the database refuses a colour that is not #hex, an oversize logo, and a logo that is not its type")
    void theDatabaseRefusesBadValuesEvenFromAnOwner() throws SQLException {
        byte[] png = png(8, 8);
        try (Connection c = db.connectAs(ownerPerson)) {
            Sql.selectTenantForSession(c, org);
            assertThat(Sql.update(c, "UPDATE app.organizations SET document_accent_colour = '#0a0B0c' WHERE id = ?", org))
                    .isEqualTo(1);
            for (String colour : List.of("red", "#12345", "#1234567", "#ggg", "#fff; } body { display: none }", "")) {
                assertCheckViolation(c, "UPDATE app.organizations SET document_accent_colour = ? WHERE id = ?", colour, org);
            }
            byte[] large = Arrays.copyOf(png, 1024 * 1024 + 1);
            assertCheckViolation(c, "UPDATE app.organizations SET logo = ?, logo_content_type = 'image/png' WHERE id = ?",
                    large, org);
            assertCheckViolation(c, "UPDATE app.organizations SET logo = ?, logo_content_type = 'image/gif' WHERE id = ?",
                    "GIF89a".getBytes(java.nio.charset.StandardCharsets.US_ASCII), org);
            assertCheckViolation(c, "UPDATE app.organizations SET logo = ?, logo_content_type = 'image/jpeg' WHERE id = ?",
                    png, org);
            assertCheckViolation(c, "UPDATE app.organizations SET logo = ?, logo_content_type = NULL WHERE id = ?", png, org);
            assertCheckViolation(c, "UPDATE app.organizations SET quote_terms = ? WHERE id = ?", "t".repeat(8001), org);
            assertCheckViolation(c, "UPDATE app.organizations SET quote_acceptance_limit = -1 WHERE id = ?", org);
            assertThat(Sql.update(c, "UPDATE app.organizations SET logo = ?, logo_content_type = 'image/png' WHERE id = ?",
                    png, org)).isEqualTo(1);
            assertThat(Sql.update(c, "UPDATE app.organizations SET logo = ?, logo_content_type = 'image/jpeg' WHERE id = ?",
                    new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16}, org)).isEqualTo(1);
        }
    }

    private static void assertCheckViolation(Connection c, String sql, Object... parameters) {
        assertThatThrownBy(() -> Sql.update(c, sql, parameters)).as(sql)
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23514"));
    }

    @Test
    @DisplayName("hostile psql: managers, employees and viewers, and another organization's admin, change no branding")
    void onlyOwnersAndAdminsOfTheOrganizationChangeTheBranding() throws SQLException {
        Object before = Sql.rows(db.superuser(), """
                SELECT document_accent_colour, document_footer, quote_terms, quote_acceptance_limit, encode(logo, 'hex'), version
                  FROM app.organizations WHERE id = ?""", org);
        for (Role role : List.of(Role.MANAGER, Role.EMPLOYEE, Role.VIEWER)) {
            TestPerson person = db.newPerson(org, role);
            try (Connection c = db.connectAs(person)) {
                Sql.selectTenantForSession(c, org);
                assertThat(Sql.count(c, "SELECT count(*) FROM app.organizations WHERE id = ?", org)).as("reads").isEqualTo(1);
                assertThat(Sql.update(c, """
                        UPDATE app.organizations SET document_accent_colour = '#000000', document_footer = 'Hijacked',
                               quote_terms = 'Hijacked', quote_acceptance_limit = 999999999, logo = NULL,
                               logo_content_type = NULL WHERE id = ?""", org)).as(role.name()).isZero();
            }
            TenantSession session = db.signInTo(person, org);
            try {
                OrganizationSettingsService service = Administration.of(session).organizationSettings();
                OrganizationSettings s = service.load();
                assertThatThrownBy(() -> service.save(withDocuments(s, null, null, "Hijacked", "#000", null, null)))
                        .isInstanceOfSatisfying(WorklineException.class, e -> assertThat(e.problem()).isEqualTo(Problem.NOT_ALLOWED));
            } finally {
                session.person().close();
            }
        }
        TestPerson otherAdmin = db.newPerson(otherOrg, Role.ADMIN);
        try (Connection c = db.connectAs(otherAdmin)) {
            Sql.selectTenantForSession(c, org);
            assertThat(Sql.update(c, "UPDATE app.organizations SET document_footer = 'Hijacked' WHERE id = ?", org)).isZero();
            Sql.selectTenantForSession(c, otherOrg);
            assertThat(Sql.update(c, "UPDATE app.organizations SET document_footer = 'Hijacked' WHERE id = ?", org)).isZero();
            assertThat(Sql.update(c, "UPDATE app.organizations SET document_footer = 'Ours' WHERE id = ?", otherOrg))
                    .as("their own organization").isEqualTo(1);
        }
        assertThat(Sql.rows(db.superuser(), """
                SELECT document_accent_colour, document_footer, quote_terms, quote_acceptance_limit, encode(logo, 'hex'), version
                  FROM app.organizations WHERE id = ?""", org)).isEqualTo(before);
    }

    @Test
    @DisplayName("a new draft starts with the organization's standard terms")
    void newDraftsGetTheStandardTerms() throws SQLException {
        UUID customer = (UUID) Sql.value(db.superuser(), "SELECT id FROM app.customers WHERE organization_id = ?", org);
        OrganizationSettingsService service = Administration.of(owner).organizationSettings();
        OrganizationSettings s = service.load();
        service.save(withDocuments(s, s.logo(), s.logoContentType(), s.documentFooter(), s.documentAccentColour(),
                "Valid for 30 days. Delivery ex works.", s.quoteAcceptanceLimit()));
        assertThat(Quoting.of(owner).quotes().createDraft(customer, null, null, "With terms").terms())
                .isEqualTo("Valid for 30 days. Delivery ex works.");
    }
}
