package com.workline.ui.crm;

import com.workline.persistence.common.ValidationException;
import com.workline.persistence.crm.CustomFieldDefinition;
import com.workline.persistence.crm.DealConflictException;
import com.workline.persistence.crm.DealDetails;
import com.workline.persistence.crm.DealService;
import com.workline.ui.common.FieldErrors;
import com.workline.ui.common.LocaleNumbers;
import com.workline.ui.common.EditConflict;
import com.workline.ui.common.Messages;
import com.workline.ui.task.BackgroundTasks;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The deal form: title, customer, contact, value and currency, expected close date, owner, tags and the deals'
 * custom fields, with a message next to each field. Amounts, numbers and dates are typed and shown as the user's
 * locale writes them. {@link #dirtyProperty()} says whether the form differs from the stored deal. A save that
 * meets someone else's newer version keeps the typed values and exposes theirs ({@link #conflictProperty()}),
 * as the customer record does. Viewers see the deal but cannot change it ({@link #editableProperty()}; the
 * database refuses their writes anyway).
 */
public final class DealFormViewModel {
    /** How many customers the customer choice offers for a search. */
    public static final int CUSTOMER_CHOICES = 50;

    private final DealService deals;
    private final BackgroundTasks tasks;
    private final Locale locale;
    private final Consumer<DealDetails> onSaved;
    private final StringProperty title = new SimpleStringProperty("");
    private final ObjectProperty<DealDetails.Choice> customer = new SimpleObjectProperty<>();
    private final StringProperty customerSearch = new SimpleStringProperty("");
    private final ObjectProperty<DealDetails.Choice> contact = new SimpleObjectProperty<>();
    private final StringProperty value = new SimpleStringProperty("");
    private final StringProperty currency = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> expectedClose = new SimpleObjectProperty<>();
    private final ObjectProperty<DealDetails.Choice> owner = new SimpleObjectProperty<>();
    private final StringProperty tags = new SimpleStringProperty("");
    private final Map<String, StringProperty> custom = new LinkedHashMap<>();
    private final ObservableList<DealDetails.Choice> customers = FXCollections.observableArrayList();
    private final ObservableList<DealDetails.Choice> contacts = FXCollections.observableArrayList();
    private final ObservableList<DealDetails.Choice> owners = FXCollections.observableArrayList();
    private final ObservableList<CustomFieldDefinition> definitions = FXCollections.observableArrayList();
    private final FieldErrors errors = new FieldErrors();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper stage = new ReadOnlyStringWrapper("");
    private final EditConflict<DealDetails> conflict = new EditConflict<>();
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper editable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper readOnly = new ReadOnlyBooleanWrapper(false);
    private DealDetails original;
    /** What the form showed when it was loaded or saved; dirty = the form shows something else now. */
    private String clean = "";
    private boolean showing;

    public DealFormViewModel(DealService deals, BackgroundTasks tasks, Locale locale, Consumer<DealDetails> onSaved) {
        this.deals = deals;
        this.tasks = tasks;
        this.locale = locale;
        this.onSaved = onSaved;
        for (Observable field : List.of(title, customer, contact, value, currency, expectedClose, owner, tags)) {
            field.addListener(o -> updateDirty());
        }
        customer.addListener((o, old, now) -> {
            if (!showing && !Objects.equals(old == null ? null : old.id(), now == null ? null : now.id())) {
                contact.set(null);
                loadContacts(now == null ? null : now.id());
            }
        });
    }

    // ----- the fields ----------------------------------------------------------------------------------

    public StringProperty titleProperty() {
        return title;
    }

    public ObjectProperty<DealDetails.Choice> customerProperty() {
        return customer;
    }

    /** What the customer choice is narrowed to ({@link #searchCustomers()}). */
    public StringProperty customerSearchProperty() {
        return customerSearch;
    }

    public ObjectProperty<DealDetails.Choice> contactProperty() {
        return contact;
    }

    /** The value as the user's locale writes it ("12.500,50" in German). */
    public StringProperty valueProperty() {
        return value;
    }

    public StringProperty currencyProperty() {
        return currency;
    }

    public ObjectProperty<LocalDate> expectedCloseProperty() {
        return expectedClose;
    }

    public ObjectProperty<DealDetails.Choice> ownerProperty() {
        return owner;
    }

    /** Comma-separated. */
    public StringProperty tagsProperty() {
        return tags;
    }

    /** A custom field's text: numbers and dates as the locale writes them, several choices separated by ";". */
    public StringProperty customField(String key) {
        return custom.computeIfAbsent(key, k -> {
            StringProperty p = new SimpleStringProperty("");
            p.addListener(o -> updateDirty());
            return p;
        });
    }

    public ObservableList<DealDetails.Choice> customers() {
        return customers;
    }

    public ObservableList<DealDetails.Choice> contacts() {
        return contacts;
    }

    public ObservableList<DealDetails.Choice> owners() {
        return owners;
    }

    public ObservableList<CustomFieldDefinition> definitions() {
        return definitions;
    }

    public FieldErrors errors() {
        return errors;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** "Title — Customer", or "New deal". */
    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    /** Where the deal stands ("Lead · Open"); the board moves it. */
    public ReadOnlyStringProperty stageProperty() {
        return stage.getReadOnlyProperty();
    }

    /** Set when a save met a newer version: the stored deal, to show beside the typed values. */
    public ReadOnlyObjectProperty<DealDetails> conflictProperty() {
        return conflict.property();
    }

    /** True while the form shows something other than the stored deal. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    /** False for viewers (known once the form has loaded). */
    public ReadOnlyBooleanProperty editableProperty() {
        return editable.getReadOnlyProperty();
    }

    /** True once it is known that the person may only look (viewers). */
    public ReadOnlyBooleanProperty readOnlyProperty() {
        return readOnly.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return tasks.busyProperty();
    }

    public boolean isNew() {
        return original == null || original.id() == null;
    }

    /** The deal shown (as last loaded or saved); null before it has loaded. */
    public DealDetails original() {
        return original;
    }

    // ----- commands ------------------------------------------------------------------------------------

    /** Opens an existing deal. */
    public void open(UUID dealId) {
        loadChoices();
        tasks.run(() -> deals.load(dealId), this::show, failure -> message.set(failure.getLocalizedMessage()));
    }

    /** A blank form for a new deal (in the organization's base currency); it starts in the default pipeline's first stage. */
    public void startNew() {
        loadChoices();
        tasks.run(() -> DealDetails.newDeal(null, deals.baseCurrency()), this::show, failure -> message.set(failure.getLocalizedMessage()));
    }

    /** Narrows the customer choice to names containing the search text (the chosen customer stays offered). */
    public void searchCustomers() {
        String term = customerSearch.get();
        tasks.run(() -> deals.customerChoices(term, CUSTOMER_CHOICES), this::showCustomerChoices,
                failure -> message.set(failure.getLocalizedMessage()));
    }

    /**
     * Replaces the customer choices, keeping the chosen customer chosen: a combo box whose items are replaced
     * moves its selection to whatever item now sits at the old index, which through the binding would silently
     * move the deal to another customer.
     */
    private void showCustomerChoices(java.util.List<DealDetails.Choice> list) {
        DealDetails.Choice chosen = customer.get();
        java.util.List<DealDetails.Choice> all = new java.util.ArrayList<>(list);
        if (chosen != null && !all.contains(chosen)) {
            all.add(0, chosen);
        }
        boolean wasShowing = showing;
        showing = true; // not an edit of the person's
        try {
            customers.setAll(all);
            if (!java.util.Objects.equals(customer.get(), chosen)) {
                customer.set(chosen);
            }
        } finally {
            showing = wasShowing;
        }
    }

    public void save() {
        if (!editable.get()) {
            message.set(Messages.get("deal.readOnly"));
            return;
        }
        if (original == null) {
            return; // not loaded yet
        }
        errors.clear();
        message.set("");
        DealDetails edited;
        try {
            edited = edited();
        } catch (ValidationException invalid) {
            errors.showOnly(invalid.fieldErrors());
            message.set(Messages.get("form.fix"));
            return;
        }
        boolean creating = isNew();
        tasks.run(() -> creating ? deals.create(edited) : deals.update(edited), saved -> {
            show(saved);
            message.set(Messages.get(creating ? "deal.created" : "deal.saved", saved.title()));
            onSaved.accept(saved);
        }, failure -> {
            if (failure instanceof ValidationException invalid) {
                errors.showOnly(invalid.fieldErrors());
                message.set(Messages.get("form.fix"));
            } else if (failure instanceof DealConflictException clash) {
                conflict.found(clash.current());
                message.set(Messages.get("deal.conflict"));
            } else {
                message.set(failure.getLocalizedMessage());
            }
        });
    }

    /** After a conflict: keep my values and save them over the other version (the user decided). */
    public void overwriteTheirs() {
        conflict.keepMine(theirs -> original = theirs, this::save);
    }

    /** After a conflict: take their version, dropping my typing. */
    public void takeTheirs() {
        conflict.takeTheirs(theirs -> {
            show(theirs);
            message.set("");
        });
    }

    // ----- internals -----------------------------------------------------------------------------------

    private void loadChoices() {
        tasks.run(deals::canEdit, may -> {
            editable.set(may);
            readOnly.set(!may);
        }, failure -> message.set(failure.getLocalizedMessage()));
        tasks.run(deals::customFieldDefinitions, definitions::setAll, failure -> message.set(failure.getLocalizedMessage()));
        tasks.run(deals::ownerChoices, owners::setAll, failure -> message.set(failure.getLocalizedMessage()));
        tasks.run(() -> deals.customerChoices("", CUSTOMER_CHOICES), this::showCustomerChoices,
                failure -> message.set(failure.getLocalizedMessage()));
    }

    private void loadContacts(UUID customerId) {
        if (customerId == null) {
            contacts.clear();
            return;
        }
        tasks.run(() -> deals.contactChoices(customerId), list -> {
            DealDetails.Choice chosen = contact.get();
            contacts.setAll(list);
            if (chosen != null && !contacts.contains(chosen)) {
                contacts.add(0, chosen);
            }
        }, failure -> message.set(failure.getLocalizedMessage()));
    }

    private void show(DealDetails d) {
        showing = true;
        try {
            original = d;
            conflict.clear();
            errors.clear();
            heading.set(d.id() == null ? Messages.get("deal.form.new")
                    : Messages.get("deal.form.heading", d.title(), d.customerName()));
            stage.set(d.stageName() == null ? "" : d.stageName() + " \u00b7 " + Messages.get("deals.status." + d.status()));
            title.set(d.title() == null ? "" : d.title());
            DealDetails.Choice chosenCustomer = d.customerId() == null ? null : new DealDetails.Choice(d.customerId(), d.customerName());
            if (chosenCustomer != null && !customers.contains(chosenCustomer)) {
                customers.add(0, chosenCustomer); // first the item, then the choice (see showCustomerChoices)
            }
            customer.set(chosenCustomer);
            contact.set(d.contactId() == null ? null : new DealDetails.Choice(d.contactId(), d.contactName()));
            value.set(d.value() == null ? "" : money().format(d.value()));
            currency.set(d.currency() == null ? "" : d.currency());
            expectedClose.set(d.expectedCloseDate());
            owner.set(d.ownerId() == null ? null : new DealDetails.Choice(d.ownerId(), d.ownerName()));
            tags.set(String.join(", ", d.tags()));
            custom.values().forEach(p -> p.set(""));
            d.customFields().forEach((key, v) -> customField(key).set(display(key, v)));
        } finally {
            showing = false;
        }
        loadContacts(d.customerId());
        clean = snapshot();
        updateDirty();
    }

    private void updateDirty() {
        if (!showing) {
            dirty.set(original != null && !snapshot().equals(clean));
        }
    }

    /** Everything the user can change, as one comparable text. */
    private String snapshot() {
        StringBuilder s = new StringBuilder();
        for (Object part : new Object[] {title.get().strip(), id(customer.get()), id(contact.get()), value.get().strip(),
                currency.get().strip().toUpperCase(Locale.ROOT), expectedClose.get(), id(owner.get()), tagList()}) {
            s.append(part).append('\u0000');
        }
        custom.forEach((key, p) -> {
            if (!p.get().isBlank()) {
                s.append(key).append('=').append(p.get().strip()).append('\u0000');
            }
        });
        return s.toString();
    }

    private static UUID id(DealDetails.Choice choice) {
        return choice == null ? null : choice.id();
    }

    private List<String> tagList() {
        return Arrays.stream(tags.get().split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    /** The form's values as a deal, or the errors of what could not be read (numbers, dates). */
    private DealDetails edited() {
        ValidationException.Collector problems = new ValidationException.Collector();
        BigDecimal amount = null;
        if (!value.get().isBlank()) {
            amount = LocaleNumbers.parseDecimal(value.get(), locale);
            problems.check(amount != null, "value", Messages.get("form.number"));
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (CustomFieldDefinition d : definitions) {
            String text = customField(d.key()).get();
            if (text.isBlank()) {
                continue;
            }
            switch (d.type()) {
                case NUMBER -> {
                    BigDecimal number = LocaleNumbers.parseDecimal(text, locale);
                    problems.check(number != null, "custom." + d.key(), Messages.get("form.number"));
                    if (number != null) {
                        values.put(d.key(), number.toPlainString());
                    }
                }
                case DATE -> {
                    LocalDate date = parseDate(text);
                    problems.check(date != null, "custom." + d.key(),
                            Messages.get("form.date", dates().format(LocalDate.of(2027, 12, 31))));
                    if (date != null) {
                        values.put(d.key(), date.toString());
                    }
                }
                case MULTISELECT -> values.put(d.key(), Arrays.stream(text.split("\\s*;\\s*")).map(String::strip)
                        .filter(s -> !s.isBlank()).toList());
                default -> values.put(d.key(), text.strip());
            }
        }
        problems.throwIfAny();
        DealDetails.Choice chosenCustomer = customer.get();
        return new DealDetails(isNew() ? null : original.id(), title.get(), id(chosenCustomer),
                chosenCustomer == null ? null : chosenCustomer.name(), id(contact.get()), amount,
                currency.get().strip().toUpperCase(Locale.ROOT), expectedClose.get(), id(owner.get()), tagList(), values,
                original.stageName(), original.status(), isNew() ? 0 : original.version());
    }

    private String display(String key, Object stored) {
        CustomFieldDefinition d = definitions.stream().filter(x -> x.key().equals(key)).findFirst().orElse(null);
        if (stored instanceof List<?> list) {
            return String.join("; ", list.stream().map(Object::toString).toList());
        }
        String text = String.valueOf(stored);
        if (d == null) {
            return text;
        }
        try {
            return switch (d.type()) {
                case NUMBER -> LocaleNumbers.formatPercent(new BigDecimal(text), locale, 10);
                case DATE -> dates().format(LocalDate.parse(text));
                default -> text;
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            return text;
        }
    }

    /**
     * A date as the locale writes it (one or two digits for day and month, four- or two-digit year, or the
     * medium form), or in ISO form; null if none fits.
     */
    private LocalDate parseDate(String text) {
        String shortPattern = localizedPattern(FormatStyle.SHORT).replace("dd", "d").replace("MM", "M");
        for (DateTimeFormatter format : List.of(
                DateTimeFormatter.ofPattern(shortPattern.replaceAll("y+", "yyyy"), locale),
                DateTimeFormatter.ofPattern(shortPattern.replaceAll("y+", "yy"), locale),
                DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale), DateTimeFormatter.ISO_LOCAL_DATE)) {
            try {
                return LocalDate.parse(text.strip(), format);
            } catch (DateTimeParseException e) {
                // the next form
            }
        }
        return null;
    }

    private String localizedPattern(FormatStyle style) {
        return java.time.format.DateTimeFormatterBuilder.getLocalizedDateTimePattern(style, null,
                java.time.chrono.IsoChronology.INSTANCE, locale);
    }

    /** The locale's short date form with a four-digit year ("31.12.2027", "12/31/2027"), for showing dates. */
    public DateTimeFormatter dates() {
        return DateTimeFormatter.ofPattern(localizedPattern(FormatStyle.SHORT).replaceAll("y+", "yyyy"), locale);
    }

    /** Parses a date typed into the date picker as {@link #parseDate} does; null if it is none. */
    public LocalDate parseTypedDate(String text) {
        return text == null || text.isBlank() ? null : parseDate(text);
    }

    private NumberFormat money() {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format;
    }
}
