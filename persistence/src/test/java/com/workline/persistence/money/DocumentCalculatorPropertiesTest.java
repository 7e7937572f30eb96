package com.workline.persistence.money;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * The invariants of docs/money-rules.md over random documents (ADR 9: QuickTheories, shrinking to the smallest
 * document that breaks a rule; a failure prints its seed, rerun with {@code -DQT_SEED=<seed>}).
 */
class DocumentCalculatorPropertiesTest {
    /** Per property; the whole class stays well under ten seconds. */
    private static final int EXAMPLES = 1000;
    private static final List<Currency> CURRENCIES = List.of("EUR", "USD", "JPY", "CHF", "KWD", "XXX").stream()
            .map(Currency::getInstance).toList();
    private static final List<BigDecimal> COMMON_RATES = List.of("0", "5.5", "7", "10", "19", "20", "21", "25.5")
            .stream().map(BigDecimal::new).toList();

    /** A decimal from {@code min} to {@code max} units of its last digit, with 0 to {@code maxScale} decimals. */
    private static Gen<BigDecimal> decimals(long min, long max, int maxScale) {
        return longs().between(min, max).zip(integers().between(0, maxScale), BigDecimal::valueOf);
    }

    private static Gen<BigDecimal> percentages() {
        return Generate.frequency(List.of(
                org.quicktheories.api.Pair.of(3, Generate.pick(List.of(BigDecimal.ZERO, BigDecimal.TEN, new BigDecimal("100")))),
                org.quicktheories.api.Pair.of(7, longs().between(0, 10_000).map(v -> BigDecimal.valueOf(v, 2)))));
    }

    private static <T> Gen<T> sometimesNull(Gen<T> gen, int percentNull) {
        return gen.toOptionals(percentNull).map(o -> o.orElse(null));
    }

    private static Gen<LineInput> pricedLines() {
        Gen<BigDecimal> quantities = Generate.frequency(List.of(
                org.quicktheories.api.Pair.of(9, decimals(0, 100_000, 3)),
                org.quicktheories.api.Pair.of(1, decimals(-5_000, 0, 2))));
        Gen<BigDecimal> prices = Generate.frequency(List.of(
                org.quicktheories.api.Pair.of(9, decimals(0, 10_000_000, 4)),
                org.quicktheories.api.Pair.of(1, decimals(-1_000_000, 0, 2))));
        Gen<BigDecimal> rates = Generate.frequency(List.of(
                org.quicktheories.api.Pair.of(8, Generate.pick(COMMON_RATES)),
                org.quicktheories.api.Pair.of(2, longs().between(0, 10_000).map(v -> BigDecimal.valueOf(v, 2)))));
        Gen<LineKind> kinds = Generate.pick(List.of(LineKind.PRODUCT, LineKind.SERVICE));
        Gen<Boolean> optional = integers().between(1, 100).map(i -> i <= 15);
        return kinds.zip(quantities, prices, sometimesNull(percentages(), 60),
                        (kind, quantity, price, discount) -> new LineInput(kind, quantity, price, discount, null, false))
                .zip(rates, optional, (line, rate, isOptional) -> new LineInput(line.kind(), line.quantity(),
                        line.unitPrice(), line.discountPercent(), rate, isOptional));
    }

    private static Gen<LineInput> lines() {
        return Generate.frequency(List.of(org.quicktheories.api.Pair.of(9, pricedLines()),
                org.quicktheories.api.Pair.of(1, Generate.constant(LineInput::text))));
    }

    static Gen<DocumentInput> documents() {
        Gen<ExchangeRate> exchange = sometimesNull(Generate.pick(CURRENCIES)
                .zip(decimals(1, 100_000_000, 6), ExchangeRate::new), 50);
        return lists().of(lines()).ofSizeBetween(0, 25)
                .zip(sometimesNull(percentages(), 50), Generate.enumValues(TaxRounding.class), Generate.pick(CURRENCIES),
                        (lines, discount, rounding, currency) -> new DocumentInput(lines, discount, rounding, currency, null))
                .zip(exchange, (doc, rate) -> rate == null || rate.baseCurrency().equals(doc.currency()) ? doc
                        : new DocumentInput(doc.lines(), doc.documentDiscountPercent(), doc.taxRounding(), doc.currency(), rate));
    }

    private static BigDecimal sum(List<BigDecimal> amounts) {
        return amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Everything but the per-line list, which follows the lines. */
    private static List<Object> documentLevel(DocumentTotals t) {
        return List.of(t.subtotal(), t.documentDiscount(), t.net(), t.taxSummary(), t.tax(), t.total(),
                t.totalInBaseCurrency());
    }

    @Test
    void totalsAlwaysAddUpAtTheCurrencysScale() {
        qt().withExamples(EXAMPLES).forAll(documents()).checkAssert(input -> {
            DocumentTotals t = DocumentCalculator.calculate(input);
            int scale = DocumentCalculator.scale(input.currency());
            List<BigDecimal> amounts = new ArrayList<>(List.of(t.subtotal(), t.documentDiscount(), t.net(), t.tax(), t.total()));
            t.lines().forEach(l -> amounts.addAll(List.of(l.net(), l.tax(), l.gross())));
            t.taxSummary().forEach(r -> amounts.addAll(List.of(r.base(), r.tax())));
            assertThat(amounts).allSatisfy(a -> assertThat(a.scale()).isEqualTo(scale));

            assertThat(t.net()).isEqualByComparingTo(sum(t.taxSummary().stream().map(TaxRateTotals::base).toList()));
            assertThat(t.tax()).isEqualByComparingTo(sum(t.taxSummary().stream().map(TaxRateTotals::tax).toList()));
            assertThat(t.total()).isEqualByComparingTo(t.net().add(t.tax()));
            assertThat(t.subtotal().subtract(t.documentDiscount())).isEqualByComparingTo(t.net());
            assertThat(t.subtotal()).isEqualByComparingTo(sum(t.lines().stream().filter(LineTotals::included)
                    .map(LineTotals::net).toList()));
            assertThat(t.lines()).hasSameSizeAs(input.lines());
            assertThat(t.taxSummary()).extracting(TaxRateTotals::ratePercent).doesNotHaveDuplicates()
                    .isSortedAccordingTo(java.util.Comparator.reverseOrder());

            // the discount is the subtotal's percentage, rounded once
            BigDecimal percent = input.documentDiscountPercent() == null ? BigDecimal.ZERO : input.documentDiscountPercent();
            assertThat(t.documentDiscount()).isEqualTo(t.subtotal().multiply(percent).movePointLeft(2)
                    .setScale(scale, RoundingMode.HALF_UP));
            // in the base currency: the total converted once, at the base currency's scale
            if (input.exchangeRate() == null) {
                assertThat(t.totalInBaseCurrency()).isEqualTo(t.total());
            } else {
                assertThat(t.totalInBaseCurrency()).isEqualTo(t.total().multiply(input.exchangeRate().rate())
                        .setScale(DocumentCalculator.scale(input.exchangeRate().baseCurrency()), RoundingMode.HALF_UP));
            }
        });
    }

    @Test
    void optionalAndTextLinesNeverChangeTheTotals() {
        Predicate<LineInput> counted = l -> l.kind().priced() && !l.optional();
        qt().withExamples(EXAMPLES).forAll(documents()).checkAssert(input -> {
            DocumentTotals all = DocumentCalculator.calculate(input);
            DocumentTotals countedOnly = DocumentCalculator.calculate(
                    input.withLines(input.lines().stream().filter(counted).toList()));
            assertThat(documentLevel(all)).isEqualTo(documentLevel(countedOnly));
            for (int i = 0; i < input.lines().size(); i++) {
                assertThat(all.lines().get(i).included()).isEqualTo(counted.test(input.lines().get(i)));
            }
        });
    }

    @Test
    void lineOrderDoesNotChangeTheTotals() {
        qt().withExamples(EXAMPLES).forAll(documents(), longs().all()).checkAssert((input, seed) -> {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < input.lines().size(); i++) {
                order.add(i);
            }
            Collections.shuffle(order, new Random(seed));
            DocumentTotals original = DocumentCalculator.calculate(input);
            DocumentTotals shuffled = DocumentCalculator.calculate(
                    input.withLines(order.stream().map(input.lines()::get).toList()));
            assertThat(documentLevel(shuffled)).isEqualTo(documentLevel(original));
            for (int i = 0; i < order.size(); i++) {
                assertThat(shuffled.lines().get(i)).isEqualTo(original.lines().get(order.get(i)));
            }
        });
    }

    /**
     * Both settings give the same bases; per rate, their taxes differ by at most half a minor unit for each rounded
     * term of the per-line sum (every included line at that rate, plus the rate's discount share when it has one).
     */
    @Test
    void perLineAndPerDocumentDifferByAtMostHalfAMinorUnitPerLine() {
        qt().withExamples(EXAMPLES).forAll(documents()).checkAssert(input -> {
            DocumentTotals perLine = DocumentCalculator.calculate(input.withTaxRounding(TaxRounding.PER_LINE));
            DocumentTotals perDocument = DocumentCalculator.calculate(input.withTaxRounding(TaxRounding.PER_DOCUMENT));
            assertThat(perLine.taxSummary()).extracting(TaxRateTotals::base)
                    .isEqualTo(perDocument.taxSummary().stream().map(TaxRateTotals::base).toList());
            assertThat(perLine.net()).isEqualTo(perDocument.net());
            BigDecimal halfUnit = BigDecimal.ONE.movePointLeft(DocumentCalculator.scale(input.currency())).divide(BigDecimal.valueOf(2));
            int terms = 0;
            for (int r = 0; r < perLine.taxSummary().size(); r++) {
                BigDecimal rate = perLine.taxSummary().get(r).ratePercent();
                long lines = input.lines().stream().filter(l -> l.kind().priced() && !l.optional()
                        && l.taxRatePercent().compareTo(rate) == 0).count();
                BigDecimal linesNet = sum(input.lines().stream().filter(l -> l.kind().priced() && !l.optional()
                        && l.taxRatePercent().compareTo(rate) == 0)
                        .map(l -> perLine.lines().get(input.lines().indexOf(l)).net()).toList());
                int rateTerms = (int) lines + (linesNet.compareTo(perLine.taxSummary().get(r).base()) != 0 ? 1 : 0);
                terms += rateTerms;
                BigDecimal difference = perLine.taxSummary().get(r).tax().subtract(perDocument.taxSummary().get(r).tax()).abs();
                assertThat(difference).as("rate %s", rate).isLessThanOrEqualTo(halfUnit.multiply(BigDecimal.valueOf(rateTerms)));
            }
            assertThat(perLine.tax().subtract(perDocument.tax()).abs())
                    .isLessThanOrEqualTo(halfUnit.multiply(BigDecimal.valueOf(terms)));
        });
    }

    @Test
    void withoutDocumentDiscountPerLineTaxIsTheSumOfTheLineTaxes() {
        qt().withExamples(EXAMPLES).forAll(documents()).checkAssert(input -> {
            DocumentTotals t = DocumentCalculator.calculate(new DocumentInput(input.lines(), null, TaxRounding.PER_LINE,
                    input.currency(), input.exchangeRate()));
            assertThat(t.documentDiscount().signum()).isZero();
            assertThat(t.net()).isEqualTo(t.subtotal());
            assertThat(t.tax()).isEqualByComparingTo(sum(t.lines().stream().filter(LineTotals::included)
                    .map(LineTotals::tax).toList()));
        });
    }

    @Test
    void aDiscountOnPositiveLinesStaysWithinTheSubtotalAndLeavesNoRateBaseNegative() {
        qt().withExamples(EXAMPLES).forAll(documents()).checkAssert(generated -> {
            DocumentInput input = generated.withLines(generated.lines().stream().filter(l -> !l.kind().priced()
                    || l.quantity().signum() >= 0 && l.unitPrice().signum() >= 0).toList());
            DocumentTotals t = DocumentCalculator.calculate(input);
            assertThat(t.documentDiscount()).isBetween(BigDecimal.ZERO, t.subtotal());
            assertThat(t.taxSummary()).allSatisfy(r -> assertThat(r.base().signum()).isGreaterThanOrEqualTo(0));
        });
    }
}
