package com.workline.persistence.documents;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class PdfRendererTest {
    private static final PdfRenderer RENDERER = new PdfRenderer();
    private static final String NBSP = "\u00a0";
    private static BusinessDocument twoPages;

    @BeforeAll
    static void document() {
        List<DocumentLine> lines = new ArrayList<>();
        lines.add(new DocumentLine.Section("Küche & Geräte"));
        lines.add(SampleDocuments.item("1", "Einbauküche „Weiß matt“, Fronten grifflos, Arbeitsplatte Eiche massiv, "
                + "inklusive Sockelblenden, Passleisten und aller Befestigungsteile; Aufmaß vor Ort", "1", "Stk",
                "8450.00", "5", "19", false));
        lines.add(SampleDocuments.item("2", "Geschirrspüler vollintegriert", "2", "Stk", "749.50", null, "19", false));
        lines.add(SampleDocuments.item("3", "Weinkühlschrank (optional)", "1", "Stk", "1299.00", null, "19", true));
        lines.add(new DocumentLine.Text("Alle Geräte mit 5 Jahren Herstellergarantie."));
        lines.add(new DocumentLine.Section("Montage"));
        for (int i = 4; i <= 30; i++) {
            lines.add(SampleDocuments.item(Integer.toString(i), "Montagestunde Tischler, Tag " + i, "7.125", "h",
                    "68.00", null, "19", false));
        }
        lines.add(new DocumentLine.Section("Bücher"));
        lines.add(SampleDocuments.item("31", "Fachbuch Küchenplanung", "3", "Stk", "39.90", null, "7", false));
        twoPages = SampleDocuments.document("<script>alert('x')</script> & Co", lines, new BigDecimal("250.00"));
    }

    @Test
    void germanQuoteHasEveryPartAndTwoNumberedPages() throws IOException {
        byte[] pdf = RENDERER.render(twoPages, new Branding("#8a1c1c", "Müller & Söhne · Sparkasse München · "
                + "IBAN DE02 1234 5678 9012 3456 78", "Preise in Euro. Zahlbar innerhalb von 14 Tagen.", null), Locale.GERMANY);
        String text = text(pdf);
        System.out.println(text);
        assertThat(pages(pdf)).isEqualTo(2);
        java.nio.file.Files.write(java.nio.file.Path.of("/tmp/quote.pdf"), pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            var r = new org.apache.pdfbox.rendering.PDFRenderer(document);
            for (int i = 0; i < document.getNumberOfPages(); i++) {
                javax.imageio.ImageIO.write(r.renderImageWithDPI(i, 80), "png", new java.io.File("/tmp/quote-" + i + ".png"));
            }
        }
    }

    private static int pages(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        }
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
