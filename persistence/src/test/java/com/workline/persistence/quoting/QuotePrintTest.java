package com.workline.persistence.quoting;

import com.workline.persistence.admin.Administration;
import com.workline.persistence.admin.OrganizationSettings;
import com.workline.persistence.admin.OrganizationSettingsService;
import com.workline.persistence.admin.PostalAddress;
import com.workline.persistence.crm.Address;
import com.workline.persistence.crm.Crm;
import com.workline.persistence.documents.BusinessDocument;
import com.workline.persistence.session.Role;
import com.workline.persistence.session.TenantSession;
import com.workline.persistence.testing.Fixtures;
import com.workline.persistence.testing.Sql;
import com.workline.persistence.testing.TestDatabase;
import com.workline.persistence.testing.TestPerson;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A stored quote as the customer receives it: branding, both addresses, contact, terms, footer, numbered pages. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuotePrintTest {
    private final TestDatabase db = TestDatabase.get();
    private UUID org;
    private UUID customer;
    private UUID contact;
    private UUID product;
    private TenantSession owner;
    private TenantSession employee;

    @BeforeAll
    void organization() throws SQLException, IOException {
        org = db.newOrganization("Printing");
        TestPerson ownerPerson = db.newPerson(org, Role.OWNER);
        Fixtures.crmDataOf(db, org, ownerPerson.userId());
        customer = (UUID) Sql.value(db.superuser(), "SELECT id FROM app.customers WHERE organization_id = ?", org);
        contact = (UUID) Sql.value(db.superuser(), "SELECT id FROM app.contacts WHERE organization_id = ?", org);
        product = (UUID) Sql.value(db.superuser(), "SELECT id FROM app.products WHERE organization_id = ?", org);
        owner = db.signInTo(ownerPerson, org);
        employee = db.signInTo(db.newPerson(org, Role.EMPLOYEE), org);

        // A shipping address first, then an office in Austria as the default billing address.
        var contacts = Crm.of(owner).contacts();
        contacts.addAddress(new Address(null, customer, "shipping", "Lagerweg 9", null, "Hamburg", null, "20095", "DE",
                false, true, 0));
        contacts.addAddress(new Address(null, customer, "billing", "Ringstraße 5", "3. Stock", "Wien", null, "1010", "AT",
                true, false, 0));

        OrganizationSettingsService settings = Administration.of(owner).organizationSettings();
        OrganizationSettings s = settings.load();
        settings.save(new OrganizationSettings(s.id(), "Printing", "Printing Werkstätten GmbH", "DE111222333", "EUR",
                "Europe/Berlin", "de-DE", new PostalAddress("Druckerstraße 7", null, "Leipzig", null, "04109", "DE"),
                "angebote@printing.test", "+49 341 000", null, logo(), "image/png", s.numberFormats(),
                s.defaultPaymentTermsDays(), s.taxRoundingMode(), s.defaultTaxRate(), s.quoteValidityDays(),
                "Printing Werkstätten GmbH · Sparkasse Leipzig · IBAN DE02 8605 5592 0000 0000 00", "#8a1c1c",
                "Zahlbar innerhalb von 14 Tagen ohne Abzug.", new BigDecimal("5000"), s.version()));
    }

    @AfterAll
    void close() {
        owner.person().close();
        employee.person().close();
    }

    private static byte[] logo() throws IOException {
        BufferedImage image = new BufferedImage(90, 30, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x8a1c1c));
        g.fillRect(0, 0, 90, 30);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private QuoteDetails longQuote() {
        QuoteService quotes = Quoting.of(employee).quotes();
        QuoteDetails draft = quotes.createDraft(customer, contact, null, "Werkstattausstattung");
        List<QuoteLine> lines = new ArrayList<>();
        lines.add(QuoteLine.text("Maschinen"));
        for (int i = 1; i <= 30; i++) {
            lines.add(QuoteLine.product(product, "Werkbank Typ " + i, "1", "Stk", "450", "19"));
        }
        lines.add(QuoteLine.text("Bücher"));
        for (int i = 1; i <= 25; i++) {
            lines.add(QuoteLine.product(product, "Handbuch Band " + i, "2", "Stk", "19.90", "7"));
        }
        return quotes.saveDraft(draft.withLines(lines));
    }

    @Test
    @DisplayName("the PDF shows logo, both addresses, contact, sections, per-rate tax, validity, terms, footer, page x of y")
    void theQuotePdfCarriesEverything() throws IOException {
        QuoteDetails quote = longQuote();
        assertThat(quote.terms()).as("a new draft starts with the standard terms")
                .isEqualTo("Zahlbar innerhalb von 14 Tagen ohne Abzug.");

        byte[] pdf = Quoting.of(employee).printing().pdf(quote.id(), "Entwurf");

        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThanOrEqualTo(2);
            String text = new PDFTextStripper().getText(document).replace('\u00a0', ' ').replace('\u202f', ' ');
            assertThat(text).contains(
                    "Printing Werkstätten GmbH", "Druckerstraße 7", "04109 Leipzig", "USt-IdNr. DE111222333",
                    "Alpha Secret Customer", "Ada Alphason", "Ringstraße 5", "3. Stock", "1010 Wien", "Österreich",
                    "Angebot Entwurf", "Werkstattausstattung", "Gültig bis", "Maschinen", "Bücher",
                    "Werkbank Typ 30", "Handbuch Band 25", "USt. 7 % auf 995,00 €", "USt. 19 % auf 13.500,00 €",
                    "Gesamtbetrag", "Bedingungen", "Zahlbar innerhalb von 14 Tagen ohne Abzug.",
                    "Seite 1 von " + pages, "Seite " + pages + " von " + pages);
            assertThat(text).as("not the shipping address, and no country line for the seller's own country")
                    .doesNotContain("Lagerweg", "Deutschland");
            assertThat(text.split("IBAN DE02 8605 5592 0000 0000 00", -1)).as("the footer on every page").hasSize(pages + 1);

            PDResources resources = document.getPage(0).getResources();
            List<PDImageXObject> images = new ArrayList<>();
            for (COSName name : resources.getXObjectNames()) {
                if (resources.getXObject(name) instanceof PDImageXObject image) {
                    images.add(image);
                }
            }
            assertThat(images).as("the logo").singleElement().satisfies(image -> assertThat(image.getWidth()).isEqualTo(90));

            // The accent colour is drawn: the table header's background.
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 36);
            int accent = 0;
            for (int y = 0; y < page.getHeight(); y++) {
                for (int x = 0; x < page.getWidth(); x++) {
                    if ((page.getRGB(x, y) & 0xFFFFFF) == 0x8a1c1c) {
                        accent++;
                    }
                }
            }
            assertThat(accent).isGreaterThan(200);
        }
    }

    @Test
    @DisplayName("the buyer is the customer with the quote's contact and the default billing address")
    void theBuyerIsTheBillingAddress() {
        QuoteService quotes = Quoting.of(employee).quotes();
        QuoteDetails draft = quotes.createDraft(customer, null, null, "Ohne Kontakt");
        BusinessDocument document = Quoting.of(employee).printing().document(draft.id(), "Entwurf");
        assertThat(document.buyer().name()).isEqualTo("Alpha Secret Customer");
        assertThat(document.buyer().contact()).isNull();
        assertThat(document.buyer().addressLines()).containsExactly("Ringstraße 5", "3. Stock", "1010 Wien", "Österreich");
        assertThat(document.seller().addressLines()).containsExactly("Druckerstraße 7", "04109 Leipzig");
        assertThat(document.number()).isEqualTo("Entwurf");
        assertThat(document.terms()).isEqualTo("Zahlbar innerhalb von 14 Tagen ohne Abzug.");
    }
}
