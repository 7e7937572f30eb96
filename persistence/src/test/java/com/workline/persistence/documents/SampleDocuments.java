package com.workline.persistence.documents;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Documents for the renderer tests: totals computed here the way a calculation would store them. */
public final class SampleDocuments {
    public static final Party SELLER = new Party("Müller & Söhne Küchenbau GmbH", null,
            List.of("Hauptstraße 12", "80331 München"), "DE123456789", "angebote@mueller-soehne.example", "+49 89 123456");

    private SampleDocuments() {
    }

    public static Party buyer(String name) {
        return new Party(name, "Frau Jördis Äbeling", List.of("Größenweg 3", "10115 Berlin"), "DE987654321", null, null);
    }

    public static DocumentLine.Item item(String position, String description, String quantity, String unit, String unitPrice,
                                  String discountPercent, String taxPercent, boolean optional) {
        BigDecimal q = new BigDecimal(quantity);
        BigDecimal price = new BigDecimal(unitPrice);
        BigDecimal gross = q.multiply(price);
        BigDecimal net = discountPercent == null ? gross
                : gross.subtract(gross.multiply(new BigDecimal(discountPercent)).movePointLeft(2));
        return new DocumentLine.Item(position, description, q, unit, price,
                discountPercent == null ? null : new BigDecimal(discountPercent), new BigDecimal(taxPercent),
                net.setScale(2, RoundingMode.HALF_UP), optional);
    }

    /** A document with the given lines; linesNet, per-rate tax, total from the non-optional items. */
    public static BusinessDocument document(String buyerName, List<DocumentLine> lines, BigDecimal discount) {
        Map<BigDecimal, BigDecimal> bases = new TreeMap<>();
        BigDecimal linesNet = BigDecimal.ZERO;
        for (DocumentLine line : lines) {
            if (line instanceof DocumentLine.Item item && !item.optional()) {
                linesNet = linesNet.add(item.net());
                bases.merge(item.taxPercent().stripTrailingZeros(), item.net(), BigDecimal::add);
            }
        }
        BigDecimal disc = discount == null ? BigDecimal.ZERO : discount;
        BigDecimal net = linesNet.subtract(disc);
        List<TaxLine> taxes = new ArrayList<>();
        BigDecimal tax = BigDecimal.ZERO;
        for (Map.Entry<BigDecimal, BigDecimal> base : bases.entrySet()) {
            // Discount spread over the rates in proportion to their share.
            BigDecimal share = linesNet.signum() == 0 ? base.getValue()
                    : base.getValue().subtract(disc.multiply(base.getValue()).divide(linesNet, 2, RoundingMode.HALF_UP));
            BigDecimal t = share.multiply(base.getKey()).movePointLeft(2).setScale(2, RoundingMode.HALF_UP);
            taxes.add(new TaxLine(base.getKey(), share, t));
            tax = tax.add(t);
        }
        return new BusinessDocument(BusinessDocument.Kind.QUOTE, null, "Q-2026-0042", 2,
                LocalDate.of(2026, 11, 24), LocalDate.of(2026, 12, 24), SELLER, buyer(buyerName), lines, taxes,
                linesNet, discount, net, tax, net.add(tax), Currency.getInstance("EUR"),
                "Vielen Dank für Ihre Anfrage. Gerne bieten wir Ihnen an:", null,
                "Wir freuen uns auf Ihren Auftrag.", null);
    }

    public static List<DocumentLine> manyItems(int count) {
        List<DocumentLine> lines = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            if (i % 25 == 1) {
                lines.add(new DocumentLine.Section("Abschnitt " + (i / 25 + 1)));
            }
            lines.add(item(Integer.toString(i), "Position " + i + " Schrankelement mit Überbreite", "1.5", "Stk",
                    "99.90", i % 3 == 0 ? "5" : null, i % 2 == 0 ? "7" : "19", false));
        }
        return lines;
    }
}
