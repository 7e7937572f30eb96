package com.workline.ui.quoting;

import com.workline.persistence.crm.CustomerQuery;
import com.workline.persistence.crm.CustomerRow;
import com.workline.persistence.crm.CustomerService;
import com.workline.persistence.quoting.QuoteFilter;
import com.workline.persistence.quoting.QuoteOwner;
import com.workline.persistence.quoting.QuoteRow;
import com.workline.persistence.quoting.QuoteService;
import com.workline.persistence.quoting.QuoteStatus;
import com.workline.persistence.quoting.QuoteTabTotal;
import com.workline.ui.common.KeysetRows;
import com.workline.ui.common.LocaleNumbers;
import com.workline.ui.common.Messages;
import com.workline.ui.task.BackgroundTasks;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import javafx.collections.ObservableList;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Sales › Quotes: one status tab at a time with every tab's count and total, search as you type (number, title,
 * customer), keyset pages appended as the user scrolls; sent quotes past their validity expire when the list opens.
 */
public final class QuoteListViewModel {
    public static final int PAGE_SIZE = 100;
    /** The tabs in their order (superseded quotes are reached through their revision). */
    public static final List<QuoteStatus> TABS = List.of(QuoteStatus.DRAFT, QuoteStatus.SENT, QuoteStatus.ACCEPTED,
            QuoteStatus.REJECTED, QuoteStatus.EXPIRED, QuoteStatus.CANCELLED);

    private final QuoteService quotes;
    private final CustomerService customers;
    private final Locale locale;
    private final BackgroundTasks tasks;
    private final KeysetRows<QuoteRow, QuoteRow> pages;
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<QuoteStatus> tab = new SimpleObjectProperty<>(QuoteStatus.DRAFT);
    private final ObservableMap<QuoteStatus, QuoteTabTotal> totals = FXCollections.observableHashMap();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final Object totalsSlot = new Object();
    private final ObservableList<QuoteOwner> owners = FXCollections.observableArrayList();
    private final ObjectProperty<QuoteOwner> owner = new SimpleObjectProperty<>();
    private final ObjectProperty<java.time.LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<java.time.LocalDate> to = new SimpleObjectProperty<>();

    public QuoteListViewModel(QuoteService quotes, CustomerService customers, BackgroundTasks tasks, Locale locale) {
        this.quotes = quotes;
        this.customers = customers;
        this.tasks = tasks;
        this.locale = locale;
        this.pages = new KeysetRows<>(tasks, message::set);
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<QuoteStatus> tabProperty() {
        return tab;
    }

    public ObservableList<QuoteRow> rows() {
        return pages.rows();
    }

    public ObservableMap<QuoteStatus, QuoteTabTotal> tabTotals() {
        return totals;
    }

    public ReadOnlyBooleanProperty morePagesProperty() {
        return pages.morePagesProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return tasks.busyProperty();
    }

    /** The list opens: sent quotes past their validity become expired, then the first page and the tab totals. */
    public void open() {
        tasks.run(quotes::expire, expired -> refresh(), failure -> {
            message.set(failure.getLocalizedMessage());
            refresh();
        });
    }

    /** The people who created quotes, for the owner filter (null in the property: everyone). */
    public ObservableList<QuoteOwner> owners() {
        return owners;
    }

    public ObjectProperty<QuoteOwner> ownerProperty() {
        return owner;
    }

    /** Created on or after this day (null: no lower bound). */
    public ObjectProperty<java.time.LocalDate> fromProperty() {
        return from;
    }

    /** Created on or before this day (null: no upper bound). */
    public ObjectProperty<java.time.LocalDate> toProperty() {
        return to;
    }

    /** The filters as chosen on screen. */
    QuoteFilter filter() {
        QuoteOwner chosen = owner.get();
        return QuoteFilter.search(term()).withOwner(chosen == null ? null : chosen.id()).createdBetween(from.get(), to.get());
    }

    /** The first page of the current tab and filters, and every tab's count and total. */
    public void refresh() {
        QuoteStatus status = tab.get() == null ? QuoteStatus.DRAFT : tab.get();
        QuoteFilter filter = filter();
        message.set("");
        if (from.get() != null && to.get() != null && from.get().isAfter(to.get())) {
            message.set(Messages.get("quotes.filter.badRange"));
            return;
        }
        pages.showFirstPage(after -> quotes.page(status, filter, after, PAGE_SIZE));
        tasks.latest(totalsSlot, () -> quotes.totals(filter), totals::putAll, failure -> message.set(failure.getLocalizedMessage()));
        if (owners.isEmpty()) {
            tasks.latest("owners", quotes::ownerChoices, owners::setAll, failure -> message.set(failure.getLocalizedMessage()));
        }
    }

    public void loadMore() {
        pages.loadMore();
    }

    private String term() {
        return search.get() == null || search.get().isBlank() ? null : search.get().strip();
    }

    /** A tab's caption: status, count and total ("Sent (3) 1234.50"). */
    public String tabCaption(QuoteStatus status) {
        QuoteTabTotal total = totals.get(status);
        long count = total == null ? 0 : total.count();
        BigDecimal sum = total == null ? BigDecimal.ZERO : total.totalInBaseCurrency();
        return Messages.get("quotes.tab", Messages.get("quote.status." + status.name()), String.valueOf(count),
                count == 0 ? "" : "\u00b7 " + LocaleNumbers.formatTotal(sum, locale, 0));
    }

    /** A day as the user's locale writes it. */
    public String date(java.time.LocalDate day) {
        return java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.MEDIUM).withLocale(locale)
                .format(day);
    }

    /** An amount as the user's locale writes it. */
    public String amount(BigDecimal value) {
        return value == null ? "" : LocaleNumbers.formatAmount(value, locale);
    }

    /** A quote's total as the locale writes it, grouped, with its currency's decimals and code ("6,240.93 EUR"). */
    public String money(BigDecimal value, String currency) {
        if (value == null) {
            return "";
        }
        int digits = com.workline.persistence.money.DocumentCalculator.scale(java.util.Currency.getInstance(currency));
        return LocaleNumbers.formatTotal(value, locale, digits) + " " + currency;
    }

    /** Customers whose name, number or e-mail matches, for the new quote's customer picker. */
    public void findCustomers(String term, Consumer<List<CustomerRow>> found) {
        tasks.latest("customers", () -> customers.list(CustomerQuery.all().withSearch(term), null, 20).rows(), found,
                failure -> message.set(failure.getLocalizedMessage()));
    }

    /** A new draft for the customer (validity and currency from the organization); {@code created} gets its id. */
    public void createDraft(CustomerRow customer, Consumer<UUID> created) {
        if (customer == null) {
            return;
        }
        String title = Messages.get("quotes.newTitle", customer.name());
        tasks.run(() -> quotes.createDraft(customer.id(), null, null, title).id(), created,
                failure -> message.set(failure.getLocalizedMessage()));
    }
}
