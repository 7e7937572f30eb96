package com.workline.ui.catalog;

import com.workline.persistence.catalog.Catalog;
import com.workline.persistence.catalog.ProductCategory;
import com.workline.persistence.catalog.ProductConflictException;
import com.workline.persistence.catalog.ProductDetails;
import com.workline.persistence.catalog.ProductType;
import com.workline.persistence.catalog.TaxRate;
import com.workline.persistence.catalog.Unit;
import com.workline.persistence.common.Problem;
import com.workline.persistence.common.ValidationException;
import com.workline.ui.common.FieldErrors;
import com.workline.ui.common.LocaleNumbers;
import com.workline.ui.common.EditConflict;
import com.workline.ui.common.Messages;
import com.workline.ui.task.BackgroundTasks;
import com.workline.ui.workbench.Permissions;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A product's form: code, name, description, kind, unit, sale price, tax rate, category, active, and the cost for
 * managers and above. Prices are read and written as the user's locale does. A save that meets someone else's newer
 * version keeps the typed values and exposes theirs ({@link #conflictProperty()}). People who may not change the
 * catalog see the form read-only (the database refuses their writes anyway).
 */
public final class ProductFormViewModel {
    /** The choices of the form and the product (null: a new one), loaded in one go so that they match. */
    private record Loaded(List<Unit> units, List<TaxRate> taxRates, List<ProductCategory> categories, ProductDetails product) {
    }

    private final Catalog catalog;
    private final BackgroundTasks tasks;
    private final Locale locale;
    private final Permissions permissions;
    private final Consumer<ProductDetails> onSaved;
    private final StringProperty code = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty description = new SimpleStringProperty("");
    private final ObjectProperty<ProductType> type = new SimpleObjectProperty<>(ProductType.SERVICE);
    private final ObjectProperty<Unit> unit = new SimpleObjectProperty<>();
    private final StringProperty salePrice = new SimpleStringProperty("");
    private final ObjectProperty<TaxRate> taxRate = new SimpleObjectProperty<>();
    private final ObjectProperty<ProductCategory> category = new SimpleObjectProperty<>();
    private final BooleanProperty active = new SimpleBooleanProperty(true);
    private final StringProperty cost = new SimpleStringProperty("");
    private final ObservableList<Unit> units = FXCollections.observableArrayList();
    private final ObservableList<TaxRate> taxRates = FXCollections.observableArrayList();
    private final ObservableList<ProductCategory> categories = FXCollections.observableArrayList();
    private final FieldErrors errors = new FieldErrors();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(Messages.get("product.new"));
    private final EditConflict<ProductDetails> conflict = new EditConflict<>();
    private ProductDetails original;

    public ProductFormViewModel(Catalog catalog, Permissions permissions, BackgroundTasks tasks, Locale locale,
                                Consumer<ProductDetails> onSaved) {
        this.catalog = catalog;
        this.permissions = permissions;
        this.tasks = tasks;
        this.locale = locale;
        this.onSaved = onSaved;
    }

    /** Whether the person may change the catalog (managers, admins, owners; the database checks it again). */
    public boolean canEdit() {
        return permissions.mayManage();
    }

    /** Whether the cost is shown and editable (managers and above; the database hides it from others). */
    public boolean showsCost() {
        return permissions.mayManage();
    }

    public StringProperty codeProperty() {
        return code;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    public ObjectProperty<ProductType> typeProperty() {
        return type;
    }

    public ObjectProperty<Unit> unitProperty() {
        return unit;
    }

    public StringProperty salePriceProperty() {
        return salePrice;
    }

    public ObjectProperty<TaxRate> taxRateProperty() {
        return taxRate;
    }

    public ObjectProperty<ProductCategory> categoryProperty() {
        return category;
    }

    public BooleanProperty activeProperty() {
        return active;
    }

    public StringProperty costProperty() {
        return cost;
    }

    public ObservableList<Unit> units() {
        return units;
    }

    public ObservableList<TaxRate> taxRates() {
        return taxRates;
    }

    public ObservableList<ProductCategory> categories() {
        return categories;
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

    /** Set when a save met a newer version: the stored product, to show beside the typed values. */
    public ReadOnlyObjectProperty<ProductDetails> conflictProperty() {
        return conflict.property();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return tasks.busyProperty();
    }

    public boolean isNew() {
        return original == null;
    }

    /** The product being edited as last loaded or saved (null for a new one). */
    public ProductDetails original() {
        return original;
    }

    /** Opens an existing product ({@code id}) or a blank form ({@code null}), with the choices of units, rates, categories. */
    public void open(UUID id) {
        message.set(canEdit() ? "" : Messages.get("product.readOnly"));
        tasks.run(() -> new Loaded(catalog.units().list(), catalog.taxRates().list(), catalog.categories().tree(),
                id == null ? null : catalog.products().load(id)), loaded -> {
            units.setAll(loaded.units());
            taxRates.setAll(loaded.taxRates());
            categories.setAll(loaded.categories());
            if (loaded.product() != null) {
                show(loaded.product());
            } else {
                original = null;
                title.set(Messages.get("product.new"));
                taxRate.set(loaded.taxRates().stream().filter(TaxRate::isDefault).findFirst().orElse(null));
            }
        }, failure -> message.set(failure.getLocalizedMessage()));
    }

    private void show(ProductDetails p) {
        original = p;
        conflict.clear();
        title.set(p.code() + " \u2014 " + p.name());
        code.set(p.code());
        name.set(p.name());
        description.set(p.description() == null ? "" : p.description());
        type.set(p.type());
        unit.set(units.stream().filter(u -> u.id().equals(p.unitId())).findFirst().orElse(null));
        salePrice.set(p.salePrice() == null ? "" : LocaleNumbers.formatAmount(p.salePrice(), locale));
        taxRate.set(taxRates.stream().filter(t -> t.id().equals(p.taxRateId())).findFirst().orElse(null));
        category.set(categories.stream().filter(c -> c.id().equals(p.categoryId())).findFirst().orElse(null));
        active.set(p.active());
        cost.set(p.cost() == null ? "" : LocaleNumbers.formatAmount(p.cost(), locale));
    }

    /** Saves the form (Ctrl+S): creates the product or saves the changes; typed values survive every failure. */
    public void save() {
        errors.clear();
        if (!canEdit()) {
            message.set(Messages.get("product.readOnly"));
            return;
        }
        message.set("");
        ProductDetails edited;
        try {
            edited = edited();
        } catch (ValidationException invalid) {
            errors.showOnly(invalid.fieldErrors());
            message.set(Messages.get("form.fix"));
            return;
        }
        boolean creating = isNew();
        tasks.run(() -> creating ? catalog.products().create(edited) : catalog.products().update(edited), saved -> {
            show(saved);
            message.set(Messages.get(creating ? "product.created" : "product.saved", saved.code()));
            onSaved.accept(saved);
        }, failure -> {
            if (failure instanceof ValidationException invalid) {
                errors.showOnly(invalid.fieldErrors());
                message.set(Messages.get("form.fix"));
            } else if (failure instanceof ProductConflictException clash) {
                conflict.found(clash.current());
                message.set(Messages.get("product.conflict"));
            } else if (failure.problem() == Problem.ALREADY_EXISTS) {
                errors.set("code", Messages.get("product.codeTaken"));
                message.set(Messages.get("form.fix"));
            } else {
                message.set(failure.getLocalizedMessage());
            }
        });
    }

    /** After a conflict: keep my values and save them over the other version (the user decided). */
    public void overwriteTheirs() {
        conflict.keepMine(theirs -> original = theirs, this::save);
    }

    /** After a conflict: reload, taking their version and dropping my typing. */
    public void takeTheirs() {
        conflict.takeTheirs(theirs -> {
            show(theirs);
            message.set("");
        });
    }

    private ProductDetails edited() {
        ValidationException.Collector problems = new ValidationException.Collector();
        BigDecimal price = LocaleNumbers.parseDecimal(salePrice.get(), locale); // "1.234,50" in German
        problems.check(price != null, "salePrice", Messages.get("form.number"));
        BigDecimal costValue = null;
        if (showsCost() && cost.get() != null && !cost.get().isBlank()) {
            costValue = LocaleNumbers.parseDecimal(cost.get(), locale);
            problems.check(costValue != null, "cost", Messages.get("form.number"));
        }
        problems.throwIfAny();
        // A null cost leaves the recorded one alone: unchanged costs are not recorded again.
        if (costValue != null && original != null && original.cost() != null && costValue.compareTo(original.cost()) == 0) {
            costValue = null;
        }
        return new ProductDetails(isNew() ? null : original.id(), code.get(), name.get(), description.get(), type.get(),
                unit.get() == null ? null : unit.get().id(), price, taxRate.get() == null ? null : taxRate.get().id(),
                category.get() == null ? null : category.get().id(), active.get(), costValue,
                isNew() ? 0 : original.version());
    }

    /** A price as the user's locale writes it. */
    public String amount(BigDecimal value) {
        return value == null ? "\u2014" : LocaleNumbers.formatAmount(value, locale);
    }
}
