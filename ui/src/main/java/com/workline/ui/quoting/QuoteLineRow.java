package com.workline.ui.quoting;

import com.workline.persistence.money.LineKind;
import com.workline.persistence.quoting.QuoteLine;
import com.workline.ui.common.LocaleNumbers;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.UUID;

/**
 * One line of the quote editor as the user types it: numbers are text in the user's locale until the draft is
 * saved or the totals are computed. {@code net} shows the line's computed amount.
 */
public final class QuoteLineRow {
    private final ObjectProperty<LineKind> kind = new SimpleObjectProperty<>(LineKind.PRODUCT);
    private final ObjectProperty<UUID> productId = new SimpleObjectProperty<>();
    private final ObjectProperty<UUID> serviceCategoryId = new SimpleObjectProperty<>();
    private final StringProperty description = new SimpleStringProperty("");
    private final StringProperty quantity = new SimpleStringProperty("");
    private final StringProperty unit = new SimpleStringProperty("");
    private final StringProperty unitPrice = new SimpleStringProperty("");
    private final StringProperty discountPercent = new SimpleStringProperty("");
    private final StringProperty taxRatePercent = new SimpleStringProperty("");
    private final BooleanProperty optional = new SimpleBooleanProperty(false);
    private final StringProperty net = new SimpleStringProperty("");

    public QuoteLineRow(LineKind kind) {
        this.kind.set(kind);
    }

    /** A stored line shown in {@code locale}. */
    public static QuoteLineRow of(QuoteLine line, Locale locale) {
        QuoteLineRow row = new QuoteLineRow(line.kind());
        row.productId.set(line.productId());
        row.serviceCategoryId.set(line.serviceCategoryId());
        row.description.set(line.description() == null ? "" : line.description());
        row.quantity.set(number(line.quantity(), locale));
        row.unit.set(line.unit() == null ? "" : line.unit());
        row.unitPrice.set(line.unitPrice() == null ? "" : LocaleNumbers.formatAmount(line.unitPrice(), locale));
        row.discountPercent.set(number(line.discountPercent(), locale));
        row.taxRatePercent.set(number(line.taxRatePercent(), locale));
        row.optional.set(line.optional());
        return row;
    }

    private static String number(BigDecimal value, Locale locale) {
        return value == null ? "" : LocaleNumbers.formatPercent(value, locale, 6);
    }

    /**
     * The line for the service and the calculator; numbers parsed in {@code locale}. Throws
     * {@link NumberFormatException} naming the field when a number cannot be read.
     */
    public QuoteLine toLine(Locale locale) {
        boolean text = kind.get() == LineKind.TEXT;
        return new QuoteLine(kind.get(), kind.get() == LineKind.PRODUCT ? productId.get() : null,
                kind.get() == LineKind.SERVICE ? serviceCategoryId.get() : null, blankToNull(description.get()),
                text ? null : parse(quantity.get(), "quantity", locale), text ? null : blankToNull(unit.get()),
                text ? null : parse(unitPrice.get(), "unitPrice", locale),
                text ? null : parse(discountPercent.get(), "discountPercent", locale),
                text ? null : parse(taxRatePercent.get(), "taxRatePercent", locale), !text && optional.get(), null, null, null);
    }

    private static BigDecimal parse(String value, String field, Locale locale) {
        if (value == null || value.isBlank()) {
            return null;
        }
        BigDecimal parsed = field.endsWith("Percent") ? LocaleNumbers.parsePercent(value, locale)
                : LocaleNumbers.parseDecimal(value, locale);
        if (parsed == null) {
            throw new NumberFormatException(field);
        }
        return parsed;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** What the totals depend on (for an observable list's extractor). */
    Observable[] dependencies() {
        return new Observable[] {kind, quantity, unitPrice, discountPercent, taxRatePercent, optional};
    }

    public ObjectProperty<LineKind> kindProperty() {
        return kind;
    }

    public ObjectProperty<UUID> productIdProperty() {
        return productId;
    }

    public ObjectProperty<UUID> serviceCategoryIdProperty() {
        return serviceCategoryId;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    public StringProperty quantityProperty() {
        return quantity;
    }

    public StringProperty unitProperty() {
        return unit;
    }

    public StringProperty unitPriceProperty() {
        return unitPrice;
    }

    public StringProperty discountPercentProperty() {
        return discountPercent;
    }

    public StringProperty taxRatePercentProperty() {
        return taxRatePercent;
    }

    public BooleanProperty optionalProperty() {
        return optional;
    }

    public StringProperty netProperty() {
        return net;
    }
}
