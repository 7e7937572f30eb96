package com.workline.ui.catalog;

import com.workline.persistence.catalog.Catalog;
import com.workline.persistence.catalog.TaxRate;
import com.workline.persistence.catalog.Unit;
import com.workline.persistence.common.ConcurrentEditException;
import com.workline.persistence.common.Problem;
import com.workline.persistence.common.ValidationException;
import com.workline.persistence.common.WorklineException;
import com.workline.ui.common.FieldErrors;
import com.workline.ui.common.LocaleNumbers;
import com.workline.ui.common.Messages;
import com.workline.ui.task.BackgroundTasks;
import com.workline.ui.workbench.Permissions;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
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
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Administration › Tax rates &amp; units: the two lists, each with a small form for the chosen (or a new) entry.
 * Percentages are read as the user's locale writes them ("19,5"). Field errors are keyed {@code taxRate.<field>} and
 * {@code unit.<field>}. A conflicting save keeps the typed values and reloads the lists.
 */
public final class TaxRatesUnitsViewModel {
    private final Catalog catalog;
    private final Permissions permissions;
    private final BackgroundTasks tasks;
    private final Locale locale;
    private final ObservableList<TaxRate> taxRates = FXCollections.observableArrayList();
    private final ObservableList<Unit> units = FXCollections.observableArrayList();
    private final ObjectProperty<TaxRate> selectedRate = new SimpleObjectProperty<>();
    private final StringProperty rateName = new SimpleStringProperty("");
    private final StringProperty ratePercent = new SimpleStringProperty("");
    private final BooleanProperty rateActive = new SimpleBooleanProperty(true);
    private final ObjectProperty<Unit> selectedUnit = new SimpleObjectProperty<>();
    private final StringProperty unitCode = new SimpleStringProperty("");
    private final StringProperty unitName = new SimpleStringProperty("");
    private final BooleanProperty unitActive = new SimpleBooleanProperty(true);
    private final FieldErrors errors = new FieldErrors();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public TaxRatesUnitsViewModel(Catalog catalog, Permissions permissions, BackgroundTasks tasks, Locale locale) {
        this.catalog = catalog;
        this.permissions = permissions;
        this.tasks = tasks;
        this.locale = locale;
        selectedRate.addListener((o, old, rate) -> showRate(rate));
        selectedUnit.addListener((o, old, unit) -> showUnit(unit));
    }

    /** Whether the person may change tax rates and units (managers and above; the database checks it again). */
    public boolean canEdit() {
        return permissions.mayManage();
    }

    public void load() {
        tasks.run(() -> catalog.taxRates().list(), taxRates::setAll, failure -> message.set(failure.getLocalizedMessage()));
        tasks.run(() -> catalog.units().list(), units::setAll, failure -> message.set(failure.getLocalizedMessage()));
    }

    public ObservableList<TaxRate> taxRates() {
        return taxRates;
    }

    public ObservableList<Unit> units() {
        return units;
    }

    public ObjectProperty<TaxRate> selectedRateProperty() {
        return selectedRate;
    }

    public StringProperty rateNameProperty() {
        return rateName;
    }

    public StringProperty ratePercentProperty() {
        return ratePercent;
    }

    public BooleanProperty rateActiveProperty() {
        return rateActive;
    }

    public ObjectProperty<Unit> selectedUnitProperty() {
        return selectedUnit;
    }

    public StringProperty unitCodeProperty() {
        return unitCode;
    }

    public StringProperty unitNameProperty() {
        return unitName;
    }

    public BooleanProperty unitActiveProperty() {
        return unitActive;
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

    /** A percentage as the user's locale writes it ("19,5"). */
    public String percent(BigDecimal value) {
        return value == null ? "" : LocaleNumbers.formatPercent(value, locale, 4);
    }

    private void showRate(TaxRate rate) {
        rateName.set(rate == null ? "" : rate.name());
        ratePercent.set(rate == null ? "" : percent(rate.percent()));
        rateActive.set(rate == null || rate.active());
        clearErrors("taxRate.");
    }

    private void showUnit(Unit unit) {
        unitCode.set(unit == null ? "" : unit.code());
        unitName.set(unit == null ? "" : unit.name());
        unitActive.set(unit == null || unit.active());
        clearErrors("unit.");
    }

    private void clearErrors(String prefix) {
        for (String field : List.of("name", "percent", "code", "active")) {
            errors.set(prefix + field, "");
        }
    }

    /** Starts a new tax rate in the form. */
    public void newRate() {
        selectedRate.set(null);
        showRate(null);
    }

    /** Starts a new unit in the form. */
    public void newUnit() {
        selectedUnit.set(null);
        showUnit(null);
    }

    /** Saves the tax rate in the form: a new one, or the changes of the chosen one. */
    public void saveRate() {
        if (!writable()) {
            return;
        }
        clearErrors("taxRate.");
        BigDecimal percent = LocaleNumbers.parsePercent(ratePercent.get(), locale); // "19,5" or "19,5 %" in German
        if (percent == null) {
            errors.set("taxRate.percent", Messages.get("form.number"));
            message.set(Messages.get("form.fix"));
            return;
        }
        TaxRate chosen = selectedRate.get();
        TaxRate edited = chosen == null ? new TaxRate(null, rateName.get(), percent, false, rateActive.get(), 0)
                : new TaxRate(chosen.id(), rateName.get(), percent, chosen.isDefault(), rateActive.get(), chosen.version());
        tasks.run(() -> {
            TaxRate saved = chosen == null ? catalog.taxRates().create(edited) : catalog.taxRates().update(edited);
            return new Saved<>(saved, catalog.taxRates().list());
        }, saved -> {
            taxRates.setAll(saved.list());
            selectedRate.set(find(saved.list(), saved.entry().id(), TaxRate::id));
            message.set(Messages.get("catalog.taxRate.saved", saved.entry().name()));
        }, failure -> failed(failure, "taxRate.", () -> tasks.run(() -> catalog.taxRates().list(), list -> {
            String name = rateName.get();
            String typed = ratePercent.get();
            boolean active = rateActive.get();
            taxRates.setAll(list);
            selectedRate.set(chosen == null ? null : find(list, chosen.id(), TaxRate::id));
            rateName.set(name);
            ratePercent.set(typed);
            rateActive.set(active);
        }, f -> { })));
    }

    /** Makes the chosen rate the organization's default. */
    public void makeDefault() {
        TaxRate chosen = selectedRate.get();
        if (chosen == null || !writable()) {
            return;
        }
        tasks.run(() -> {
            TaxRate saved = catalog.taxRates().setDefault(chosen.id());
            return new Saved<>(saved, catalog.taxRates().list());
        }, saved -> {
            taxRates.setAll(saved.list());
            selectedRate.set(find(saved.list(), saved.entry().id(), TaxRate::id));
            message.set(Messages.get("catalog.taxRate.saved", saved.entry().name()));
        }, failure -> message.set(failure.getLocalizedMessage()));
    }

    /** Saves the unit in the form: a new one, or the changes of the chosen one. */
    public void saveUnit() {
        if (!writable()) {
            return;
        }
        clearErrors("unit.");
        Unit chosen = selectedUnit.get();
        Unit edited = chosen == null ? new Unit(null, unitCode.get(), unitName.get(), unitActive.get(), 0)
                : new Unit(chosen.id(), unitCode.get(), unitName.get(), unitActive.get(), chosen.version());
        tasks.run(() -> {
            Unit saved = chosen == null ? catalog.units().create(edited) : catalog.units().update(edited);
            return new Saved<>(saved, catalog.units().list());
        }, saved -> {
            units.setAll(saved.list());
            selectedUnit.set(find(saved.list(), saved.entry().id(), Unit::id));
            message.set(Messages.get("catalog.unit.saved", saved.entry().code()));
        }, failure -> failed(failure, "unit.", () -> tasks.run(() -> catalog.units().list(), list -> {
            String code = unitCode.get();
            String name = unitName.get();
            boolean active = unitActive.get();
            units.setAll(list);
            selectedUnit.set(chosen == null ? null : find(list, chosen.id(), Unit::id));
            unitCode.set(code);
            unitName.set(name);
            unitActive.set(active);
        }, f -> { })));
    }

    private boolean writable() {
        if (!canEdit()) {
            message.set(Messages.get("product.readOnly"));
            return false;
        }
        message.set("");
        return true;
    }

    private void failed(WorklineException failure, String prefix, Runnable reloadKeepingTyping) {
        if (failure instanceof ValidationException invalid) {
            Map<String, String> prefixed = invalid.fieldErrors().entrySet().stream()
                    .collect(Collectors.toMap(e -> prefix + e.getKey(), Map.Entry::getValue));
            prefixed.forEach(errors::set);
            message.set(Messages.get("form.fix"));
        } else if (failure instanceof ConcurrentEditException) {
            message.set(Messages.get("catalog.conflict"));
            reloadKeepingTyping.run();
        } else if (failure.problem() == Problem.ALREADY_EXISTS && prefix.equals("unit.")) {
            errors.set("unit.code", Messages.get("catalog.unit.codeTaken"));
            message.set(Messages.get("form.fix"));
        } else {
            message.set(failure.getLocalizedMessage());
        }
    }

    private static <T> T find(List<T> list, java.util.UUID id, java.util.function.Function<T, java.util.UUID> idOf) {
        return list.stream().filter(t -> idOf.apply(t).equals(id)).findFirst().orElse(null);
    }

    /** A saved entry and the list as it is now. */
    private record Saved<T>(T entry, List<T> list) {
    }
}
