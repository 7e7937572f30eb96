package com.workline.persistence.money;

import com.workline.persistence.common.Text;
import com.workline.persistence.common.ValidationException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import static com.workline.persistence.money.LineInput.product;
import static com.workline.persistence.money.LineInput.service;
import static com.workline.persistence.money.LineInput.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Hand-computed examples of docs/money-rules.md, including the classic rounding traps. */
class DocumentCalculatorTest {
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency JPY = Currency.getInstance("JPY");

    private static DocumentTotals eur(TaxRounding rounding, LineInput... lines) {
        return DocumentCalculator.calculate(DocumentInput.of(List.of(lines), rounding, EUR));
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void roundsHalfUpOnceOnTheExactLineNet() {
        // 3 × 0.335 = 1.005 exactly: half-up gives 1.01 (half-even would give 1.00, binary floating point 1.00)
        DocumentTotals totals = eur(TaxRounding.PER_LINE, product("3", "0.335", "19"));
        assertThat(totals.lines().get(0)).isEqualTo(new LineTotals(d("1.01"), d("0.19"), d("1.20"), true));
        assertThat(totals.net()).isEqualTo(d("1.01"));
        assertThat(totals.tax()).isEqualTo(d("0.19")); // 1.01 × 19 % = 0.1919
        assertThat(totals.total()).isEqualTo(d("1.20"));
    }

    @Test
    void lineDiscountIsAppliedBeforeTheOneRounding() {
        // 7 × 1.15 × 87.5 % = 7.04375 → 7.04; 3 × 0.333 × 50 % = 0.4995 → 0.50;
        // 1 × 0.015 × 90 % = 0.0135 → 0.01 (rounding before the discount would give 0.02 × 90 % = 0.018 → 0.02)
        DocumentTotals totals = eur(TaxRounding.PER_LINE, product("7", "1.15", "19").withDiscount("12.5"),
                product("3", "0.333", "19").withDiscount("50"), product("1", "0.015", "19").withDiscount("10"));
        assertThat(totals.lines()).extracting(LineTotals::net).containsExactly(d("7.04"), d("0.50"), d("0.01"));
        assertThat(totals.subtotal()).isEqualTo(d("7.55"));
    }

    @Test
    void mixedRatesGiveOneSummaryRowPerRateHighestFirst() {
        DocumentTotals totals = eur(TaxRounding.PER_LINE,
                product("2", "19.99", "19"),      // 39.98, tax 7.5962 → 7.60
                service("3", "4.15", "7"),        // 12.45, tax 0.8715 → 0.87
                product("1", "0.13", "19.0"),     // 0.13, tax 0.0247 → 0.02 (19.0 is the same rate as 19)
                service("1", "0.13", "7.00"));    // 0.13, tax 0.0091 → 0.01
        assertThat(totals.taxSummary()).containsExactly(
                new TaxRateTotals(d("19.00"), d("40.11"), d("7.62")),
                new TaxRateTotals(d("7.00"), d("12.58"), d("0.88")));
        assertThat(totals.subtotal()).isEqualTo(d("52.69"));
        assertThat(totals.documentDiscount()).isEqualTo(d("0.00"));
        assertThat(totals.net()).isEqualTo(d("52.69"));
        assertThat(totals.tax()).isEqualTo(d("8.50"));
        assertThat(totals.total()).isEqualTo(d("61.19"));
        assertThat(totals.totalInBaseCurrency()).isEqualTo(d("61.19"));
    }

    @Test
    void perLineAndPerDocumentDifferWhereTheLineRoundingsAddUp() {
        LineInput small = product("1", "0.13", "19"); // tax 0.0247: 0.02 on each line
        DocumentTotals perLine = eur(TaxRounding.PER_LINE, small, small, small);
        DocumentTotals perDocument = eur(TaxRounding.PER_DOCUMENT, small, small, small);
        assertThat(perLine.tax()).isEqualTo(d("0.06"));
        assertThat(perDocument.tax()).isEqualTo(d("0.07")); // 0.39 × 19 % = 0.0741
        assertThat(perLine.net()).isEqualTo(perDocument.net()).isEqualTo(d("0.39"));
        // the line shows its own rounded tax under both settings
        assertThat(perDocument.lines()).extracting(LineTotals::tax).containsOnly(d("0.02"));
    }

    @Test
    void documentDiscountIsSplitOverTheRatesWithTheRemainderOnTheLargestBase() {
        DocumentInput input = new DocumentInput(List.of(product("1", "33.33", "19"), product("1", "33.33", "7"),
                product("1", "33.34", "0")), d("10"), TaxRounding.PER_DOCUMENT, EUR, null);
        DocumentTotals totals = DocumentCalculator.calculate(input);
        // 10 % of 100.00 = 10.00; shares 3.333 → 3.33, 3.333 → 3.33, 3.334 → 3.33 = 9.99; the missing 0.01 goes to 33.34
        assertThat(totals.subtotal()).isEqualTo(d("100.00"));
        assertThat(totals.documentDiscount()).isEqualTo(d("10.00"));
        assertThat(totals.taxSummary()).containsExactly(
                new TaxRateTotals(d("19.00"), d("30.00"), d("5.70")),
                new TaxRateTotals(d("7.00"), d("30.00"), d("2.10")),
                new TaxRateTotals(d("0.00"), d("30.00"), d("0.00")));
        assertThat(totals.net()).isEqualTo(d("90.00"));
        assertThat(totals.total()).isEqualTo(d("97.80"));
        // per line: 6.33 − tax of the share 3.33 (0.6327 → 0.63) = 5.70; 2.33 − 0.23 = 2.10
        assertThat(DocumentCalculator.calculate(input.withTaxRounding(TaxRounding.PER_LINE)).taxSummary())
                .isEqualTo(totals.taxSummary());
    }

    @Test
    void documentDiscountUnderPerLineActsAsOneMoreLinePerRate() {
        // 5 lines of 0.13 at 19 %: line taxes 5 × 0.02 = 0.10; 50 % document discount = 0.33 (0.325 half up);
        // its tax 0.0627 → 0.06; tax 0.10 − 0.06 = 0.04. Per document: base 0.32 × 19 % = 0.0608 → 0.06.
        LineInput small = product("1", "0.13", "19");
        DocumentInput input = new DocumentInput(List.of(small, small, small, small, small), d("50"),
                TaxRounding.PER_LINE, EUR, null);
        DocumentTotals perLine = DocumentCalculator.calculate(input);
        assertThat(perLine.documentDiscount()).isEqualTo(d("0.33"));
        assertThat(perLine.net()).isEqualTo(d("0.32"));
        assertThat(perLine.tax()).isEqualTo(d("0.04"));
        assertThat(perLine.total()).isEqualTo(d("0.36"));
        assertThat(DocumentCalculator.calculate(input.withTaxRounding(TaxRounding.PER_DOCUMENT)).tax()).isEqualTo(d("0.06"));
    }

    @Test
    void aHundredPercentDiscountLeavesNothing() {
        DocumentTotals lineDiscount = eur(TaxRounding.PER_LINE, product("5", "9.99", "19").withDiscount("100"));
        assertThat(lineDiscount.lines().get(0)).isEqualTo(new LineTotals(d("0.00"), d("0.00"), d("0.00"), true));
        assertThat(lineDiscount.total()).isEqualTo(d("0.00"));

        DocumentTotals documentDiscount = DocumentCalculator.calculate(new DocumentInput(
                List.of(product("2", "10", "19"), service("1", "0.07", "7")), d("100"), TaxRounding.PER_LINE, EUR, null));
        assertThat(documentDiscount.subtotal()).isEqualTo(d("20.07"));
        assertThat(documentDiscount.documentDiscount()).isEqualTo(d("20.07"));
        assertThat(documentDiscount.taxSummary()).containsExactly(new TaxRateTotals(d("19.00"), d("0.00"), d("0.00")),
                new TaxRateTotals(d("7.00"), d("0.00"), d("0.00")));
        assertThat(documentDiscount.total()).isEqualTo(d("0.00"));
    }

    @Test
    void tinyAmounts() {
        DocumentTotals totals = eur(TaxRounding.PER_LINE,
                product("1", "0.004", "19"),    // 0.004 → 0.00
                product("1", "0.005", "19"),    // 0.005 → 0.01, tax 0.0019 → 0.00
                product("1000", "0.0045", "19"), // 4.50, tax 0.855 → 0.86
                product("0.001", "1", "19"));   // 0.001 → 0.00
        assertThat(totals.lines()).extracting(LineTotals::net)
                .containsExactly(d("0.00"), d("0.01"), d("4.50"), d("0.00"));
        assertThat(totals.lines()).extracting(LineTotals::tax)
                .containsExactly(d("0.00"), d("0.00"), d("0.86"), d("0.00"));
        assertThat(totals.total()).isEqualTo(d("5.37"));
    }

    @Test
    void yenHasNoMinorUnit() {
        DocumentTotals totals = DocumentCalculator.calculate(DocumentInput.of(
                List.of(product("3", "333.5", "10"), service("1", "0.5", "10")), TaxRounding.PER_LINE, JPY));
        // 1000.5 → 1001, tax 100.1 → 100; 0.5 → 1, tax 0.1 → 0
        assertThat(totals.lines()).extracting(LineTotals::net).containsExactly(d("1001"), d("1"));
        assertThat(totals.net()).isEqualTo(d("1002"));
        assertThat(totals.tax()).isEqualTo(d("100"));
        assertThat(totals.total()).isEqualTo(d("1102"));
        assertThat(totals.total().scale()).isZero();
        assertThat(DocumentCalculator.scale(JPY)).isZero();
        assertThat(DocumentCalculator.scale(Currency.getInstance("KWD"))).isEqualTo(3);
        assertThat(DocumentCalculator.scale(Currency.getInstance("XXX"))).isEqualTo(2); // no minor unit defined
    }

    @Test
    void exchangeRateConvertsTheTotalIntoTheBaseCurrencysMinorUnits() {
        DocumentTotals usd = DocumentCalculator.calculate(DocumentInput.of(List.of(product("1", "100", "0")),
                TaxRounding.PER_LINE, USD).withExchangeRate(EUR, "0.9234"));
        assertThat(usd.total()).isEqualTo(d("100.00"));
        assertThat(usd.totalInBaseCurrency()).isEqualTo(d("92.34"));

        DocumentTotals yen = DocumentCalculator.calculate(DocumentInput.of(List.of(product("3", "333.5", "10")),
                TaxRounding.PER_LINE, JPY).withExchangeRate(EUR, "0.0061"));
        assertThat(yen.total()).isEqualTo(d("1101"));
        assertThat(yen.totalInBaseCurrency()).isEqualTo(d("6.72")); // 6.7161

        DocumentTotals euroInYen = DocumentCalculator.calculate(DocumentInput.of(List.of(product("1", "10", "0")),
                TaxRounding.PER_LINE, EUR).withExchangeRate(JPY, "162.5"));
        assertThat(euroInYen.totalInBaseCurrency()).isEqualTo(d("1625"));
    }

    @Test
    void optionalAndTextLinesAreShownButNotCounted() {
        DocumentTotals totals = eur(TaxRounding.PER_DOCUMENT, text(), product("2", "50", "19"),
                product("1", "999.99", "19").asOptional(), service("4", "25", "7").asOptional(), text());
        assertThat(totals.lines()).containsExactly(
                new LineTotals(d("0.00"), d("0.00"), d("0.00"), false),
                new LineTotals(d("100.00"), d("19.00"), d("119.00"), true),
                new LineTotals(d("999.99"), d("190.00"), d("1189.99"), false),
                new LineTotals(d("100.00"), d("7.00"), d("107.00"), false),
                new LineTotals(d("0.00"), d("0.00"), d("0.00"), false));
        assertThat(totals.taxSummary()).containsExactly(new TaxRateTotals(d("19.00"), d("100.00"), d("19.00")));
        assertThat(totals.total()).isEqualTo(d("119.00"));
    }

    @Test
    void creditLinesReduceTheTotal() {
        DocumentTotals totals = eur(TaxRounding.PER_LINE, product("1", "100", "19"), product("-1", "30", "19"),
                service("1", "-0.05", "19"));
        // 100 − 30 − 0.05 = 69.95; taxes 19.00 − 5.70 − 0.0095 → −0.01 (half up: away from zero)
        assertThat(totals.net()).isEqualTo(d("69.95"));
        assertThat(totals.tax()).isEqualTo(d("13.29"));
        assertThat(totals.total()).isEqualTo(d("83.24"));

        DocumentTotals credit = eur(TaxRounding.PER_DOCUMENT, product("-2", "0.335", "19"));
        assertThat(credit.net()).isEqualTo(d("-0.67"));
        assertThat(credit.tax()).isEqualTo(d("-0.13")); // −0.1273
    }

    @Test
    void anEmptyDocumentIsZero() {
        DocumentTotals totals = DocumentCalculator.calculate(DocumentInput.of(List.of(), TaxRounding.PER_LINE, JPY)
                .withDocumentDiscount("10"));
        assertThat(totals.total()).isEqualTo(d("0"));
        assertThat(totals.taxSummary()).isEmpty();
    }

    @Test
    void refusesBrokenInputNamingEveryFieldAtFault() {
        List<LineInput> lines = new ArrayList<>();
        lines.add(product("1", "10", "19").withDiscount("100.01"));
        lines.add(new LineInput(LineKind.SERVICE, d("1"), d("10"), null, null, false));
        lines.add(new LineInput(LineKind.TEXT, null, d("5"), null, null, false));
        lines.add(new LineInput(LineKind.PRODUCT, null, null, d("-1"), d("101"), false));
        DocumentInput input = new DocumentInput(lines, d("-5"), TaxRounding.PER_LINE, USD,
                new ExchangeRate(EUR, BigDecimal.ZERO));

        assertThatThrownBy(() -> DocumentCalculator.calculate(input)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.fieldTexts()).containsOnly(
                        java.util.Map.entry("lines[0].discountPercent", Text.of("field.percentage.outOfRange")),
                        java.util.Map.entry("lines[1].taxRatePercent", Text.of("money.line.taxRateRequired")),
                        java.util.Map.entry("lines[2].kind", Text.of("money.line.textHasNoAmounts")),
                        java.util.Map.entry("lines[3].quantity", Text.of("money.line.quantityRequired")),
                        java.util.Map.entry("lines[3].unitPrice", Text.of("money.line.unitPriceRequired")),
                        java.util.Map.entry("lines[3].discountPercent", Text.of("field.percentage.outOfRange")),
                        java.util.Map.entry("lines[3].taxRatePercent", Text.of("field.percentage.outOfRange")),
                        java.util.Map.entry("documentDiscountPercent", Text.of("field.percentage.outOfRange")),
                        java.util.Map.entry("exchangeRate", Text.of("money.exchangeRate.positive"))));
        assertThatThrownBy(() -> DocumentCalculator.calculate(DocumentInput.of(List.of(), TaxRounding.PER_LINE, EUR)
                .withExchangeRate(EUR, "1.1")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldTexts())
                        .containsOnlyKeys("exchangeRate"));
        // the base currency with rate 1 is harmless
        assertThat(DocumentCalculator.calculate(DocumentInput.of(List.of(product("1", "1", "0")), TaxRounding.PER_LINE,
                EUR).withExchangeRate(EUR, "1.000")).totalInBaseCurrency()).isEqualTo(d("1.00"));
    }

    @Test
    void totalsThatDoNotAddUpCannotBeMade() {
        List<LineTotals> lines = List.of(new LineTotals(d("10.00"), d("1.90"), d("11.90"), true));
        List<TaxRateTotals> summary = List.of(new TaxRateTotals(d("19.00"), d("10.00"), d("1.90")));
        assertThat(new DocumentTotals(lines, d("10.00"), d("0.00"), d("10.00"), summary, d("1.90"), d("11.90"),
                d("11.90")).total()).isEqualTo(d("11.90"));
        assertThatThrownBy(() -> new DocumentTotals(lines, d("10.00"), d("0.00"), d("10.00"), summary, d("1.90"),
                d("11.91"), d("11.91"))).hasMessageContaining("total = net + tax");
        assertThatThrownBy(() -> new DocumentTotals(lines, d("10.00"), d("0.00"), d("10.00"), summary, d("1.9"),
                d("11.9"), d("11.9"))).hasMessageContaining("scale");
        assertThatThrownBy(() -> new DocumentTotals(lines, d("10.00"), d("1.00"), d("10.00"), summary, d("1.90"),
                d("11.90"), d("11.90"))).hasMessageContaining("net = subtotal - documentDiscount");
        assertThatThrownBy(() -> new DocumentTotals(lines, d("10.00"), d("0.00"), d("10.00"),
                List.of(new TaxRateTotals(d("19.00"), d("10.00"), d("1.89"))), d("1.90"), d("11.90"), d("11.90")))
                .hasMessageContaining("tax = sum of the rate taxes");
    }
}
