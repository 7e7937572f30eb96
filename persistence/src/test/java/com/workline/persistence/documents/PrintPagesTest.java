package com.workline.persistence.documents;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

/** Preparing pages for a printer (CI has none, so this is the part that is tested; the toolkit only prints them). */
class PrintPagesTest {
    private static final double A4_ASPECT = 297.0 / 210.0;

    @Test
    void twoPagesRenderedAtThePrintersResolutionAndFittedWithTheirProportions() {
        byte[] pdf = new PdfRenderer().render(SampleDocuments.document("Druck GmbH", SampleDocuments.manyItems(25),
                BigDecimal.ZERO), Branding.plain(), Locale.GERMANY);

        // US Letter with 0.5" margins: 540 x 720 points printable; A4 is taller in proportion, so height decides.
        try (PrintPages pages = PrintPages.open(pdf)) {
            assertThat(pages.count()).isEqualTo(2);
            for (int i = 0; i < pages.count(); i++) {
                PrintPages.Page page = pages.render(i, 100f, 540, 720);
                assertThat(page.pixelWidth()).isCloseTo(827, offset(1)); // 210 mm at 100 dpi
                assertThat(page.pixelHeight()).isCloseTo(1169, offset(1)); // 297 mm
                assertThat(page.argb()).hasSize(page.pixelWidth() * page.pixelHeight());
                assertThat(page.argb()[0] >>> 24).as("opaque").isEqualTo(0xFF);
                assertThat(page.height()).isCloseTo(720, offset(0.01));
                assertThat(page.width()).isLessThanOrEqualTo(540);
                assertThat(page.height() / page.width()).isCloseTo(A4_ASPECT, offset(0.002));
            }
        }
    }

    @Test
    void fittingKeepsTheProportionsAndTheResolutionStaysSensible() {
        PrintPages.Size wide = PrintPages.fit(595, 842, 800, 500);
        assertThat(wide.height()).isEqualTo(500);
        assertThat(wide.width()).isCloseTo(595 * 500 / 842.0, offset(1e-9));
        PrintPages.Size narrow = PrintPages.fit(595, 842, 300, 900);
        assertThat(narrow.width()).isEqualTo(300);
        assertThatThrownBy(() -> PrintPages.fit(595, 842, 0, 10)).isInstanceOf(IllegalArgumentException.class);

        assertThat(PrintPages.resolutionFor(600)).isEqualTo(300f);
        assertThat(PrintPages.resolutionFor(72)).isEqualTo(150f);
        assertThat(PrintPages.resolutionFor(203)).isEqualTo(203f);
        assertThat(PrintPages.resolutionFor(0)).as("unknown").isEqualTo(300f);
    }

    @Test
    void addressLinesAsTheEnvelopeWantsThem() {
        assertThat(AddressLines.of("Hauptstraße 12", " ", "80331", "München", "BY", "DE", "DE", Locale.GERMANY))
                .containsExactly("Hauptstraße 12", "80331 München");
        assertThat(AddressLines.of("Ringstraße 5", "3. Stock", "1010", "Wien", null, "at", "DE", Locale.GERMANY))
                .containsExactly("Ringstraße 5", "3. Stock", "1010 Wien", "Österreich");
        assertThat(AddressLines.of("1 Main St", null, "62704", "Springfield", "IL", "US", "DE", Locale.US))
                .containsExactly("1 Main St", "Springfield, IL 62704", "United States");
        assertThat(AddressLines.of(null, null, null, null, null, null, null, Locale.US)).isEmpty();
    }
}
