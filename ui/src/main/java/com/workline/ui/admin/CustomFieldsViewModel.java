package com.workline.ui.admin;

import com.workline.persistence.common.ConcurrentEditException;
import com.workline.persistence.common.ValidationException;
import com.workline.persistence.common.WorklineException;
import com.workline.persistence.crm.CustomFieldDefinition;
import com.workline.persistence.crm.CustomFieldService;
import com.workline.persistence.crm.CustomFieldType;
import com.workline.ui.common.FieldErrors;
import com.workline.ui.common.Messages;
import com.workline.ui.task.BackgroundTasks;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Administration › Custom fields: the fields of customers, contacts and deals; define a new one (label, key,
 * type, options, required) or change the label, options and required flag of an existing one.
 */
public final class CustomFieldsViewModel {
    public static final List<String> KINDS = List.of("customer", "contact", "deal");

    private final CustomFieldService service;
    private final BackgroundTasks tasks;
    private final StringProperty kind = new SimpleStringProperty("customer");
    private final ObservableList<CustomFieldDefinition> fields = FXCollections.observableArrayList();
    private final ObjectProperty<CustomFieldDefinition> selected = new SimpleObjectProperty<>();
    private final StringProperty label = new SimpleStringProperty("");
    private final StringProperty key = new SimpleStringProperty("");
    private final ObjectProperty<CustomFieldType> type = new SimpleObjectProperty<>(CustomFieldType.TEXT);
    private final StringProperty options = new SimpleStringProperty("");
    private final BooleanProperty required = new SimpleBooleanProperty();
    private final ReadOnlyBooleanWrapper editing = new ReadOnlyBooleanWrapper(false);
    private final FieldErrors errors = new FieldErrors();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private boolean keyTouched;

    public CustomFieldsViewModel(CustomFieldService service, BackgroundTasks tasks) {
        this.service = service;
        this.tasks = tasks;
        // A new field's key follows its label until the admin types a key of their own.
        label.addListener((o, old, now) -> {
            if (!editing.get() && !keyTouched) {
                key.set(suggestKey(now));
            }
        });
    }

    public StringProperty kindProperty() {
        return kind;
    }

    public ObservableList<CustomFieldDefinition> fields() {
        return fields;
    }

    public ObjectProperty<CustomFieldDefinition> selectedProperty() {
        return selected;
    }

    public StringProperty labelProperty() {
        return label;
    }

    public StringProperty keyProperty() {
        return key;
    }

    public ObjectProperty<CustomFieldType> typeProperty() {
        return type;
    }

    public StringProperty optionsProperty() {
        return options;
    }

    public BooleanProperty requiredProperty() {
        return required;
    }

    /** True while an existing field is edited (its key and type cannot change). */
    public ReadOnlyBooleanProperty editingProperty() {
        return editing.getReadOnlyProperty();
    }

    public FieldErrors errors() {
        return errors;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return tasks.busyProperty();
    }

    /** The admin typed a key: stop deriving it from the label. */
    public void keyEdited() {
        keyTouched = true;
    }

    public void load() {
        String chosen = kind.get();
        tasks.run(() -> service.definitions(chosen), list -> {
            if (chosen.equals(kind.get())) {
                fields.setAll(list);
            }
        }, failure -> message.set(failure.getLocalizedMessage()));
    }

    /** Empties the form for a new field. */
    public void startNew() {
        selected.set(null);
        editing.set(false);
        keyTouched = false;
        label.set("");
        key.set("");
        type.set(CustomFieldType.TEXT);
        options.set("");
        required.set(false);
        errors.clear();
    }

    /** Shows a field in the form for editing. */
    public void edit(CustomFieldDefinition field) {
        if (field == null) {
            startNew();
            return;
        }
        selected.set(field);
        editing.set(true);
        label.set(field.label());
        key.set(field.key());
        type.set(field.type());
        options.set(String.join(", ", field.options()));
        required.set(field.required());
        errors.clear();
    }

    public void save() {
        errors.clear();
        List<String> optionList = Arrays.stream(options.get().split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .distinct().toList();
        CustomFieldDefinition current = selected.get();
        String chosenKind = kind.get();
        tasks.run(() -> {
            if (current == null) {
                service.define(chosenKind, key.get().strip(), label.get(), type.get(), optionList, required.get());
            } else {
                service.update(current.id(), current.version(), label.get(), optionList, required.get());
            }
            return null;
        }, done -> {
            message.set(Messages.get("customFields.saved", label.get().strip()));
            startNew();
            load();
        }, this::failed);
    }

    public void remove() {
        CustomFieldDefinition current = selected.get();
        if (current == null) {
            return;
        }
        tasks.run(() -> {
            service.remove(current.id(), current.version());
            return null;
        }, done -> {
            message.set(Messages.get("customFields.removed", current.label()));
            startNew();
            load();
        }, this::failed);
    }

    private void failed(WorklineException failure) {
        if (failure instanceof ConcurrentEditException) {
            conflicted();
        } else if (failure instanceof ValidationException invalid) {
            errors.showOnly(invalid.fieldErrors());
            message.set("");
        } else {
            message.set(failure.getLocalizedMessage());
        }
    }

    /**
     * Someone changed or removed the field since it was shown: nothing was saved. The typed values stay; the list
     * and the field's version are reloaded, so a second Save deliberately replaces their version.
     */
    private void conflicted() {
        CustomFieldDefinition stale = selected.get();
        String chosen = kind.get();
        message.set(Messages.get("customFields.conflict"));
        tasks.run(() -> service.definitions(chosen), list -> {
            fields.setAll(list);
            CustomFieldDefinition fresh = stale == null ? null
                    : list.stream().filter(d -> d.id().equals(stale.id())).findFirst().orElse(null);
            if (fresh == null) {
                startNew();
            } else {
                selected.set(fresh);
            }
        }, failure -> message.set(failure.getLocalizedMessage()));
    }

    /** "Delivery zone" → "delivery_zone": lower-case ASCII letters, digits and _, starting with a letter. */
    static String suggestKey(String text) {
        if (text == null) {
            return "";
        }
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^[_0-9]+|_+$", "");
        return ascii.length() > 40 ? ascii.substring(0, 40) : ascii;
    }
}
