package com.workline.ui.crm;

import com.workline.persistence.common.ValidationException;
import com.workline.persistence.crm.Activity;
import com.workline.persistence.crm.ActivityService;
import com.workline.persistence.crm.Contact;
import com.workline.persistence.crm.ContactService;
import com.workline.persistence.crm.CustomFieldDefinition;
import com.workline.persistence.crm.CustomFieldService;
import com.workline.persistence.crm.CustomerConflictException;
import com.workline.persistence.crm.CustomerDetails;
import com.workline.persistence.crm.CustomerService;
import com.workline.persistence.crm.CustomerStatus;
import com.workline.persistence.crm.CustomerType;
import com.workline.ui.common.FieldErrors;
import com.workline.ui.common.LocaleNumbers;
import com.workline.ui.common.EditConflict;
import com.workline.ui.common.Messages;
import com.workline.ui.task.BackgroundTasks;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A customer's record: its fields with validation next to each, custom fields, contacts and the activity
 * timeline. A save that meets someone else's newer version keeps the typed values and exposes theirs
 * ({@link #conflictProperty()}) so the view can show both side by side.
 */
public final class CustomerRecordViewModel {
    public static final String[] TEXT_FIELDS = {"name", "industry", "website", "email", "phone", "taxId", "currency",
            "paymentTermsDays", "creditLimit", "tags", "notes"};

    private final CustomerService customers;
    private final CustomFieldService customFields;
    private final ContactService contacts;
    private final ActivityService activities;
    private com.workline.persistence.crm.HistoryService historyService;
    private final ObservableList<com.workline.persistence.crm.Change> history = FXCollections.observableArrayList();
    private final BackgroundTasks tasks;
    private java.util.Locale locale = java.util.Locale.getDefault();
    private final Consumer<CustomerDetails> onSaved;
    private final Map<String, StringProperty> text = new LinkedHashMap<>();
    private final ObjectProperty<CustomerType> type = new SimpleObjectProperty<>(CustomerType.COMPANY);
    private final ObjectProperty<CustomerStatus> status = new SimpleObjectProperty<>(CustomerStatus.LEAD);
    private final ObservableList<CustomFieldDefinition> definitions = FXCollections.observableArrayList();
    private final Map<String, StringProperty> custom = new LinkedHashMap<>();
    private final ObservableList<Contact> contactList = FXCollections.observableArrayList();
    private final ObservableList<Activity> timeline = FXCollections.observableArrayList();
    private final FieldErrors errors = new FieldErrors();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final EditConflict<CustomerDetails> conflict = new EditConflict<>();
    private final StringProperty newActivity = new SimpleStringProperty("");
    private CustomerDetails original;

    public CustomerRecordViewModel(CustomerService customers, CustomFieldService customFields, ContactService contacts,
                                   ActivityService activities, BackgroundTasks tasks, Consumer<CustomerDetails> onSaved) {
        this.customers = customers;
        this.customFields = customFields;
        this.contacts = contacts;
        this.activities = activities;
        this.tasks = tasks;
        this.onSaved = onSaved;
        for (String field : TEXT_FIELDS) {
            text.put(field, new SimpleStringProperty(""));
        }
    }

    public StringProperty field(String name) {
        return text.get(name);
    }

    public ObjectProperty<CustomerType> typeProperty() {
        return type;
    }

    public ObjectProperty<CustomerStatus> statusProperty() {
        return status;
    }

    public ObservableList<CustomFieldDefinition> definitions() {
        return definitions;
    }

    public StringProperty customField(String key) {
        return custom.computeIfAbsent(key, k -> new SimpleStringProperty(""));
    }

    public ObservableList<Contact> contacts() {
        return contactList;
    }

    public ObservableList<Activity> timeline() {
        return timeline;
    }

    /** The record's change history (from the audit log); empty unless a history service is given. */
    public ObservableList<com.workline.persistence.crm.Change> history() {
        return history;
    }

    /** Numbers are read and written as {@code locale} does (the default: the system's). */
    public CustomerRecordViewModel inLocale(java.util.Locale locale) {
        this.locale = locale;
        return this;
    }

    public CustomerRecordViewModel withHistory(com.workline.persistence.crm.HistoryService service) {
        this.historyService = service;
        return this;
    }

    private void loadHistory(UUID id) {
        if (historyService != null) {
            tasks.run(() -> historyService.customer(id, 50), history::setAll, failure -> { });
        }
    }

    /** Soft-deletes the customer (managers and above; the database refuses others), then {@code onDeleted}. */
    public void delete(Runnable onDeleted) {
        if (isNew()) {
            return;
        }
        UUID id = original.id();
        tasks.run(() -> {
            customers.delete(id);
            return Boolean.TRUE;
        }, done -> onDeleted.run(), failure -> message.set(failure.getLocalizedMessage()));
    }

    public FieldErrors errors() {
        return errors;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** Set when a save met a newer version: the stored customer, to show beside the typed values. */
    public ReadOnlyObjectProperty<CustomerDetails> conflictProperty() {
        return conflict.property();
    }

    public StringProperty newActivityProperty() {
        return newActivity;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return tasks.busyProperty();
    }

    public boolean isNew() {
        return original == null || original.id() == null;
    }

    /** Opens an existing customer ({@code id}) or a blank form ({@code null}). */
    public void open(UUID id) {
        tasks.run(() -> customFields.definitions("customer"), definitions::setAll, failure -> message.set(failure.getLocalizedMessage()));
        if (id == null) {
            original = null;
            title.set(Messages.get("customer.new"));
            return;
        }
        tasks.run(() -> customers.load(id), this::show, failure -> message.set(failure.getLocalizedMessage()));
        tasks.run(() -> contacts.contacts(id), contactList::setAll, failure -> message.set(failure.getLocalizedMessage()));
        tasks.run(() -> activities.timeline(id, 50), timeline::setAll, failure -> message.set(failure.getLocalizedMessage()));
        loadHistory(id);
    }

    private void show(CustomerDetails d) {
        original = d;
        conflict.clear();
        title.set(d.number() + " \u2014 " + d.name());
        set("name", d.name());
        set("industry", d.industry());
        set("website", d.website());
        set("email", d.email());
        set("phone", d.phone());
        set("taxId", d.taxId());
        set("currency", d.currency());
        set("paymentTermsDays", d.paymentTermsDays() == null ? null : d.paymentTermsDays().toString());
        set("creditLimit", d.creditLimit() == null ? null : LocaleNumbers.formatAmount(d.creditLimit(), locale));
        set("tags", String.join(", ", d.tags()));
        set("notes", d.notes());
        type.set(d.type());
        status.set(d.status());
        custom.values().forEach(p -> p.set(""));
        d.customFields().forEach((key, value) -> customField(key).set(value instanceof List<?> list
                ? String.join("; ", list.stream().map(Object::toString).toList()) : String.valueOf(value)));
    }

    private void set(String field, String value) {
        text.get(field).set(value == null ? "" : value);
    }

    public void save() {
        errors.clear();
        message.set("");
        CustomerDetails edited;
        try {
            edited = edited();
        } catch (ValidationException invalid) {
            errors.showOnly(invalid.fieldErrors());
            return;
        }
        boolean creating = isNew();
        tasks.run(() -> creating ? customers.create(edited) : customers.update(edited), saved -> {
            show(saved);
            message.set(Messages.get(creating ? "customer.created" : "customer.saved", saved.number()));
            loadHistory(saved.id());
            onSaved.accept(saved);
        }, failure -> {
            if (failure instanceof ValidationException invalid) {
                errors.showOnly(invalid.fieldErrors());
                message.set(Messages.get("form.fix"));
            } else if (failure instanceof CustomerConflictException clash) {
                conflict.found(clash.current());
                message.set(Messages.get("customer.conflict"));
            } else {
                message.set(failure.getLocalizedMessage());
            }
        });
    }

    /** After a conflict: keep my values but save them over the other version (the user decided). */
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

    private final StringProperty contactFirstName = new SimpleStringProperty("");
    private final StringProperty contactLastName = new SimpleStringProperty("");
    private final StringProperty contactEmail = new SimpleStringProperty("");

    public StringProperty contactFirstNameProperty() {
        return contactFirstName;
    }

    public StringProperty contactLastNameProperty() {
        return contactLastName;
    }

    public StringProperty contactEmailProperty() {
        return contactEmail;
    }

    /** Adds the contact typed into the small contact form (the first one becomes the primary contact). */
    public void addContact() {
        if (isNew()) {
            return;
        }
        UUID id = original.id();
        Contact contact = new Contact(null, id, contactFirstName.get(), contactLastName.get(), null, null,
                contactEmail.get(), null, null, contactList.isEmpty(), false, false, null, 0);
        errors.set("contact.lastName", "");
        errors.set("contact.email", "");
        tasks.run(() -> {
            contacts.save(contact);
            return contacts.contacts(id);
        }, list -> {
            contactList.setAll(list);
            contactFirstName.set("");
            contactLastName.set("");
            contactEmail.set("");
        }, failure -> {
            if (failure instanceof ValidationException invalid) {
                invalid.fieldErrors().forEach((field, text) -> errors.set("contact." + field, text));
            } else {
                message.set(failure.getLocalizedMessage());
            }
        });
    }

    public void logNote(String activityType) {
        if (isNew() || newActivity.get().isBlank()) {
            return;
        }
        UUID id = original.id();
        String subject = newActivity.get();
        tasks.run(() -> {
            activities.log(activityType, subject, null, null, null, id, null, null);
            return activities.timeline(id, 50);
        }, list -> {
            timeline.setAll(list);
            newActivity.set("");
        }, failure -> message.set(failure.getLocalizedMessage()));
    }

    private CustomerDetails edited() {
        ValidationException.Collector errors = new ValidationException.Collector();
        Integer terms = null;
        BigDecimal credit = null;
        try {
            terms = get("paymentTermsDays").isBlank() ? null : Integer.valueOf(get("paymentTermsDays").strip());
        } catch (NumberFormatException e) {
            errors.check(false, "paymentTermsDays", Messages.get("form.wholeNumber"));
        }
        if (!get("creditLimit").isBlank()) {
            credit = LocaleNumbers.parseDecimal(get("creditLimit"), locale); // "12.500,50" in German
            errors.check(credit != null, "creditLimit", Messages.get("form.number"));
        }
        errors.throwIfAny();
        Map<String, Object> values = new LinkedHashMap<>();
        for (CustomFieldDefinition d : definitions) {
            String value = customField(d.key()).get();
            if (!value.isBlank()) {
                values.put(d.key(), switch (d.type()) {
                    case MULTISELECT -> Arrays.stream(value.split("\\s*;\\s*")).filter(s -> !s.isBlank()).toList();
                    default -> value.strip();
                });
            }
        }
        List<String> tags = Arrays.stream(get("tags").split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return new CustomerDetails(isNew() ? null : original.id(), isNew() ? null : original.number(), get("name"),
                type.get(), status.get(), get("industry"), get("website"), get("email"), get("phone"), get("taxId"),
                get("currency").isBlank() ? null : get("currency").strip().toUpperCase(), terms, credit,
                isNew() ? null : original.ownerId(), tags, isNew() ? null : original.rating(), get("notes"), values,
                isNew() ? 0 : original.version());
    }

    private String get(String field) {
        return text.get(field).get();
    }
}
