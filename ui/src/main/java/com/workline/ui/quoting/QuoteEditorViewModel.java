package com.workline.ui.quoting;

import com.workline.persistence.catalog.Catalog;
import com.workline.persistence.catalog.ProductQuery;
import com.workline.persistence.catalog.ServiceCategory;
import com.workline.persistence.catalog.ServiceCategoryService;
import com.workline.persistence.catalog.ProductRow;
import com.workline.persistence.catalog.ProductService;
import com.workline.persistence.common.ValidationException;
import com.workline.persistence.crm.Contact;
import com.workline.persistence.crm.ContactService;
import com.workline.persistence.crm.Crm;
import com.workline.persistence.crm.CustomerQuery;
import com.workline.persistence.crm.CustomerRow;
import com.workline.persistence.crm.CustomerService;
import com.workline.persistence.common.WorklineException;
import com.workline.persistence.money.DocumentCalculator;
import com.workline.persistence.money.DocumentInput;
import com.workline.persistence.money.DocumentTotals;
import com.workline.persistence.money.LineKind;
import com.workline.persistence.money.TaxRateTotals;
import com.workline.persistence.quoting.QuoteConflictException;
import com.workline.persistence.quoting.QuoteDetails;
import com.workline.persistence.quoting.QuoteEvent;
import com.workline.persistence.quoting.QuoteLine;
import com.workline.persistence.quoting.QuoteService;
import com.workline.persistence.quoting.QuoteStatus;
import com.workline.ui.common.FieldErrors;
import com.workline.ui.common.LocaleNumbers;
import com.workline.ui.common.Messages;
import com.workline.ui.task.BackgroundTasks;
import com.workline.ui.workbench.Permissions;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The quote editor: header (title, validity, currency, document discount), lines typed in the user's locale with
 * live totals from the one {@link DocumentCalculator} (and a summary per tax rate), saving the draft (a version
 * conflict keeps the typed lines and offers the stored quote), the transitions by status and permission, and the
 * history. Everything is read-only unless the quote is a draft and the person may edit.
 */
public final class QuoteEditorViewModel {
    private final QuoteService quotes;
    private final ProductService products;
    private final ServiceCategoryService serviceCategoryService;
    private final com.workline.persistence.catalog.TaxRateService taxRates;
    private final com.workline.persistence.crm.DealService deals;
    private final CustomerService customers;
    private final ContactService contactService;
    private final ObjectProperty<UUID> customerId = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper customerName = new ReadOnlyStringWrapper("");
    private final ObjectProperty<UUID> contactId = new SimpleObjectProperty<>();
    private final ObservableList<Contact> contacts = FXCollections.observableArrayList();
    private final ObservableList<ServiceCategory> serviceCategories = FXCollections.observableArrayList();
    private final Permissions permissions;
    private final BackgroundTasks tasks;
    private final Locale locale;
    private final Consumer<UUID> openQuote;

    private final ReadOnlyObjectWrapper<QuoteDetails> quote = new ReadOnlyObjectWrapper<>();
    private final StringProperty title = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> validUntil = new SimpleObjectProperty<>();
    private final StringProperty currency = new SimpleStringProperty("");
    private final StringProperty documentDiscount = new SimpleStringProperty("");
    private final StringProperty exchangeRate = new SimpleStringProperty("");
    private final StringProperty terms = new SimpleStringProperty("");
    private final StringProperty customerNotes = new SimpleStringProperty("");
    private final StringProperty internalNotes = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper baseCurrency = new ReadOnlyStringWrapper("");
    private final BooleanBinding foreignCurrency;
    /** The organization's default tax rate, for the first priced line (later lines take the previous line's). */
    private volatile BigDecimal defaultTaxRate;
    private final ObservableList<QuoteLineRow> lines = FXCollections.observableArrayList(QuoteLineRow::dependencies);
    private final ObservableList<QuoteEvent> events = FXCollections.observableArrayList();
    private final ObservableList<String> taxSummary = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper subtotal = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper discountAmount = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper net = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper tax = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper total = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<DocumentTotals> totals = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper conflict = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(false);
    private final FieldErrors errors = new FieldErrors();
    private final BooleanBinding editable;
    private QuoteDetails storedOnConflict;
    private boolean loading;

    /** @param openQuote opens another quote (a revision or a duplicate) */
    public QuoteEditorViewModel(QuoteService quotes, Catalog catalog, Crm crm, Permissions permissions,
                                BackgroundTasks tasks, Locale locale, Consumer<UUID> openQuote) {
        this.quotes = quotes;
        this.customers = crm.customers();
        this.contactService = crm.contacts();
        this.products = catalog.products();
        this.serviceCategoryService = catalog.serviceCategories();
        this.taxRates = catalog.taxRates();
        this.deals = crm.deals();
        this.permissions = permissions;
        this.tasks = tasks;
        this.locale = locale;
        this.openQuote = openQuote;
        this.editable = Bindings.createBooleanBinding(() -> quote.get() != null && quote.get().status() == QuoteStatus.DRAFT
                && permissions.mayEdit(), quote);
        lines.addListener((javafx.collections.ListChangeListener<QuoteLineRow>) c -> changed());
        documentDiscount.addListener((o, was, now) -> changed());
        currency.addListener((o, was, now) -> {
            // Said next to the field as it is typed; the totals wait for a known currency.
            errors.set("currency", now == null || now.isBlank() || knownCurrency(now.strip()) ? ""
                    : Messages.get("quote.currency.unknown"));
            changed();
        });
        exchangeRate.addListener((o, was, now) -> markDirty());
        terms.addListener((o, was, now) -> markDirty());
        customerNotes.addListener((o, was, now) -> markDirty());
        internalNotes.addListener((o, was, now) -> markDirty());
        this.foreignCurrency = Bindings.createBooleanBinding(() -> !baseCurrency.get().isEmpty() && currency.get() != null
                && !currency.get().strip().equalsIgnoreCase(baseCurrency.get()), baseCurrency, currency);
        title.addListener((o, was, now) -> markDirty());
        validUntil.addListener((o, was, now) -> markDirty());
        contactId.addListener((o, was, now) -> markDirty());
    }

    // ------------------------------------------------------------------------------------------ properties

    public ReadOnlyObjectProperty<QuoteDetails> quoteProperty() {
        return quote.getReadOnlyProperty();
    }

    public StringProperty titleProperty() {
        return title;
    }

    public ObjectProperty<LocalDate> validUntilProperty() {
        return validUntil;
    }

    public StringProperty currencyProperty() {
        return currency;
    }

    /** Units of the organization's base currency per unit of the quote's currency; asked only for a foreign currency. */
    public StringProperty exchangeRateProperty() {
        return exchangeRate;
    }

    /** Whether the quote's currency differs from the organization's (then the exchange rate is needed). */
    public BooleanBinding foreignCurrencyProperty() {
        return foreignCurrency;
    }

    public ReadOnlyStringProperty baseCurrencyProperty() {
        return baseCurrency.getReadOnlyProperty();
    }

    public Locale locale() {
        return locale;
    }

    public StringProperty termsProperty() {
        return terms;
    }

    /** Notes printed on the quote for the customer. */
    public StringProperty customerNotesProperty() {
        return customerNotes;
    }

    /** Notes for colleagues only, never printed. */
    public StringProperty internalNotesProperty() {
        return internalNotes;
    }

    public StringProperty documentDiscountProperty() {
        return documentDiscount;
    }

    public ObservableList<QuoteLineRow> lines() {
        return lines;
    }

    public ReadOnlyObjectProperty<UUID> customerIdProperty() {
        return customerId;
    }

    public ReadOnlyStringProperty customerNameProperty() {
        return customerName.getReadOnlyProperty();
    }

    /** The customer's contact person on the quote (null: none). */
    public ObjectProperty<UUID> contactIdProperty() {
        return contactId;
    }

    /** The contacts of the quote's customer, for the contact picker. */
    public ObservableList<Contact> contacts() {
        return contacts;
    }

    /** Customers whose name, number or e-mail matches, for the customer picker. */
    public void findCustomers(String term, Consumer<List<CustomerRow>> found) {
        tasks.latest("customers", () -> customers.list(CustomerQuery.all().withSearch(term), null, 20).rows(), found,
                failure -> message.set(failure.getLocalizedMessage()));
    }

    /** Another customer for the draft: its contact is cleared and its contacts are offered. */
    public void chooseCustomer(CustomerRow customer) {
        if (customer == null || isReadOnly() || customer.id().equals(customerId.get())) {
            return;
        }
        customerId.set(customer.id());
        customerName.set(customer.name());
        contactId.set(null);
        dirty.set(true);
        loadContacts(customer.id());
    }

    private void loadContacts(UUID customer) {
        tasks.latest("contacts", () -> contactService.contacts(customer), contacts::setAll,
                failure -> message.set(failure.getLocalizedMessage()));
    }

    /** The service categories a service line can be of. */
    public ObservableList<ServiceCategory> serviceCategories() {
        return serviceCategories;
    }

    public ObservableList<QuoteEvent> events() {
        return events;
    }

    /** One line per tax rate: "19 %: 1234.50 + 234.56". */
    public ObservableList<String> taxSummary() {
        return taxSummary;
    }

    public ReadOnlyStringProperty subtotalProperty() {
        return subtotal.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty discountAmountProperty() {
        return discountAmount.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty netProperty() {
        return net.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty taxProperty() {
        return tax.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    /** The live totals (null while a line cannot be calculated yet). */
    public ReadOnlyObjectProperty<DocumentTotals> totalsProperty() {
        return totals.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Someone else saved the quote; the typed lines are kept until {@link #reload()}. */
    public ReadOnlyBooleanProperty conflictProperty() {
        return conflict.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return tasks.busyProperty();
    }

    public FieldErrors errors() {
        return errors;
    }

    /** True for a draft the person may change. */
    public BooleanBinding editableProperty() {
        return editable;
    }

    public boolean isReadOnly() {
        return !editable.get();
    }

    public boolean canSend() {
        return is(QuoteStatus.DRAFT) && permissions.mayEdit();
    }

    public boolean canAccept() {
        return is(QuoteStatus.SENT) && permissions.mayEdit();
    }

    public boolean canReject() {
        return is(QuoteStatus.SENT) && permissions.mayEdit();
    }

    public boolean canCancel() {
        return (is(QuoteStatus.DRAFT) || is(QuoteStatus.SENT)) && permissions.mayEdit();
    }

    public boolean canRevise() {
        return (is(QuoteStatus.SENT) || is(QuoteStatus.EXPIRED)) && permissions.mayEdit();
    }

    public boolean canDuplicate() {
        return quote.get() != null && permissions.mayEdit();
    }

    private boolean is(QuoteStatus status) {
        return quote.get() != null && quote.get().status() == status;
    }

    /**
     * Asks something about the quote in the background, e.g. whether another area's command applies to it: only the
     * newest question of {@code slot} is answered; a failure is shown as the message.
     */
    public <T> void ask(Object slot, java.util.function.Supplier<T> question, Consumer<T> answer) {
        tasks.latest(slot, question, answer, failure -> message.set(failure.getLocalizedMessage()));
    }

    // ------------------------------------------------------------------------------------------ loading

    /** Loads the quote with its lines and history. */
    public void open(UUID id) {
        message.set("");
        tasks.run(() -> quotes.load(id), this::show, failure -> message.set(failure.getLocalizedMessage()));
        tasks.run(serviceCategoryService::list, serviceCategories::setAll, failure -> message.set(failure.getLocalizedMessage()));
        if (baseCurrency.get().isEmpty()) {
            tasks.run(() -> new Object[] {deals.baseCurrency(), defaultRate()}, found -> {
                baseCurrency.set((String) found[0]);
                defaultTaxRate = (BigDecimal) found[1];
            }, failure -> message.set(failure.getLocalizedMessage()));
        }
    }

    private BigDecimal defaultRate() {
        var rate = taxRates.defaultRate();
        return rate == null ? null : rate.percent();
    }

    /** After a conflict: shows the stored quote, dropping what was typed. */
    public void reload() {
        if (storedOnConflict != null) {
            show(storedOnConflict);
        } else if (quote.get() != null) {
            open(quote.get().id());
        }
    }

    private void show(QuoteDetails details) {
        loading = true;
        try {
            quote.set(details);
            title.set(details.title() == null ? "" : details.title());
            validUntil.set(details.validUntil());
            currency.set(details.currency());
            exchangeRate.set(details.exchangeRate() == null ? "" : LocaleNumbers.formatPercent(details.exchangeRate(), locale, 8));
            terms.set(details.terms() == null ? "" : details.terms());
            customerNotes.set(details.customerNotes() == null ? "" : details.customerNotes());
            internalNotes.set(details.internalNotes() == null ? "" : details.internalNotes());
            documentDiscount.set(details.documentDiscountPercent() == null ? ""
                    : LocaleNumbers.formatPercent(details.documentDiscountPercent(), locale, 6));
            lines.setAll(details.lines().stream().map(l -> QuoteLineRow.of(l, locale)).toList());
            events.setAll(details.events());
            if (!details.customerId().equals(customerId.get())) {
                UUID customer = details.customerId();
                tasks.latest("customerName", () -> customers.load(customer).name(), customerName::set,
                        failure -> message.set(failure.getLocalizedMessage()));
                loadContacts(customer);
            }
            customerId.set(details.customerId());
            contactId.set(details.contactId());
            conflict.set(false);
            storedOnConflict = null;
            errors.clear();
        } finally {
            loading = false;
        }
        recalculate();
        dirty.set(false);
    }

    // ------------------------------------------------------------------------------------------ lines

    /** Adds an empty line of {@code kind} after the others (Enter in the last line); returns it. */
    public QuoteLineRow addLine(LineKind kind) {
        QuoteLineRow row = new QuoteLineRow(kind);
        if (kind != LineKind.TEXT) {
            row.quantityProperty().set(LocaleNumbers.formatPercent(BigDecimal.ONE, locale, 0));
            QuoteLineRow previous = lastPriced();
            if (previous != null) {
                row.taxRatePercentProperty().set(previous.taxRatePercentProperty().get());
            } else if (defaultTaxRate != null) {
                row.taxRatePercentProperty().set(LocaleNumbers.formatPercent(defaultTaxRate, locale, 4));
            }
        }
        lines.add(row);
        return row;
    }

    private QuoteLineRow lastPriced() {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).kindProperty().get() != LineKind.TEXT) {
                return lines.get(i);
            }
        }
        return null;
    }

    public void removeLine(int index) {
        if (index >= 0 && index < lines.size()) {
            lines.remove(index);
        }
    }

    /** Drag and drop: moves the line at {@code from} to {@code to}; returns its new index. */
    public int moveLine(int from, int to) {
        if (from < 0 || from >= lines.size() || to < 0 || from == to) {
            return from;
        }
        int target = Math.min(to, lines.size() - 1);
        QuoteLineRow row = lines.remove(from);
        lines.add(target, row);
        return target;
    }

    /** Alt+Up: moves the line one place up; returns its new index. */
    public int moveUp(int index) {
        if (index <= 0 || index >= lines.size()) {
            return index;
        }
        QuoteLineRow row = lines.remove(index);
        lines.add(index - 1, row);
        return index - 1;
    }

    /** Alt+Down: moves the line one place down; returns its new index. */
    public int moveDown(int index) {
        if (index < 0 || index >= lines.size() - 1) {
            return index;
        }
        QuoteLineRow row = lines.remove(index);
        lines.add(index + 1, row);
        return index + 1;
    }

    /** Products whose code or name matches {@code term}, for the product line's picker. */
    public void findProducts(String term, Consumer<List<ProductRow>> found) {
        tasks.latest("products", () -> products.list(ProductQuery.search(term), null, 10).rows(), found,
                failure -> message.set(failure.getLocalizedMessage()));
    }

    /** A product was chosen for {@code row}: its name, unit and sale price. */
    public void chooseProduct(QuoteLineRow row, ProductRow product) {
        row.kindProperty().set(LineKind.PRODUCT);
        row.productIdProperty().set(product.id());
        row.descriptionProperty().set(product.name());
        row.unitProperty().set(product.unitCode() == null ? "" : product.unitCode());
        row.unitPriceProperty().set(product.salePrice() == null ? "" : LocaleNumbers.formatAmount(product.salePrice(), locale));
    }

    /** A service category was chosen for {@code row}: its price is the rate the rate cards give for this customer. */
    public void chooseService(QuoteLineRow row, UUID serviceCategoryId) {
        row.kindProperty().set(LineKind.SERVICE);
        row.serviceCategoryIdProperty().set(serviceCategoryId);
        QuoteDetails current = quote.get();
        if (current == null) {
            return;
        }
        QuoteLine line = new QuoteLine(LineKind.SERVICE, null, serviceCategoryId, null, BigDecimal.ONE, null, null, null, null,
                false, null, null, null);
        tasks.run(() -> quotes.defaultUnitPrice(line, current.customerId(), LocalDate.now()),
                price -> row.unitPriceProperty().set(price == null ? "" : LocaleNumbers.formatAmount(price, locale)),
                failure -> message.set(failure.getLocalizedMessage()));
    }

    // ------------------------------------------------------------------------------------------ totals

    private void changed() {
        markDirty();
        recalculate();
    }

    private void markDirty() {
        if (!loading) {
            dirty.set(true);
        }
    }

    /** The live totals of what is typed, by the same calculator the service stores them with. */
    public void recalculate() {
        if (loading || quote.get() == null) {
            return;
        }
        DocumentTotals result;
        try {
            List<QuoteLine> typed = typedLines();
            result = DocumentCalculator.calculate(new DocumentInput(typed.stream().map(QuoteLine::input).toList(),
                    LocaleNumbers.parsePercent(documentDiscount.get(), locale), quote.get().taxRounding(),
                    Currency.getInstance(currency.get().strip().toUpperCase(Locale.ROOT)), null));
        } catch (RuntimeException incomplete) {
            result = null;
        }
        totals.set(result);
        for (int i = 0; i < lines.size(); i++) {
            QuoteLineRow row = lines.get(i);
            row.netProperty().set(result == null || row.kindProperty().get() == LineKind.TEXT ? ""
                    : amount(result.lines().get(i).net()));
        }
        subtotal.set(result == null ? "" : amount(result.subtotal()));
        discountAmount.set(result == null ? "" : amount(result.documentDiscount()));
        net.set(result == null ? "" : amount(result.net()));
        tax.set(result == null ? "" : amount(result.tax()));
        total.set(result == null ? "" : amount(result.total()));
        List<String> summary = new ArrayList<>();
        if (result != null) {
            for (TaxRateTotals rate : result.taxSummary()) {
                summary.add(Messages.get("quote.taxSummary", LocaleNumbers.formatPercent(rate.ratePercent(), locale, 2),
                        amount(rate.base()), amount(rate.tax())));
            }
        }
        taxSummary.setAll(summary);
    }

    private List<QuoteLine> typedLines() {
        return lines.stream().map(l -> l.toLine(locale)).toList();
    }

    /** A calculated amount as the locale writes it for reading (grouped, the currency's decimals). */
    public String amount(BigDecimal value) {
        return value == null ? "" : LocaleNumbers.formatTotal(value, locale, Math.max(0, value.scale()));
    }

    // ------------------------------------------------------------------------------------------ saving

    /** Ctrl+S: saves the draft; on a conflict the typed lines stay and {@link #conflictProperty()} offers a reload. */
    public void save() {
        save(null);
    }

    private void save(Runnable then) {
        QuoteDetails draft = draft();
        if (draft == null) {
            return;
        }
        message.set("");
        tasks.run(() -> quotes.saveDraft(draft), saved -> {
            show(saved);
            message.set(Messages.get("quote.saved"));
            if (then != null) {
                then.run();
            }
        }, this::failed);
    }

    /** What is typed, as the service takes it; null (with field errors) when a number cannot be read. */
    private QuoteDetails draft() {
        QuoteDetails current = quote.get();
        if (current == null || isReadOnly()) {
            return null;
        }
        errors.clear();
        if (title.get() == null || title.get().isBlank()) {
            errors.set("title", Messages.get("quote.titleRequired"));
            message.set(errors.get("title"));
            return null;
        }
        List<QuoteLine> typed = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            try {
                typed.add(lines.get(i).toLine(locale));
            } catch (NumberFormatException e) {
                errors.set("lines", Messages.get("quote.line.notANumber", String.valueOf(i + 1)));
                message.set(errors.get("lines"));
                return null;
            }
        }
        String code = currency.get() == null ? "" : currency.get().strip().toUpperCase(Locale.ROOT);
        if (!knownCurrency(code)) {
            errors.set("currency", Messages.get("quote.currency.unknown"));
            message.set(errors.get("currency"));
            return null;
        }
        BigDecimal rate = null;
        if (!code.equals(baseCurrency.get()) && !baseCurrency.get().isEmpty()) {
            rate = LocaleNumbers.parsePercent(exchangeRate.get(), locale);
            if (rate == null || rate.signum() <= 0) {
                errors.set("exchangeRate", Messages.get("quote.exchangeRate.required", baseCurrency.get(), code));
                message.set(errors.get("exchangeRate"));
                return null;
            }
        }
        BigDecimal discount = LocaleNumbers.parsePercent(documentDiscount.get(), locale);
        if (discount == null && documentDiscount.get() != null && !documentDiscount.get().isBlank()) {
            errors.set("documentDiscount", Messages.get("quote.notANumber"));
            message.set(errors.get("documentDiscount"));
            return null;
        }
        return new QuoteDetails(current.id(), current.number(), current.revision(), current.supersedesId(), current.status(),
                customerId.get(), contactId.get(), current.dealId(), title.get().strip(), validUntil.get(), code, rate, discount,
                current.taxRounding(), null, null, null, null, null, blankToNull(terms.get()), blankToNull(customerNotes.get()),
                blankToNull(internalNotes.get()), null, null, null, null, current.version(), typed, List.of());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** A three-letter code the JDK knows as a currency ("EUR", "usd"). */
    static boolean knownCurrency(String code) {
        if (code == null || !code.matches("[A-Za-z]{3}")) {
            return false;
        }
        try {
            Currency.getInstance(code.toUpperCase(Locale.ROOT));
            return true;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    private void failed(WorklineException failure) {
        if (failure instanceof QuoteConflictException clash) {
            storedOnConflict = clash.current();
            conflict.set(true);
            message.set(Messages.get("quote.conflict"));
        } else if (failure instanceof ValidationException invalid) {
            errors.showOnly(invalid.fieldErrors());
            message.set(failure.getLocalizedMessage());
        } else {
            message.set(failure.getLocalizedMessage());
        }
    }

    // ------------------------------------------------------------------------------------------ transitions

    /** Saves what is typed, then sends: the database issues the number. */
    public void send() {
        send(null);
    }

    /** {@link #send()}, then {@code sent} with the sent quote (e-mailing a draft: the dialog opens once it has a number). */
    public void send(Consumer<QuoteDetails> sent) {
        if (!canSend()) {
            return;
        }
        Runnable sending = () -> transition(q -> {
            quotes.send(q.id(), q.version());
            return null;
        }, sent);
        if (dirty.get()) {
            save(sending);
        } else {
            sending.run();
        }
    }

    public void accept() {
        if (canAccept()) {
            transition(q -> {
                quotes.accept(q.id(), q.version());
                return null;
            });
        }
    }

    public void reject(String reason) {
        if (canReject()) {
            String note = reason == null || reason.isBlank() ? null : reason.strip();
            transition(q -> {
                quotes.reject(q.id(), q.version(), note);
                return null;
            });
        }
    }

    public void cancel() {
        if (canCancel()) {
            transition(q -> {
                quotes.cancel(q.id(), q.version());
                return null;
            });
        }
    }

    /** A new draft revision, opened in its own editor. */
    public void revise() {
        if (canRevise()) {
            QuoteDetails q = quote.get();
            tasks.run(() -> quotes.revise(q.id(), q.version()), openQuote, this::failed);
        }
    }

    /** A copy as a new draft, opened in its own editor. */
    public void duplicate() {
        if (canDuplicate()) {
            QuoteDetails q = quote.get();
            tasks.run(() -> quotes.duplicate(q.id()), openQuote, this::failed);
        }
    }

    private interface Transition {
        Void apply(QuoteDetails quote);
    }

    private void transition(Transition work) {
        transition(work, null);
    }

    private void transition(Transition work, Consumer<QuoteDetails> then) {
        QuoteDetails q = quote.get();
        message.set("");
        tasks.run(() -> {
            work.apply(q);
            return quotes.load(q.id());
        }, done -> {
            show(done);
            if (then != null) {
                then.accept(done);
            }
        }, this::failed);
    }
}
