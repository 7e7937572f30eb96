package com.workline.ui.catalog;

import com.workline.persistence.catalog.ProductCategory;
import com.workline.persistence.catalog.ProductDetails;
import com.workline.persistence.catalog.ProductType;
import com.workline.persistence.catalog.TaxRate;
import com.workline.persistence.catalog.Unit;
import com.workline.ui.common.Forms;
import com.workline.ui.common.LocaleNumbers;
import com.workline.ui.common.Messages;
import com.workline.ui.workbench.Screen;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.Locale;

/** A product's form: its fields with the error under each, the cost for managers and above, Ctrl+S saves. */
public final class ProductFormView {
    private ProductFormView() {
    }

    public static Screen create(ProductFormViewModel vm, Runnable back, Locale locale) {
        boolean editable = vm.canEdit();
        GridPane fields = Forms.grid();
        int row = 0;
        Forms.row(fields, row++, Messages.get("product.code"), text("product-code", vm.codeProperty(), editable),
                vm.errors().of("code"));
        Forms.row(fields, row++, Messages.get("product.name"), text("product-name", vm.nameProperty(), editable),
                vm.errors().of("name"));
        TextArea description = new TextArea();
        description.setId("product-description");
        description.setPrefRowCount(3);
        description.setWrapText(true);
        description.setEditable(editable);
        description.textProperty().bindBidirectional(vm.descriptionProperty());
        Forms.row(fields, row++, Messages.get("product.description"), description, vm.errors().of("description"));

        ComboBox<ProductType> type = new ComboBox<>();
        type.setId("product-type");
        type.getItems().setAll(ProductType.values());
        type.setConverter(Forms.converter(t -> t == null ? "" : Messages.get("product.type." + t.name())));
        type.valueProperty().bindBidirectional(vm.typeProperty());
        type.setDisable(!editable);
        Forms.row(fields, row++, Messages.get("product.type"), type, vm.errors().of("type"));

        ComboBox<Unit> unit = choice("product-unit", vm.units(), u -> u.code() + " \u2014 " + u.name(), editable);
        unit.valueProperty().bindBidirectional(vm.unitProperty());
        Forms.row(fields, row++, Messages.get("product.unit"), unit, vm.errors().of("unitId"));

        Forms.row(fields, row++, Messages.get("product.salePrice"), text("product-sale-price", vm.salePriceProperty(), editable),
                vm.errors().of("salePrice"));

        ComboBox<TaxRate> taxRate = choice("product-tax-rate", vm.taxRates(),
                t -> t.name() + " (" + LocaleNumbers.formatPercent(t.percent(), locale, 4) + " %)", editable);
        taxRate.valueProperty().bindBidirectional(vm.taxRateProperty());
        Forms.row(fields, row++, Messages.get("product.taxRate"), taxRate, vm.errors().of("taxRateId"));

        ComboBox<ProductCategory> category = choice("product-category", vm.categories(),
                c -> "\u2003".repeat(c.depth()) + c.name(), editable);
        category.valueProperty().bindBidirectional(vm.categoryProperty());
        Forms.row(fields, row++, Messages.get("product.category"), category, vm.errors().of("categoryId"));

        CheckBox active = new CheckBox(Messages.get("product.active"));
        active.setId("product-active");
        active.selectedProperty().bindBidirectional(vm.activeProperty());
        active.setDisable(!editable);
        Forms.row(fields, row++, "", active, vm.errors().of("active"));

        if (vm.showsCost()) {
            Forms.row(fields, row, Messages.get("product.cost"), text("product-cost", vm.costProperty(), editable),
                    vm.errors().of("cost"));
        }

        Button backButton = new Button(Messages.get("product.back"));
        backButton.setId("product-back");
        backButton.setOnAction(e -> back.run());
        HBox actions = new HBox(10, backButton);
        if (editable) {
            Button save = new Button(Messages.get("form.save"));
            save.setId("product-save");
            save.getStyleClass().add("accent");
            save.disableProperty().bind(vm.busyProperty());
            save.setOnAction(e -> vm.save());
            actions.getChildren().add(save);
        }
        Label message = new Label();
        message.setId("product-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        actions.getChildren().add(message);
        actions.setAlignment(Pos.CENTER_LEFT);

        Label title = new Label();
        title.getStyleClass().add("title-3");
        title.textProperty().bind(vm.titleProperty());
        fields.setMaxWidth(720);
        VBox page = new VBox(14, title, actions, conflictPanel(vm), fields);
        page.setPadding(new Insets(20, 28, 28, 28));
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.setId("product-form");
        Screen screen = Screen.of(scroll);
        if (editable) {
            screen.shortcut(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), vm::save);
        }
        return screen;
    }

    /** Shown after a conflicting save: their values, and the two ways out. */
    private static VBox conflictPanel(ProductFormViewModel vm) {
        Label theirs = new Label();
        theirs.setWrapText(true);
        Button keepMine = new Button(Messages.get("product.conflict.keepMine"));
        keepMine.setId("product-conflict-keep-mine");
        keepMine.setOnAction(e -> vm.overwriteTheirs());
        Button takeTheirs = new Button(Messages.get("product.conflict.takeTheirs"));
        takeTheirs.setId("product-conflict-take-theirs");
        takeTheirs.setOnAction(e -> vm.takeTheirs());
        Label heading = new Label(Messages.get("product.conflict.title"));
        heading.getStyleClass().add("title-4");
        VBox box = new VBox(8, heading, theirs, new HBox(10, keepMine, takeTheirs));
        box.setId("product-conflict");
        box.getStyleClass().add("card-form");
        box.setPadding(new Insets(12));
        box.visibleProperty().bind(vm.conflictProperty().isNotNull());
        box.managedProperty().bind(box.visibleProperty());
        vm.conflictProperty().addListener((o, old, d) -> theirs.setText(d == null ? "" : describe(vm, d)));
        return box;
    }

    private static String describe(ProductFormViewModel vm, ProductDetails d) {
        return Messages.get("product.conflict.theirs", d.code(), d.name(), Messages.get("product.type." + d.type().name()),
                vm.amount(d.salePrice()), Messages.get(d.active() ? "common.yes" : "common.no"));
    }

    private static TextField text(String id, javafx.beans.property.StringProperty value, boolean editable) {
        TextField input = new TextField();
        input.setId(id);
        input.setEditable(editable);
        input.textProperty().bindBidirectional(value);
        return input;
    }

    /** A choice that can be left empty (shown as a dash). */
    private static <T> ComboBox<T> choice(String id, javafx.collections.ObservableList<T> items,
                                          java.util.function.Function<T, String> text, boolean editable) {
        // The first entry (a dash) leaves the choice empty.
        javafx.collections.ObservableList<T> choices = javafx.collections.FXCollections.observableArrayList();
        Runnable fill = () -> {
            java.util.List<T> all = new java.util.ArrayList<>();
            all.add(null);
            all.addAll(items);
            choices.setAll(all);
        };
        fill.run();
        items.addListener((javafx.collections.ListChangeListener<T>) c -> fill.run());
        ComboBox<T> box = new ComboBox<>(choices);
        box.setId(id);
        box.setMaxWidth(Double.MAX_VALUE);
        box.setConverter(Forms.converter(v -> v == null ? Messages.get("product.noChoice") : text.apply(v)));
        box.setDisable(!editable);
        return box;
    }
}
