package com.workline.ui.quoting;

import com.workline.persistence.crm.CustomerService;
import com.workline.persistence.quoting.QuoteRow;
import com.workline.persistence.quoting.QuoteService;
import com.workline.ui.common.LocaleNumbers;
import com.workline.ui.common.Messages;
import com.workline.ui.task.BackgroundTasks;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;

/** The Quotes tab of a customer record: the customer's quotes in every status, newest first, and "New quote". */
public final class CustomerQuotesViewModel {
    /** More than a customer record needs at a glance; the Quotes section has them all. */
    static final int LIMIT = 200;

    private final QuoteService quotes;
    private final CustomerService customers;
    private final UUID customerId;
    private final BackgroundTasks tasks;
    private final Locale locale;
    private final ObservableList<QuoteRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public CustomerQuotesViewModel(QuoteService quotes, CustomerService customers, UUID customerId, BackgroundTasks tasks,
                                   Locale locale) {
        this.quotes = quotes;
        this.customers = customers;
        this.customerId = customerId;
        this.tasks = tasks;
        this.locale = locale;
    }

    public ObservableList<QuoteRow> rows() {
        return rows;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public void load() {
        tasks.latest("quotes", () -> quotes.forCustomer(customerId, LIMIT), rows::setAll,
                failure -> message.set(failure.getLocalizedMessage()));
    }

    /** A new draft for this customer, titled after it; {@code created} gets its id. */
    public void newQuote(Consumer<UUID> created) {
        tasks.run(() -> quotes.createDraft(customerId, null, null,
                        Messages.get("quotes.newTitle", customers.load(customerId).name())).id(), created,
                failure -> message.set(failure.getLocalizedMessage()));
    }

    String number(QuoteRow row) {
        return row.number() == null ? Messages.get("quotes.draftNumber") : row.number();
    }

    String status(QuoteRow row) {
        return Messages.get("quote.status." + row.status().name());
    }

    String total(QuoteRow row) {
        BigDecimal total = row.total();
        return total == null ? "" : LocaleNumbers.formatTotal(total, locale,
                com.workline.persistence.money.DocumentCalculator.scale(java.util.Currency.getInstance(row.currency())))
                + " " + row.currency();
    }

    String date(LocalDate day) {
        return day == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(day);
    }
}
