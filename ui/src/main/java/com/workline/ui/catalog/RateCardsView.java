package com.workline.ui.catalog;

import com.workline.persistence.catalog.RateCard;
import com.workline.persistence.catalog.RateCardItem;
import com.workline.persistence.catalog.ServiceCategory;
import com.workline.persistence.session.Role;
import com.workline.ui.common.Forms;
import com.workline.ui.common.Messages;
import com.workline.ui.workbench.Screen;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static com.workline.ui.catalog.TaxRatesUnitsView.button;
import static com.workline.ui.catalog.TaxRatesUnitsView.column;
import static com.workline.ui.catalog.TaxRatesUnitsView.subtitle;
import static com.workline.ui.catalog.TaxRatesUnitsView.text;

/** Administration › Rate cards: cards and service categories on the left, the chosen card's rates on the right. */
public final class RateCardsView {
    private RateCardsView() {
    }

    public static Screen create(RateCardsViewModel vm, Locale locale) {
        boolean editable = vm.canEdit();
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);

        ListView<RateCard> cards = new ListView<>(vm.cards());
        cards.setId("rate-card-list");
        cards.setPrefHeight(180);
        cards.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(RateCard card, boolean empty) {
                super.updateItem(card, empty);
                setText(empty || card == null ? null
                        : card.isDefault() ? Messages.get("catalog.rateCard.default", card.name()) : card.name());
            }
        });
        cards.getSelectionModel().selectedItemProperty().addListener((o, old, card) -> {
            if (card != null && (vm.selectedCardProperty().get() == null || !card.id().equals(vm.selectedCardProperty().get().id()))) {
                vm.selectedCardProperty().set(card);
            }
        });
        vm.selectedCardProperty().addListener((o, old, card) -> {
            if (card != null && cards.getSelectionModel().getSelectedItem() != card) {
                cards.getSelectionModel().select(card);
            }
        });
        GridPane cardForm = Forms.grid();
        Forms.row(cardForm, 0, Messages.get("catalog.rateCard.name"), text("rate-card-name", vm.cardNameProperty(), editable),
                vm.errors().of("card.name"));
        HBox cardActions = new HBox(10);
        if (editable) {
            cardActions.getChildren().addAll(button("rate-card-create", "catalog.rateCard.create", vm::createCard),
                    button("rate-card-rename", "catalog.rateCard.rename", vm::renameCard),
                    button("rate-card-default", "catalog.taxRate.makeDefault", vm::makeDefault));
        }

        ListView<ServiceCategory> categories = new ListView<>(vm.categories());
        categories.setId("service-category-list");
        categories.setPrefHeight(150);
        categories.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(ServiceCategory category, boolean empty) {
                super.updateItem(category, empty);
                setText(empty || category == null ? null : category.name());
            }
        });
        GridPane categoryForm = Forms.grid();
        Forms.row(categoryForm, 0, Messages.get("catalog.serviceCategory.name"),
                text("service-category-name", vm.categoryNameProperty(), editable), vm.errors().of("category.name"));
        HBox categoryActions = new HBox(10);
        if (editable) {
            categoryActions.getChildren().add(button("service-category-add", "catalog.serviceCategory.add", vm::addServiceCategory));
        }

        TableView<RateCardItem> items = new TableView<>(vm.items());
        items.setId("rate-item-table");
        items.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        items.setPrefHeight(240);
        items.setPlaceholder(new Label(Messages.get("catalog.none")));
        items.getColumns().add(column(Messages.get("catalog.rateItem.category"), i -> vm.categoryName(i.serviceCategoryId()), 150));
        items.getColumns().add(column(Messages.get("catalog.rateItem.person"), vm::whoFor, 130));
        items.getColumns().add(column(Messages.get("catalog.rateItem.validFrom"), i -> dates.format(i.validFrom()), 110));
        items.getColumns().add(column(Messages.get("catalog.rateItem.validUntil"),
                i -> i.validUntil() == null ? "" : dates.format(i.validUntil()), 110));
        TableColumn<RateCardItem, String> billing = column(Messages.get("catalog.rateItem.billingRate"),
                i -> vm.amount(i.billingRate()), 100);
        billing.setStyle("-fx-alignment: CENTER-RIGHT;");
        items.getColumns().add(billing);
        if (vm.showsCost()) {
            TableColumn<RateCardItem, String> cost = column(Messages.get("catalog.rateItem.costRate"), i -> vm.amount(i.costRate()), 100);
            cost.setStyle("-fx-alignment: CENTER-RIGHT;");
            items.getColumns().add(cost);
        }
        // Names of categories and people may arrive after the rates.
        vm.categories().addListener((javafx.collections.ListChangeListener<ServiceCategory>) c -> items.refresh());
        vm.people().addListener((javafx.collections.ListChangeListener<RateCardsViewModel.PersonChoice>) c -> items.refresh());
        items.getSelectionModel().selectedItemProperty().addListener((o, old, item) -> {
            if (item != null) {
                vm.selectedItemProperty().set(item);
            }
        });

        GridPane itemForm = Forms.grid();
        int row = 0;
        ComboBox<ServiceCategory> category = new ComboBox<>(vm.categories());
        category.setId("rate-item-category");
        category.setPrefWidth(260);
        category.setConverter(Forms.converter(c -> c == null ? "" : c.name()));
        category.valueProperty().bindBidirectional(vm.itemCategoryProperty());
        category.setDisable(!editable);
        Forms.row(itemForm, row++, Messages.get("catalog.rateItem.category"), category, vm.errors().of("item.serviceCategoryId"));
        ObservableList<Role> roleChoices = FXCollections.observableArrayList();
        roleChoices.add(null);
        roleChoices.addAll(vm.roles());
        ComboBox<Role> role = new ComboBox<>(roleChoices);
        role.setId("rate-item-role");
        role.setPrefWidth(260);
        role.setConverter(Forms.converter(RateCardsViewModel::roleName));
        role.valueProperty().bindBidirectional(vm.itemRoleProperty());
        role.setDisable(!editable);
        Forms.row(itemForm, row++, Messages.get("catalog.rateItem.role"), role, vm.errors().of("item.role"));
        ObservableList<RateCardsViewModel.PersonChoice> personChoices = FXCollections.observableArrayList();
        Runnable fillPeople = () -> {
            List<RateCardsViewModel.PersonChoice> all = new ArrayList<>();
            all.add(null);
            all.addAll(vm.people());
            personChoices.setAll(all);
        };
        fillPeople.run();
        vm.people().addListener((javafx.collections.ListChangeListener<RateCardsViewModel.PersonChoice>) c -> fillPeople.run());
        ComboBox<RateCardsViewModel.PersonChoice> person = new ComboBox<>(personChoices);
        person.setId("rate-item-person");
        person.setPrefWidth(260);
        person.setConverter(Forms.converter(p -> p == null ? Messages.get("catalog.rateItem.everyone") : p.name()));
        person.valueProperty().bindBidirectional(vm.itemPersonProperty());
        person.setDisable(!editable);
        Forms.row(itemForm, row++, Messages.get("catalog.rateItem.person"), person, vm.errors().of("item.userId"));
        DatePicker from = new DatePicker();
        from.setId("rate-item-valid-from");
        from.valueProperty().bindBidirectional(vm.validFromProperty());
        from.setDisable(!editable);
        Forms.row(itemForm, row++, Messages.get("catalog.rateItem.validFrom"), from, vm.errors().of("item.validFrom"));
        DatePicker until = new DatePicker();
        until.setId("rate-item-valid-until");
        until.valueProperty().bindBidirectional(vm.validUntilProperty());
        until.setDisable(!editable);
        Forms.row(itemForm, row++, Messages.get("catalog.rateItem.validUntil"), until, vm.errors().of("item.validUntil"));
        Forms.row(itemForm, row++, Messages.get("catalog.rateItem.billingRate"),
                text("rate-item-billing", vm.billingRateProperty(), editable), vm.errors().of("item.billingRate"));
        if (vm.showsCost()) {
            Forms.row(itemForm, row, Messages.get("catalog.rateItem.costRate"),
                    text("rate-item-cost", vm.costRateProperty(), editable), vm.errors().of("item.costRate"));
        }
        HBox itemActions = new HBox(10);
        if (editable) {
            itemActions.getChildren().addAll(button("rate-item-new", "catalog.new", () -> {
                items.getSelectionModel().clearSelection();
                vm.newItem();
            }), button("rate-item-save", "form.save", vm::saveItem));
        }

        Label message = new Label();
        message.setId("rate-cards-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());

        VBox left = new VBox(8, subtitle("catalog.rateCards.title"), cards, cardForm, cardActions,
                subtitle("catalog.serviceCategories.title"), categories, categoryForm, categoryActions);
        left.setPrefWidth(380);
        VBox right = new VBox(8, subtitle("catalog.rateItems.title"), items, itemForm, itemActions);
        HBox.setHgrow(right, Priority.ALWAYS);
        HBox body = new HBox(28, left, right);
        VBox page = new VBox(14, Forms.title(Messages.get("nav.rateCards")), message, body);
        page.setPadding(new Insets(20, 28, 28, 28));
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.setId("rate-cards");
        Screen screen = Screen.of(scroll);
        if (editable) {
            screen.shortcut(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), vm::saveItem);
        }
        return screen;
    }
}
