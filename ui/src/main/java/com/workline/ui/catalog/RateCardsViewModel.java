package com.workline.ui.catalog;

import com.workline.persistence.admin.Administration;
import com.workline.persistence.catalog.Catalog;
import com.workline.persistence.catalog.RateCard;
import com.workline.persistence.catalog.RateCardItem;
import com.workline.persistence.catalog.ServiceCategory;
import com.workline.persistence.common.ConcurrentEditException;
import com.workline.persistence.common.ValidationException;
import com.workline.persistence.common.WorklineException;
import com.workline.persistence.session.Role;
import com.workline.persistence.session.TenantSession;
import com.workline.ui.common.FieldErrors;
import com.workline.ui.common.LocaleNumbers;
import com.workline.ui.common.Messages;
import com.workline.ui.task.BackgroundTasks;
import com.workline.ui.workbench.Permissions;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Administration › Rate cards: the cards (add, rename, make default), the service categories they price, and the
 * chosen card's rates: service category, everyone or a role or a person, valid from/until, billing rate and, for
 * managers and above, the cost rate. Rates are read as the user's locale writes them. Field errors are keyed
 * {@code card.<field>}, {@code category.<field>} and {@code item.<field>}.
 */
public final class RateCardsViewModel {
    /** A person a rate can be for. */
    public record PersonChoice(UUID id, String name) {
    }

    private final TenantSession session;
    private final Catalog catalog;
    private final Permissions permissions;
    private final BackgroundTasks tasks;
    private final Locale locale;
    private final ObservableList<RateCard> cards = FXCollections.observableArrayList();
    private final ObservableList<ServiceCategory> categories = FXCollections.observableArrayList();
    private final ObservableList<PersonChoice> people = FXCollections.observableArrayList();
    private final ObservableList<RateCardItem> items = FXCollections.observableArrayList();
    private final ObjectProperty<RateCard> selectedCard = new SimpleObjectProperty<>();
    private final StringProperty cardName = new SimpleStringProperty("");
    private final StringProperty categoryName = new SimpleStringProperty("");
    private final ObjectProperty<RateCardItem> selectedItem = new SimpleObjectProperty<>();
    private final ObjectProperty<ServiceCategory> itemCategory = new SimpleObjectProperty<>();
    private final ObjectProperty<Role> itemRole = new SimpleObjectProperty<>();
    private final ObjectProperty<PersonChoice> itemPerson = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> validFrom = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> validUntil = new SimpleObjectProperty<>();
    private final StringProperty billingRate = new SimpleStringProperty("");
    private final StringProperty costRate = new SimpleStringProperty("");
    private final FieldErrors errors = new FieldErrors();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public RateCardsViewModel(TenantSession session, Permissions permissions, BackgroundTasks tasks, Locale locale) {
        this.session = session;
        this.catalog = Catalog.of(session);
        this.permissions = permissions;
        this.tasks = tasks;
        this.locale = locale;
        selectedCard.addListener((o, old, card) -> {
            cardName.set(card == null ? "" : card.name());
            newItem();
            loadItems();
        });
        selectedItem.addListener((o, old, item) -> showItem(item));
    }

    /** Whether the person may change rate cards (managers and above; the database checks it again). */
    public boolean canEdit() {
        return permissions.mayManage();
    }

    /** Whether cost rates are shown and editable (managers and above; the database hides them from others). */
    public boolean showsCost() {
        return permissions.mayManage();
    }

    public void load() {
        tasks.run(() -> catalog.rateCards().cards(), list -> {
            RateCard chosen = selectedCard.get();
            cards.setAll(list);
            selectedCard.set(chosen == null ? list.stream().findFirst().orElse(null)
                    : list.stream().filter(c -> c.id().equals(chosen.id())).findFirst().orElse(null));
        }, failure -> message.set(failure.getLocalizedMessage()));
        tasks.run(() -> catalog.serviceCategories().list(), categories::setAll, failure -> message.set(failure.getLocalizedMessage()));
        // People to price individually; whoever may not list them still prices by role or for everyone.
        tasks.run(() -> Administration.of(session).people().list(), members -> people.setAll(members.stream()
                .filter(m -> m.active())
                .map(m -> new PersonChoice(m.userId(), m.displayName() != null && !m.displayName().isBlank() ? m.displayName()
                        : m.firstName() + " " + m.lastName())).toList()), failure -> { });
    }

    private void loadItems() {
        RateCard card = selectedCard.get();
        if (card == null) {
            items.clear();
            return;
        }
        tasks.run(() -> catalog.rateCards().items(card.id()), items::setAll, failure -> message.set(failure.getLocalizedMessage()));
    }

    public ObservableList<RateCard> cards() {
        return cards;
    }

    public ObservableList<ServiceCategory> categories() {
        return categories;
    }

    public ObservableList<PersonChoice> people() {
        return people;
    }

    public ObservableList<RateCardItem> items() {
        return items;
    }

    /** Everyone (null) or one of the roles. */
    public List<Role> roles() {
        return List.of(Role.values());
    }

    public ObjectProperty<RateCard> selectedCardProperty() {
        return selectedCard;
    }

    public StringProperty cardNameProperty() {
        return cardName;
    }

    public StringProperty categoryNameProperty() {
        return categoryName;
    }

    public ObjectProperty<RateCardItem> selectedItemProperty() {
        return selectedItem;
    }

    public ObjectProperty<ServiceCategory> itemCategoryProperty() {
        return itemCategory;
    }

    public ObjectProperty<Role> itemRoleProperty() {
        return itemRole;
    }

    public ObjectProperty<PersonChoice> itemPersonProperty() {
        return itemPerson;
    }

    public ObjectProperty<LocalDate> validFromProperty() {
        return validFrom;
    }

    public ObjectProperty<LocalDate> validUntilProperty() {
        return validUntil;
    }

    public StringProperty billingRateProperty() {
        return billingRate;
    }

    public StringProperty costRateProperty() {
        return costRate;
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

    /** A rate as the user's locale writes it. */
    public String amount(BigDecimal value) {
        return value == null ? "" : LocaleNumbers.formatAmount(value, locale);
    }

    public String categoryName(UUID id) {
        return categories.stream().filter(c -> c.id().equals(id)).map(ServiceCategory::name).findFirst().orElse("");
    }

    /** Everyone, the role or the person a rate is for. */
    public String whoFor(RateCardItem item) {
        if (item.userId() != null) {
            return people.stream().filter(p -> p.id().equals(item.userId())).map(PersonChoice::name).findFirst()
                    .orElse(Messages.get("catalog.rateItem.person"));
        }
        return item.role() == null ? Messages.get("catalog.rateItem.everyone") : roleName(item.role());
    }

    public static String roleName(Role role) {
        return role == null ? Messages.get("catalog.rateItem.everyone") : Messages.get("role." + role.name().toLowerCase(Locale.ROOT));
    }

    // ----- cards and categories ------------------------------------------------------------------------

    /** Adds a card named as typed. */
    public void createCard() {
        if (!writable()) {
            return;
        }
        errors.set("card.name", "");
        String name = cardName.get();
        tasks.run(() -> catalog.rateCards().createCard(RateCard.newCard(name)), saved -> {
            message.set(Messages.get("catalog.rateCard.saved", saved.name()));
            selectedCard.set(saved);
            load();
        }, failure -> failed(failure, "card.", this::load));
    }

    /** Renames the chosen card as typed. */
    public void renameCard() {
        RateCard card = selectedCard.get();
        if (card == null || !writable()) {
            return;
        }
        errors.set("card.name", "");
        String name = cardName.get();
        tasks.run(() -> catalog.rateCards().renameCard(card.id(), name, card.version()), saved -> {
            message.set(Messages.get("catalog.rateCard.saved", saved.name()));
            load();
        }, failure -> failed(failure, "card.", () -> {
            load();
            cardName.set(name);
        }));
    }

    /** Makes the chosen card the organization's default. */
    public void makeDefault() {
        RateCard card = selectedCard.get();
        if (card == null || !writable()) {
            return;
        }
        tasks.run(() -> catalog.rateCards().setDefault(card.id()), saved -> {
            message.set(Messages.get("catalog.rateCard.saved", saved.name()));
            load();
        }, failure -> failed(failure, "card.", this::load));
    }

    /** Adds a service category named as typed. */
    public void addServiceCategory() {
        if (!writable()) {
            return;
        }
        errors.set("category.name", "");
        String name = categoryName.get();
        tasks.run(() -> {
            catalog.serviceCategories().create(ServiceCategory.newCategory(name));
            return catalog.serviceCategories().list();
        }, list -> {
            categories.setAll(list);
            categoryName.set("");
        }, failure -> failed(failure, "category.", () -> { }));
    }

    // ----- rates of the chosen card ----------------------------------------------------------------------

    /** Starts a new rate in the form. */
    public void newItem() {
        selectedItem.set(null);
        showItem(null);
    }

    private void showItem(RateCardItem item) {
        itemCategory.set(item == null ? null : categories.stream().filter(c -> c.id().equals(item.serviceCategoryId()))
                .findFirst().orElse(null));
        itemRole.set(item == null ? null : item.role());
        itemPerson.set(item == null || item.userId() == null ? null : people.stream()
                .filter(p -> p.id().equals(item.userId())).findFirst().orElse(new PersonChoice(item.userId(), "")));
        validFrom.set(item == null ? null : item.validFrom());
        validUntil.set(item == null ? null : item.validUntil());
        billingRate.set(item == null ? "" : amount(item.billingRate()));
        costRate.set(item == null || item.costRate() == null ? "" : amount(item.costRate()));
        for (String field : List.of("serviceCategoryId", "userId", "validFrom", "validUntil", "billingRate", "costRate")) {
            errors.set("item." + field, "");
        }
    }

    /** Saves the rate in the form: a new one on the chosen card, or the changes of the chosen rate. */
    public void saveItem() {
        RateCard card = selectedCard.get();
        if (!writable()) {
            return;
        }
        if (card == null) {
            message.set(Messages.get("catalog.rateItem.chooseCard"));
            return;
        }
        for (String field : List.of("serviceCategoryId", "userId", "validFrom", "validUntil", "billingRate", "costRate")) {
            errors.set("item." + field, "");
        }
        BigDecimal billing = LocaleNumbers.parseDecimal(billingRate.get(), locale);
        BigDecimal cost = null;
        boolean valid = true;
        if (billing == null) {
            errors.set("item.billingRate", Messages.get("form.number"));
            valid = false;
        }
        if (showsCost() && costRate.get() != null && !costRate.get().isBlank()) {
            cost = LocaleNumbers.parseDecimal(costRate.get(), locale);
            if (cost == null) {
                errors.set("item.costRate", Messages.get("form.number"));
                valid = false;
            }
        }
        if (!valid) {
            message.set(Messages.get("form.fix"));
            return;
        }
        RateCardItem chosen = selectedItem.get();
        if (chosen != null && cost != null && chosen.costRate() != null && cost.compareTo(chosen.costRate()) == 0) {
            cost = null; // unchanged: not recorded again
        }
        RateCardItem edited = new RateCardItem(chosen == null ? null : chosen.id(), card.id(),
                itemCategory.get() == null ? null : itemCategory.get().id(), itemRole.get(),
                itemPerson.get() == null ? null : itemPerson.get().id(), validFrom.get(), validUntil.get(), billing, cost,
                chosen == null ? 0 : chosen.version());
        tasks.run(() -> {
            RateCardItem saved = chosen == null ? catalog.rateCards().addItem(edited) : catalog.rateCards().updateItem(edited);
            return new Saved(saved, catalog.rateCards().items(card.id()));
        }, saved -> {
            items.setAll(saved.items());
            selectedItem.set(saved.items().stream().filter(i -> i.id().equals(saved.item().id())).findFirst().orElse(null));
            message.set(Messages.get("catalog.rateItem.saved"));
        }, failure -> failed(failure, "item.", () -> tasks.run(() -> catalog.rateCards().items(card.id()), list -> {
            // Their version becomes the base (a second Save overwrites it); what was typed stays in the form.
            var category = itemCategory.get();
            var role = itemRole.get();
            var person = itemPerson.get();
            var from = validFrom.get();
            var until = validUntil.get();
            String billingTyped = billingRate.get();
            String costTyped = costRate.get();
            items.setAll(list);
            selectedItem.set(chosen == null ? null : list.stream().filter(i -> i.id().equals(chosen.id())).findFirst().orElse(null));
            itemCategory.set(category);
            itemRole.set(role);
            itemPerson.set(person);
            validFrom.set(from);
            validUntil.set(until);
            billingRate.set(billingTyped);
            costRate.set(costTyped);
        }, f -> { })));
    }

    private record Saved(RateCardItem item, List<RateCardItem> items) {
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
            invalid.fieldErrors().forEach((field, text) -> errors.set(prefix + field, text));
            message.set(Messages.get("form.fix"));
        } else if (failure instanceof ConcurrentEditException) {
            message.set(Messages.get("catalog.conflict"));
            reloadKeepingTyping.run();
        } else {
            message.set(failure.getLocalizedMessage());
        }
    }
}
