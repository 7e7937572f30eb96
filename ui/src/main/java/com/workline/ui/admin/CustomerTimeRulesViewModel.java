package com.workline.ui.admin;

import com.workline.persistence.projects.RoundingDirection;
import com.workline.persistence.projects.RoundingRule;
import com.workline.persistence.projects.TimeSettingsService;
import com.workline.ui.common.Messages;
import com.workline.ui.task.BackgroundTasks;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.UUID;

/**
 * The "Time rules" tab of a customer: how the customer's billable time is rounded, its own rule or the organization's.
 * Managers and above change it (the database refuses others); everyone sees which rule applies. A project's own rule
 * still comes first.
 */
public final class CustomerTimeRulesViewModel {
    private final TimeSettingsService service;
    private final UUID customerId;
    private final boolean mayChange;
    private final BackgroundTasks tasks;
    private final BooleanProperty ownRule = new SimpleBooleanProperty(false);
    private final ObjectProperty<Integer> unit = new SimpleObjectProperty<>(15);
    private final ObjectProperty<RoundingDirection> direction = new SimpleObjectProperty<>(RoundingDirection.UP);
    private final ReadOnlyStringWrapper organizationRule = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final BooleanProperty loaded = new SimpleBooleanProperty(false);

    public CustomerTimeRulesViewModel(TimeSettingsService service, UUID customerId, boolean mayChange, BackgroundTasks tasks) {
        this.service = service;
        this.customerId = customerId;
        this.mayChange = mayChange;
        this.tasks = tasks;
    }

    /** True: the customer's own rule below; false: the organization's. */
    public BooleanProperty ownRuleProperty() {
        return ownRule;
    }

    public ObjectProperty<Integer> unitProperty() {
        return unit;
    }

    public ObjectProperty<RoundingDirection> directionProperty() {
        return direction;
    }

    /** "The organization's rule: 15 minutes, up". */
    public ReadOnlyStringProperty organizationRuleProperty() {
        return organizationRule.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return tasks.busyProperty();
    }

    public BooleanProperty loadedProperty() {
        return loaded;
    }

    public boolean mayChange() {
        return mayChange;
    }

    public void load() {
        tasks.run(() -> new RoundingRule[] {service.customerRounding(customerId), service.load().rounding()}, rules -> {
            organizationRule.set(Messages.get("timeRules.organizationRule", describe(rules[1])));
            ownRule.set(rules[0] != null);
            if (rules[0] != null) {
                unit.set(rules[0].unitMinutes());
                direction.set(rules[0].direction());
            }
            loaded.set(true);
        }, failure -> message.set(failure.getLocalizedMessage()));
    }

    /** Saves the choice; the typed choice stays if the database refuses it. */
    public void save() {
        if (!loaded.get()) {
            message.set(Messages.get("form.stillLoading"));
            return;
        }
        if (ownRule.get() && (unit.get() == null || direction.get() == null)) {
            message.set(Messages.get("timeSettings.roundingRequired"));
            return;
        }
        RoundingRule rule = ownRule.get() ? new RoundingRule(unit.get(), direction.get()) : null;
        message.set("");
        tasks.run(() -> {
            service.setCustomerRounding(customerId, rule);
            return rule;
        }, saved -> message.set(saved == null ? Messages.get("timeRules.savedOrganizations")
                : Messages.get("timeRules.saved", describe(saved))), failure -> message.set(failure.getLocalizedMessage()));
    }

    /** "15 minutes, up" or "every minute (no rounding)". */
    static String describe(RoundingRule rule) {
        return rule.unitMinutes() == 1 ? TimeSettingsViewModel.unitName(1)
                : TimeSettingsViewModel.unitName(rule.unitMinutes()) + ", "
                + TimeSettingsViewModel.directionName(rule.direction()).toLowerCase(java.util.Locale.ROOT);
    }
}
