package com.workline.persistence.money;

import com.workline.persistence.common.ValidationException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one calculation of a document's totals, used by the editor (live totals), the stored document and the PDF, for
 * quotes and later invoices. The rules, with a worked example, are in docs/money-rules.md; in short:
 * <ol>
 *     <li>every rounding is {@link RoundingMode#HALF_UP} to the currency's minor unit;</li>
 *     <li>line net = quantity × unit price × (1 − discount/100), computed exactly, rounded once;</li>
 *     <li>subtotal = Σ net of the included lines (not text, not optional);</li>
 *     <li>document discount = subtotal × discount/100, rounded once, then split over the tax rates in proportion to
 *     their bases (each share rounded, the remainder on the largest base) so the rate bases add up to the net;</li>
 *     <li>tax per rate: {@link TaxRounding#PER_DOCUMENT} rounds base × rate once;
 *     {@link TaxRounding#PER_LINE} sums the rounded tax of each line and subtracts the rounded tax of the rate's
 *     discount share (the discount acts as one more line per rate);</li>
 *     <li>total = net + tax; in the base currency total × exchange rate, rounded to the base currency's minor unit.</li>
 * </ol>
 * Input that breaks a rule raises a {@link ValidationException} naming every field at fault
 * ({@code lines[2].taxRatePercent}, {@code documentDiscountPercent}, {@code exchangeRate}).
 */
public final class DocumentCalculator {
    /** Commercial rounding (kaufmännisches Runden), as DE/EU tax authorities and customers expect. */
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;
    /** The scale for a currency without minor units defined by the JDK (e.g. XXX). */
    public static final int FALLBACK_SCALE = 2;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private DocumentCalculator() {
    }

    /** The number of decimals of amounts in {@code currency}. */
    public static int scale(Currency currency) {
        int digits = currency.getDefaultFractionDigits();
        return digits < 0 ? FALLBACK_SCALE : digits;
    }

    public static DocumentTotals calculate(DocumentInput input) {
        validate(input);
        int scale = scale(input.currency());
        BigDecimal zero = BigDecimal.ZERO.setScale(scale);

        List<LineTotals> lineTotals = new ArrayList<>(input.lines().size());
        // per rate (numerically equal rates together): Σ included line nets and Σ their rounded line taxes
        Map<BigDecimal, BigDecimal[]> rates = new TreeMap<>(Comparator.reverseOrder());
        BigDecimal subtotal = zero;
        for (LineInput line : input.lines()) {
            if (!line.kind().priced()) {
                lineTotals.add(new LineTotals(zero, zero, zero, false));
                continue;
            }
            BigDecimal net = round(exactNet(line), scale);
            BigDecimal tax = taxOn(net, line.taxRatePercent(), scale);
            boolean included = !line.optional();
            lineTotals.add(new LineTotals(net, tax, net.add(tax), included));
            if (included) {
                subtotal = subtotal.add(net);
                BigDecimal[] sums = rates.computeIfAbsent(normalRate(line.taxRatePercent()),
                        r -> new BigDecimal[]{zero, zero});
                sums[0] = sums[0].add(net);
                sums[1] = sums[1].add(tax);
            }
        }

        BigDecimal discountPercent = orZero(input.documentDiscountPercent());
        BigDecimal documentDiscount = round(subtotal.multiply(discountPercent).divide(HUNDRED), scale);
        List<BigDecimal> rateKeys = new ArrayList<>(rates.keySet());
        List<BigDecimal> shares = split(documentDiscount, discountPercent,
                rateKeys.stream().map(r -> rates.get(r)[0]).toList(), scale);

        List<TaxRateTotals> summary = new ArrayList<>(rateKeys.size());
        BigDecimal net = zero;
        BigDecimal tax = zero;
        for (int i = 0; i < rateKeys.size(); i++) {
            BigDecimal rate = rateKeys.get(i);
            BigDecimal[] sums = rates.get(rate);
            BigDecimal share = shares.get(i);
            BigDecimal base = sums[0].subtract(share);
            BigDecimal rateTax = switch (input.taxRounding()) {
                case PER_DOCUMENT -> taxOn(base, rate, scale);
                case PER_LINE -> sums[1].subtract(taxOn(share, rate, scale));
            };
            summary.add(new TaxRateTotals(rate, base, rateTax));
            net = net.add(base);
            tax = tax.add(rateTax);
        }
        BigDecimal total = net.add(tax);
        return new DocumentTotals(lineTotals, subtotal, documentDiscount, net, summary, tax, total,
                inBaseCurrency(total, input.exchangeRate()));
    }

    /** quantity × unit price × (100 − discount) / 100: exact, since dividing by 100 only moves the point. */
    private static BigDecimal exactNet(LineInput line) {
        BigDecimal gross = line.quantity().multiply(line.unitPrice());
        BigDecimal discount = orZero(line.discountPercent());
        return discount.signum() == 0 ? gross : gross.multiply(HUNDRED.subtract(discount)).divide(HUNDRED);
    }

    private static BigDecimal taxOn(BigDecimal net, BigDecimal ratePercent, int scale) {
        return round(net.multiply(ratePercent).divide(HUNDRED), scale);
    }

    /**
     * The document discount split over the rate bases: each rate's share is its base × percent / 100 rounded; what the
     * rounded shares miss of the (separately rounded) discount goes to the base of the largest amount (the first of
     * equal ones, i.e. the higher rate), so the shares always add up to the discount.
     */
    private static List<BigDecimal> split(BigDecimal discount, BigDecimal percent, List<BigDecimal> bases, int scale) {
        List<BigDecimal> shares = new ArrayList<>(bases.size());
        BigDecimal assigned = BigDecimal.ZERO.setScale(scale);
        int largest = -1;
        for (int i = 0; i < bases.size(); i++) {
            BigDecimal share = round(bases.get(i).multiply(percent).divide(HUNDRED), scale);
            shares.add(share);
            assigned = assigned.add(share);
            if (largest < 0 || bases.get(i).abs().compareTo(bases.get(largest).abs()) > 0) {
                largest = i;
            }
        }
        BigDecimal remainder = discount.subtract(assigned);
        if (remainder.signum() != 0) {
            shares.set(largest, shares.get(largest).add(remainder));
        }
        return shares;
    }

    private static BigDecimal inBaseCurrency(BigDecimal total, ExchangeRate exchangeRate) {
        if (exchangeRate == null) {
            return total;
        }
        return round(total.multiply(exchangeRate.rate()), scale(exchangeRate.baseCurrency()));
    }

    private static BigDecimal round(BigDecimal amount, int scale) {
        return amount.setScale(scale, ROUNDING);
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    /** 19, 19.0 and 19.000 are one rate, shown as 19.00; 5.5 as 5.50; 7.125 as 7.125. */
    static BigDecimal normalRate(BigDecimal rate) {
        BigDecimal stripped = rate.stripTrailingZeros();
        return stripped.setScale(Math.max(2, stripped.scale()));
    }

    private static void validate(DocumentInput input) {
        ValidationException.Collector errors = new ValidationException.Collector();
        for (int i = 0; i < input.lines().size(); i++) {
            LineInput line = input.lines().get(i);
            String field = "lines[" + i + "].";
            if (!line.kind().priced()) {
                errors.require(line.quantity() == null && line.unitPrice() == null && line.discountPercent() == null
                        && line.taxRatePercent() == null, field + "kind", "money.line.textHasNoAmounts");
                continue;
            }
            errors.require(line.quantity() != null, field + "quantity", "money.line.quantityRequired");
            errors.require(line.unitPrice() != null, field + "unitPrice", "money.line.unitPriceRequired");
            errors.require(percentage(line.discountPercent()), field + "discountPercent", "field.percentage.outOfRange");
            errors.require(line.taxRatePercent() != null, field + "taxRatePercent", "money.line.taxRateRequired");
            errors.require(percentage(line.taxRatePercent()), field + "taxRatePercent", "field.percentage.outOfRange");
        }
        errors.require(percentage(input.documentDiscountPercent()), "documentDiscountPercent",
                "field.percentage.outOfRange");
        ExchangeRate exchange = input.exchangeRate();
        if (exchange != null) {
            errors.require(exchange.rate().signum() > 0, "exchangeRate", "money.exchangeRate.positive");
            errors.require(!exchange.baseCurrency().equals(input.currency()) || exchange.rate().compareTo(BigDecimal.ONE) == 0,
                    "exchangeRate", "money.exchangeRate.sameCurrency");
        }
        errors.throwIfAny();
    }

    /** Null (checked separately where required) or from 0 to 100. */
    private static boolean percentage(BigDecimal value) {
        return value == null || value.signum() >= 0 && value.compareTo(HUNDRED) <= 0;
    }
}
