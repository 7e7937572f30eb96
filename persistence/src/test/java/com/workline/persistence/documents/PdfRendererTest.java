package com.workline.persistence.documents;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PdfRendererTest {
    private static final PdfRenderer RENDERER = new PdfRenderer();
    private static final String CUSTOMER = "<script>alert('x')</script> & Co";
    private static final Branding BRANDING = new Branding("#8a1c1c",
            "Müller & Söhne · Sparkasse München · IBAN DE02 1234 5678 9012 3456 78",
            "Preise in Euro. Zahlbar innerhalb von 14 Tagen.", null);
    private static BusinessDocument twoPages;

    @BeforeAll
    static void document() {
        List<DocumentLine> lines = new ArrayList<>();
        lines.add(new DocumentLine.Section("Küche & Geräte"));
        lines.add(SampleDocuments.item("1", "Einbauküche „Weiß matt“, Fronten grifflos, Arbeitsplatte Eiche massiv, "
                + "inklusive Sockelblenden, Passleisten und aller Befestigungsteile; Aufmaß vor Ort", "1", "Stk",
                "8450.00", "5", "19", false));
        lines.add(SampleDocuments.item("2", "Geschirrspüler vollintegriert", "2", "Stk", "749.50", null, "19", false));
        lines.add(SampleDocuments.item("3", "Weinkühlschrank", "1", "Stk", "1299.00", null, "19", true));
        lines.add(new DocumentLine.Text("Alle Geräte mit 5 Jahren Herstellergarantie."));
        lines.add(new DocumentLine.Section("Montage"));
        for (int i = 4; i <= 30; i++) {
            lines.add(SampleDocuments.item(Integer.toString(i), "Montagestunde Tischler, Tag " + i, "7.125", "h",
                    "68.00", null, "19", false));
        }
        lines.add(new DocumentLine.Section("Bücher"));
        lines.add(SampleDocuments.item("31", "Fachbuch Küchenplanung", "3", "Stk", "39.90", null, "7", false));
        twoPages = SampleDocuments.document(CUSTOMER, lines, new BigDecimal("250.00"));
    }

    @Test
    void theWarmUpRendersItsSampleOnceAndLeavesRenderingAsBefore() throws IOException {
        PdfRenderer.warmUp();
        PdfRenderer.warmUp();
        try (PDDocument document = Loader.loadPDF(RENDERER.render(twoPages, BRANDING, Locale.US))) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
        }
    }

    @Test
    void germanQuoteHasEveryPartOnTwoNumberedPages() throws IOException {
        byte[] pdf = RENDERER.render(twoPages, BRANDING, Locale.GERMANY);

        assertThat(pages(pdf)).isEqualTo(2);
        String text = text(pdf);
        assertThat(text).contains("Angebot Q-2026-0042", "Nummer Q-2026-0042", "Revision 2",
                "Datum 24.11.2026", "Gültig bis 24.12.2026", "Ihre USt-IdNr. DE987654321",
                "Müller & Söhne Küchenbau GmbH", "Hauptstraße 12", "Frau Jördis Äbeling", "Größenweg 3",
                CUSTOMER, "Vielen Dank für Ihre Anfrage.");
        assertThat(text).contains("Küche & Geräte", "Montage", "Bücher",
                "Alle Geräte mit 5 Jahren Herstellergarantie.",
                "Einbauküche „Weiß matt“", "Aufmaß", "1 Stk 8.450,00 € 5 % 19 % 8.027,50 €",
                "2 Geschirrspüler vollintegriert 2 Stk 749,50 € 19 % 1.499,00 €",
                "3 Weinkühlschrank", "Optional, nicht in der Summe enthalten", "1 Stk 1.299,00 € 19 % 1.299,00 €",
                "31 Fachbuch Küchenplanung 3 Stk 39,90 € 7 % 119,70 €");
        for (int i = 4; i <= 30; i++) {
            assertThat(text).contains(i + " Montagestunde Tischler, Tag " + i + " 7,125 h 68,00 € 19 % 484,50 €");
        }
        assertThat(text).contains("Zwischensumme 22.727,70 €", "Rabatt -250,00 €", "Nettobetrag 22.477,70 €",
                "USt. 7 % auf 118,38 € 8,29 €", "USt. 19 % auf 22.359,32 € 4.248,27 €",
                "Gesamtbetrag 26.734,26 €",
                "Bedingungen", "Preise in Euro. Zahlbar innerhalb von 14 Tagen.", "Wir freuen uns auf Ihren Auftrag.",
                "Seite 1 von 2", "Seite 2 von 2");
        assertThat(count(text, "IBAN DE02 1234 5678 9012 3456 78")).as("footer on every page").isEqualTo(2);
        assertThat(count(text, "Pos. Beschreibung Menge Einheit Einzelpreis Rabatt USt. Betrag"))
                .as("table header repeated on the second page").isEqualTo(2);
    }

    @Test
    void englishLabelsAndUsFormatsForTheSameDocument() throws IOException {
        byte[] pdf = RENDERER.render(twoPages, BRANDING, Locale.US);

        String text = text(pdf);
        assertThat(pages(pdf)).isEqualTo(2);
        assertThat(text).contains("Quote Q-2026-0042", "Number Q-2026-0042", "Date Nov 24, 2026",
                "Valid until Dec 24, 2026", "Your VAT ID DE987654321", CUSTOMER,
                "1 Stk €8,450.00 5% 19% €8,027.50", "7.125 h €68.00 19% €484.50",
                "Optional, not included in the total",
                "Subtotal €22,727.70", "Discount -€250.00", "Net total €22,477.70",
                "VAT 7% on €118.38 €8.29", "VAT 19% on €22,359.32 €4,248.27", "Total €26,734.26",
                "Page 1 of 2", "Page 2 of 2");
        assertThat(count(text, "Pos. Description Qty Unit Unit price Disc. VAT Amount")).isEqualTo(2);
    }

    @Test
    void aLanguageWithoutLabelsFallsBackToEnglishNotToTheMachineLocale() throws IOException {
        String text = text(RENDERER.render(twoPages, BRANDING, Locale.FRANCE));

        assertThat(text).contains("Quote Q-2026-0042", "Page 1 of 2", "Total 26 734,26 €");
    }

    @Test
    void everyFontIsEmbeddedAndTheFileDeclaresPdfA3() throws IOException {
        byte[] pdf = RENDERER.render(twoPages, BRANDING, Locale.GERMANY);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<String> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    fonts.add(font.getName());
                }
            }
            assertThat(fonts).anyMatch(name -> name.endsWith("LiberationSans"))
                    .anyMatch(name -> name.endsWith("LiberationSans-Bold"));
            String xmp = new String(document.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
            assertThat(xmp).contains("pdfaid:part", "3");
            assertThat(document.getDocumentCatalog().getOutputIntents()).isNotEmpty();
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Angebot Q-2026-0042");
        }
    }

    @Test
    void theOrganizationsOwnTemplateIsUsedAndStillEscapes() throws IOException {
        String custom = """
                <html><head><style>@page { size: A5; } body { font-family: Arial; font-size: 6pt; }</style></head><body>
                <p>Eigenes Layout: {{title}} für {{buyer.name}}</p>
                {{#rows}}{{#item}}<p>{{position}} {{description}} = {{net}}</p>{{/item}}{{/rows}}
                <p>Summe {{total}}</p>
                <img src="file:/etc/hostname" />
                </body></html>
                """;
        byte[] pdf = RENDERER.render(twoPages, BRANDING, Locale.GERMANY, custom);

        String text = text(pdf);
        assertThat(text).contains("Eigenes Layout: Angebot für " + CUSTOMER, "31 Fachbuch Küchenplanung = 119,70 €",
                "Summe 26.734,26 €");
        assertThat(text).doesNotContain("Seite 1 von");
        assertThat(RENDERER.render(twoPages, BRANDING, Locale.GERMANY, "  ")).as("blank means the shipped one")
                .satisfies(p -> assertThat(text(p)).contains("Seite 1 von 2"));
    }

    @Test
    void aBrokenTemplateIsReportedAsSuch() {
        assertThatThrownBy(() -> RENDERER.render(twoPages, BRANDING, Locale.GERMANY, "<html><body><p>{{nosuch}}</p></body></html>"))
                .isInstanceOf(DocumentRenderException.class).hasMessageContaining("nosuch");
        assertThatThrownBy(() -> RENDERER.render(twoPages, BRANDING, Locale.GERMANY, "<html><body><p>{{title}}</body></html>"))
                .isInstanceOf(DocumentRenderException.class);
    }

    @Test
    void aBareDocumentLeavesOutWhatItDoesNotHave() throws IOException {
        BusinessDocument bare = new BusinessDocument(BusinessDocument.Kind.INVOICE, null, "R-1", 0,
                java.time.LocalDate.of(2026, 1, 2), null, Party.of("Seller"), Party.of("Buyer"),
                List.of(SampleDocuments.item(null, "Ding", "1", null, "10", null, "19", false)),
                List.of(new TaxLine(new BigDecimal("19"), new BigDecimal("10.00"), new BigDecimal("1.90"))),
                new BigDecimal("10.00"), null, new BigDecimal("10.00"), new BigDecimal("1.90"), new BigDecimal("11.90"),
                java.util.Currency.getInstance("EUR"), null, null, null, null);

        byte[] pdf = RENDERER.render(bare, null, Locale.GERMANY);

        String text = text(pdf);
        assertThat(pages(pdf)).isEqualTo(1);
        assertThat(text).contains("Rechnung R-1", "Datum 02.01.2026", "Ding 1 10,00 € 19 % 10,00 €",
                "Gesamtbetrag 11,90 €", "Seite 1 von 1");
        assertThat(text).doesNotContain("Revision", "Fällig", "Zwischensumme", "Rabatt", "Bedingungen", "USt-IdNr.");
    }

    @Test
    void theLogoIsEmbedded() throws IOException {
        BufferedImage image = new BufferedImage(120, 40, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x8a1c1c));
        g.fillRect(0, 0, 120, 40);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        Branding branding = new Branding("#8a1c1c", "Fußzeile", null, new Logo(png.toByteArray(), "image/png"));

        try (PDDocument document = Loader.loadPDF(RENDERER.render(twoPages, branding, Locale.GERMANY))) {
            PDResources resources = document.getPage(0).getResources();
            List<PDImageXObject> images = new ArrayList<>();
            for (COSName name : resources.getXObjectNames()) {
                if (resources.getXObject(name) instanceof PDImageXObject x) {
                    images.add(x);
                }
            }
            assertThat(images).singleElement().satisfies(x -> assertThat(x.getWidth()).isEqualTo(120));
        }
    }

    @Test
    void previewPagesAreA4Images() throws IOException {
        byte[] pdf = RENDERER.render(twoPages, BRANDING, Locale.GERMANY);

        List<byte[]> pngs = PdfPreview.pagesAsPng(pdf, 48);
        assertThat(PdfPreview.pageCount(pdf)).isEqualTo(2);
        assertThat(pngs).hasSize(2);
        BufferedImage first = ImageIO.read(new java.io.ByteArrayInputStream(pngs.get(0)));
        assertThat(first.getWidth()).isCloseTo(397, org.assertj.core.data.Offset.offset(1)); // 210 mm at 48 dpi
        assertThat(first.getHeight()).isCloseTo(561, org.assertj.core.data.Offset.offset(1)); // 297 mm
    }

    @Test
    void valuesAreEscapedInTheFilledTemplate() {
        String html = RENDERER.html(twoPages, BRANDING, Locale.GERMANY, null);

        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co", "Küche &amp; Geräte")
                .doesNotContain("<script>");
    }

    @Test
    void everyLabelHasAGermanTranslation() throws IOException {
        java.util.Properties english = labelFile("labels.properties");
        java.util.Properties german = labelFile("labels_de.properties");

        assertThat(german.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        for (BusinessDocument.Kind kind : BusinessDocument.Kind.values()) {
            assertThat(english).as(kind.name()).containsKeys("title." + kind.key(), "validUntil." + kind.key());
        }
        assertThat(PdfRenderer.labels(Locale.GERMANY).getString("total")).isEqualTo("Gesamtbetrag");
    }

    private static java.util.Properties labelFile(String name) throws IOException {
        java.util.Properties properties = new java.util.Properties();
        try (var in = PdfRenderer.class.getResourceAsStream(name)) {
            properties.load(in);
        }
        return properties;
    }

    @Test
    void brandingAcceptsOnlyAHexAccentColour() {
        assertThat(new Branding(null, null, null, null).accentColour()).isEqualTo(Branding.DEFAULT_ACCENT);
        assertThat(new Branding(" #ABC ", null, null, null).accentColour()).isEqualTo("#ABC");
        assertThatThrownBy(() -> new Branding("red; } body { display: none", null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Logo(new byte[] {1}, "image/svg+xml")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void twoHundredLines() throws IOException {
        BusinessDocument big = SampleDocuments.document("Großkunde AG", SampleDocuments.manyItems(200), null);
        RENDERER.render(twoPages, BRANDING, Locale.GERMANY); // warm up: classes, fonts, template

        long start = System.nanoTime();
        byte[] pdf = RENDERER.render(big, BRANDING, Locale.GERMANY);
        long millis = (System.nanoTime() - start) / 1_000_000;

        int pages = pages(pdf);
        System.out.printf("PdfRenderer: 200 lines, %d pages, %d KB in %d ms%n", pages, pdf.length / 1024, millis);
        String text = text(pdf);
        assertThat(pages).isGreaterThan(5);
        assertThat(text).contains("200 Position 200 Schrankelement", "Seite " + pages + " von " + pages);
        // The header on every page the table reaches (the totals and terms may start a page of their own).
        assertThat(count(text, "Pos. Beschreibung")).isBetween(pages - 1, pages);
    }

    private static int count(String text, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static int pages(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        }
    }

    /** The text as a reader sees it: lines as laid out, no-break spaces (de: "1.234,50 €") as plain spaces. */
    private static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replace('\u00a0', ' ').replace('\u202f', ' ');
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
