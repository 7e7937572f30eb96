package com.workline.persistence.time;

import com.workline.persistence.money.DocumentCalculator;
import com.workline.persistence.time.TimeRounding.Direction;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * The rounding and amount rules of docs/time-rounding.md over random entries (ADR 9: QuickTheories; a failure prints
 * its seed, rerun with {@code -DQT_SEED=<seed>}).
 */
class TimeRoundingPropertiesTest {
    private static final int EXAMPLES = 1000;
    private static final List<Currency> CURRENCIES = List.of("EUR", "USD", "JPY", "CHF", "KWD", "XXX").stream()
            .map(Currency::getInstance).toList();

    private static Gen<Integer> units() {
        return Generate.frequency(List.of(
                Pair.of(6, Generate.pick(List.of(1, 5, 6, 10, 15, 30, 60))),
                Pair.of(4, integers().between(1, TimeRounding.MAX_UNIT_MINUTES))));
    }

    static Gen<TimeRounding> roundings() {
        return units().zip(Generate.enumValues(Direction.class), TimeRounding::new);
    }

    /** Mostly a day's worth; sometimes far more (weekly sums, data from elsewhere). */
    static Gen<Integer> rawMinutes() {
        return Generate.frequency(List.of(
                Pair.of(8, integers().between(0, 24 * 60)),
                Pair.of(2, integers().between(0, 1_000_000))));
    }

    /** Hourly rates from 0 to 5,000.0000 with up to four decimals (rate cards allow them). */
    static Gen<BigDecimal> rates() {
        return Generate.frequency(List.of(
                Pair.of(5, longs().between(0, 50_000).map(v -> BigDecimal.valueOf(v, 2))),
                Pair.of(3, longs().between(0, 50_000_000).zip(integers().between(0, 4), BigDecimal::valueOf)),
                Pair.of(2, Generate.pick(List.of("0", "85", "95.50", "120", "0.0045")).map(text -> new BigDecimal(text)))));
    }

    record Entry(int rawMinutes, TimeRounding rounding, boolean billable, BigDecimal rate) {
        int billableMinutes() {
            return rounding.billableMinutes(rawMinutes);
        }

        BigDecimal amount(Currency currency) {
            return TimeRounding.amount(billable, billableMinutes(), rate, currency);
        }
    }

    static Gen<Entry> entries() {
        // a few rates shared by many entries, as on a project's rate card
        Gen<BigDecimal> rates = Generate.frequency(List.of(Pair.of(7, Generate.pick(List.of(
                new BigDecimal("85"), new BigDecimal("95.50"), new BigDecimal("120.125")))), Pair.of(3, rates())));
        return rawMinutes().zip(roundings(), booleans().all(), rates, Entry::new);
    }

    @Test
    void roundedMinutesAreMultiplesOfTheUnitWithinOneUnitOfTheRawOnes() {
        qt().withExamples(EXAMPLES).forAll(rawMinutes(), roundings()).checkAssert((raw, rounding) -> {
            int billable = rounding.billableMinutes(raw);
            int unit = rounding.unitMinutes();
            assertThat(billable % unit).isZero();
            assertThat(billable).isNotNegative();
            switch (rounding.direction()) {
                case UP -> assertThat(billable).isGreaterThanOrEqualTo(raw).isLessThan(raw + unit);
                case DOWN -> assertThat(billable).isLessThanOrEqualTo(raw).isGreaterThan(raw - unit);
                // within half a unit; exactly half way goes up
                case NEAREST -> {
                    assertThat(2L * Math.abs(billable - raw)).isLessThanOrEqualTo(unit);
                    if (2L * Math.abs(billable - raw) == unit) {
                        assertThat(billable).isGreaterThan(raw);
                    }
                }
            }
        });
    }

    @Test
    void upIsAtLeastTheRawMinutesWhichAreAtLeastDownAndNearestIsTheCloserOfBoth() {
        qt().withExamples(EXAMPLES).forAll(rawMinutes(), units()).checkAssert((raw, unit) -> {
            int up = new TimeRounding(unit, Direction.UP).billableMinutes(raw);
            int down = new TimeRounding(unit, Direction.DOWN).billableMinutes(raw);
            int nearest = new TimeRounding(unit, Direction.NEAREST).billableMinutes(raw);
            assertThat(up).isGreaterThanOrEqualTo(raw);
            assertThat(raw).isGreaterThanOrEqualTo(down);
            assertThat(up - down).isIn(0, unit);
            assertThat(nearest).isEqualTo(raw - down < up - raw ? down : up);
        });
    }

    @Test
    void roundingIsMonotonicAndIdempotent() {
        qt().withExamples(EXAMPLES).forAll(rawMinutes(), rawMinutes(), roundings()).checkAssert((a, b, rounding) -> {
            int low = Math.min(a, b);
            int high = Math.max(a, b);
            assertThat(rounding.billableMinutes(low)).isLessThanOrEqualTo(rounding.billableMinutes(high));
            int once = rounding.billableMinutes(a);
            assertThat(rounding.billableMinutes(once)).isEqualTo(once);
        });
    }

    @Test
    void anAmountIsTheExactProductRoundedOnceToTheCurrency() {
        qt().withExamples(EXAMPLES).forAll(rawMinutes(), rates(), Generate.pick(CURRENCIES)).checkAssert((minutes, rate, currency) -> {
            BigDecimal amount = TimeRounding.amount(minutes, rate, currency);
            int scale = DocumentCalculator.scale(currency);
            assertThat(amount.scale()).isEqualTo(scale);
            // |amount − minutes × rate / 60| ≤ half a minor unit, checked without dividing: × 60 on both sides
            BigDecimal exactTimesSixty = BigDecimal.valueOf(minutes).multiply(rate);
            BigDecimal error = amount.multiply(BigDecimal.valueOf(60)).subtract(exactTimesSixty).abs();
            assertThat(error).isLessThanOrEqualTo(BigDecimal.valueOf(30).movePointLeft(scale));
            // exactly half way rounds up (away from zero), as PostgreSQL's round(numeric) does
            if (error.compareTo(BigDecimal.valueOf(30).movePointLeft(scale)) == 0) {
                assertThat(amount.multiply(BigDecimal.valueOf(60))).isGreaterThan(exactTimesSixty);
            }
            // whole hours cost whole rates (exact at the currency's scale when the rate fits in it)
            if (minutes % 60 == 0 && rate.stripTrailingZeros().scale() <= scale) {
                assertThat(amount).isEqualByComparingTo(rate.multiply(BigDecimal.valueOf(minutes / 60)));
            }
        });
    }

    @Test
    void moreMinutesNeverCostLess() {
        qt().withExamples(EXAMPLES).forAll(rawMinutes(), rawMinutes(), rates(), Generate.pick(CURRENCIES))
                .checkAssert((a, b, rate, currency) -> assertThat(TimeRounding.amount(Math.min(a, b), rate, currency))
                        .isLessThanOrEqualTo(TimeRounding.amount(Math.max(a, b), rate, currency)));
    }

    /**
     * The invoice (docs/time-rounding.md, "What the invoice bills"): it bills the billable entries, grouped into lines
     * of one rate in any way it likes, each line's net being {@link TimeRounding#lineAmount} of its entries' billable
     * minutes. Whatever the grouping, the invoice bills exactly the sum of the entries' own amounts, non-billable
     * entries add nothing, and the hours it shows are the sum of the entries' billable minutes.
     */
    @Test
    void theInvoiceBillsExactlyTheSumOfTheEntriesAmountsWhateverTheGrouping() {
        Gen<List<Entry>> timesheets = lists().of(entries()).ofSizeBetween(0, 60);
        qt().withExamples(EXAMPLES).forAll(timesheets, Generate.pick(CURRENCIES), integers().between(1, 10))
                .checkAssert((entries, currency, lineCount) -> {
                    BigDecimal entriesTotal = entries.stream().map(e -> e.amount(currency))
                            .reduce(BigDecimal.ZERO, BigDecimal::add);
                    assertThat(entries.stream().filter(e -> !e.billable()).map(e -> e.amount(currency)))
                            .allSatisfy(amount -> assertThat(amount).isZero());

                    // lines: per rate, each rate's entries spread over up to lineCount lines (by entry position)
                    Map<String, List<Integer>> lines = new LinkedHashMap<>();
                    Map<String, BigDecimal> lineRates = new LinkedHashMap<>();
                    int billableMinutes = 0;
                    for (int i = 0; i < entries.size(); i++) {
                        Entry entry = entries.get(i);
                        if (!entry.billable()) {
                            continue;
                        }
                        String line = entry.rate().stripTrailingZeros().toPlainString() + "#" + i % lineCount;
                        lines.computeIfAbsent(line, k -> new ArrayList<>()).add(entry.billableMinutes());
                        lineRates.put(line, entry.rate());
                        billableMinutes += entry.billableMinutes();
                    }
                    BigDecimal invoiceTotal = BigDecimal.ZERO.setScale(DocumentCalculator.scale(currency));
                    int invoicedMinutes = 0;
                    for (Map.Entry<String, List<Integer>> line : lines.entrySet()) {
                        BigDecimal net = TimeRounding.lineAmount(line.getValue(), lineRates.get(line.getKey()), currency);
                        assertThat(net.scale()).isEqualTo(DocumentCalculator.scale(currency));
                        // one rounding per entry: at most half a minor unit each away from the unrounded line
                        // (× 60 on both sides, so nothing is divided)
                        int minutes = line.getValue().stream().mapToInt(Integer::intValue).sum();
                        BigDecimal error = net.multiply(BigDecimal.valueOf(60))
                                .subtract(BigDecimal.valueOf(minutes).multiply(lineRates.get(line.getKey()))).abs();
                        assertThat(error).isLessThanOrEqualTo(BigDecimal.valueOf(30L * line.getValue().size())
                                .movePointLeft(net.scale()));
                        invoiceTotal = invoiceTotal.add(net);
                        invoicedMinutes += minutes;
                    }
                    assertThat(invoiceTotal).isEqualTo(entriesTotal.setScale(DocumentCalculator.scale(currency)));
                    assertThat(invoicedMinutes).isEqualTo(billableMinutes);
                });
    }
}
