package com.workline.persistence.documents;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentFormatterTest {
    private static final Currency EUR = Currency.getInstance("EUR");

    /** JDK (CLDR) formats put a no-break space between amount and symbol; readers see a space. */
    private static String plain(String formatted) {
        return formatted.replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    @Test
    void germanMoneyQuantitiesRatesAndDates() {
        DocumentFormatter f = new DocumentFormatter(Locale.GERMANY, EUR);

        assertThat(plain(f.money(new BigDecimal("1234.5")))).isEqualTo("1.234,50 €");
        assertThat(plain(f.money(new BigDecimal("-250")))).isEqualTo("-250,00 €");
        assertThat(plain(f.money(new BigDecimal("0.005")))).isEqualTo("0,01 €");
        assertThat(f.amount(new BigDecimal("1234.5"))).isEqualTo("1.234,50");
        assertThat(f.quantity(new BigDecimal("2.000"))).isEqualTo("2");
        assertThat(f.quantity(new BigDecimal("1250.5"))).isEqualTo("1.250,5");
        assertThat(f.quantity(new BigDecimal("1.2345"))).isEqualTo("1,235");
        assertThat(plain(f.percent(new BigDecimal("19")))).isEqualTo("19 %");
        assertThat(plain(f.percent(new BigDecimal("7.5")))).isEqualTo("7,5 %");
        assertThat(f.date(LocalDate.of(2026, 3, 5))).isEqualTo("05.03.2026");
        assertThat(f.money(null)).isEmpty();
        assertThat(f.date(null)).isEmpty();
    }

    @Test
    void usFormatsTheSameEuroAmounts() {
        DocumentFormatter f = new DocumentFormatter(Locale.US, EUR);

        assertThat(f.money(new BigDecimal("1234.5"))).isEqualTo("€1,234.50");
        assertThat(f.quantity(new BigDecimal("1250.5"))).isEqualTo("1,250.5");
        assertThat(f.percent(new BigDecimal("19"))).isEqualTo("19%");
        assertThat(f.date(LocalDate.of(2026, 3, 5))).isEqualTo("Mar 5, 2026");
    }

    @Test
    void fractionDigitsFollowTheCurrency() {
        assertThat(new DocumentFormatter(Locale.US, Currency.getInstance("JPY")).money(new BigDecimal("1234.5")))
                .isEqualTo("¥1,235");
        assertThat(plain(new DocumentFormatter(Locale.GERMANY, Currency.getInstance("USD")).money(new BigDecimal("9.9"))))
                .isEqualTo("9,90 $");
        assertThat(plain(new DocumentFormatter(Locale.forLanguageTag("de-CH"), Currency.getInstance("CHF"))
                .money(new BigDecimal("1234.5")))).isEqualTo("CHF 1’234.50");
    }

    @Test
    void labelPatternForPageNumbersBecomesCssCounters() {
        assertThat(PdfRenderer.cssPageCounter("Seite {0} von {1}"))
                .isEqualTo("\"Seite \" counter(page) \" von \" counter(pages)");
        assertThat(PdfRenderer.cssPageCounter("{0}/{1}")).isEqualTo("counter(page) \"/\" counter(pages)");
        assertThat(PdfRenderer.cssPageCounter("S. \"{0}\"")).isEqualTo("\"S. \\\"\" counter(page) \"\\\"\"");
    }

    @Test
    void escapingLeavesNoMarkup() {
        assertThat(PdfRenderer.escapeXml("<b>Tom & 'Jerry'</b> \"x\"\u0007"))
                .isEqualTo("&lt;b&gt;Tom &amp; &#39;Jerry&#39;&lt;/b&gt; &quot;x&quot;");
        assertThat(PdfRenderer.escapeXml("plain")).isEqualTo("plain");
    }
}
