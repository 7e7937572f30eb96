package com.workline.ui.catalog;

import com.workline.persistence.catalog.TaxRate;
import com.workline.persistence.catalog.Unit;
import com.workline.ui.common.Forms;
import com.workline.ui.common.Messages;
import com.workline.ui.workbench.Screen;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.Locale;
import java.util.function.Function;

/** Administration › Tax rates &amp; units: each list beside a small form for the chosen or a new entry. */
public final class TaxRatesUnitsView {
    private TaxRatesUnitsView() {
    }

    public static Screen create(TaxRatesUnitsViewModel vm, Locale locale) {
        boolean editable = vm.canEdit();

        TableView<TaxRate> rates = new TableView<>(vm.taxRates());
        rates.setId("tax-rate-table");
        rates.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        rates.getColumns().add(column(Messages.get("catalog.taxRate.name"), TaxRate::name, 180));
        rates.getColumns().add(column(Messages.get("catalog.taxRate.percent"), r -> vm.percent(r.percent()) + " %", 90));
        rates.getColumns().add(column(Messages.get("catalog.taxRate.default"), r -> r.isDefault() ? "\u2713" : "", 70));
        rates.getColumns().add(column(Messages.get("catalog.active"),
                r -> Messages.get(r.active() ? "common.yes" : "common.no"), 70));
        rates.setPrefHeight(220);
        rates.setPlaceholder(new Label(Messages.get("catalog.none")));
        rates.getSelectionModel().selectedItemProperty().addListener((o, old, rate) -> {
            if (rate != null) {
                vm.selectedRateProperty().set(rate);
            }
        });
        GridPane rateForm = Forms.grid();
        Forms.row(rateForm, 0, Messages.get("catalog.taxRate.name"), text("tax-rate-name", vm.rateNameProperty(), editable),
                vm.errors().of("taxRate.name"));
        Forms.row(rateForm, 1, Messages.get("catalog.taxRate.percent"),
                text("tax-rate-percent", vm.ratePercentProperty(), editable), vm.errors().of("taxRate.percent"));
        CheckBox rateActive = check("tax-rate-active", vm.rateActiveProperty(), editable);
        Forms.row(rateForm, 2, "", rateActive, vm.errors().of("taxRate.active"));
        HBox rateActions = new HBox(10);
        if (editable) {
            rateActions.getChildren().addAll(button("tax-rate-new", "catalog.new", vm::newRate),
                    button("tax-rate-save", "form.save", vm::saveRate),
                    button("tax-rate-default", "catalog.taxRate.makeDefault", vm::makeDefault));
        }

        TableView<Unit> units = new TableView<>(vm.units());
        units.setId("unit-table");
        units.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        units.getColumns().add(column(Messages.get("catalog.unit.code"), Unit::code, 90));
        units.getColumns().add(column(Messages.get("catalog.unit.name"), Unit::name, 180));
        units.getColumns().add(column(Messages.get("catalog.active"), u -> Messages.get(u.active() ? "common.yes" : "common.no"), 70));
        units.setPrefHeight(220);
        units.setPlaceholder(new Label(Messages.get("catalog.none")));
        units.getSelectionModel().selectedItemProperty().addListener((o, old, unit) -> {
            if (unit != null) {
                vm.selectedUnitProperty().set(unit);
            }
        });
        GridPane unitForm = Forms.grid();
        Forms.row(unitForm, 0, Messages.get("catalog.unit.code"), text("unit-code", vm.unitCodeProperty(), editable),
                vm.errors().of("unit.code"));
        Forms.row(unitForm, 1, Messages.get("catalog.unit.name"), text("unit-name", vm.unitNameProperty(), editable),
                vm.errors().of("unit.name"));
        Forms.row(unitForm, 2, "", check("unit-active", vm.unitActiveProperty(), editable), vm.errors().of("unit.active"));
        HBox unitActions = new HBox(10);
        if (editable) {
            unitActions.getChildren().addAll(button("unit-new", "catalog.new", vm::newUnit),
                    button("unit-save", "form.save", vm::saveUnit));
        }

        Label message = new Label();
        message.setId("tax-units-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());

        VBox ratesBox = new VBox(8, subtitle("catalog.taxRates.title"), rates, rateForm, rateActions);
        VBox unitsBox = new VBox(8, subtitle("catalog.units.title"), units, unitForm, unitActions);
        HBox.setHgrow(ratesBox, Priority.ALWAYS);
        HBox.setHgrow(unitsBox, Priority.ALWAYS);
        HBox body = new HBox(28, ratesBox, unitsBox);
        VBox page = new VBox(14, Forms.title(Messages.get("nav.taxRatesUnits")), message, body);
        page.setPadding(new Insets(20, 28, 28, 28));
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.setId("tax-rates-units");
        return Screen.of(scroll);
    }

    static Label subtitle(String key) {
        Label label = new Label(Messages.get(key));
        label.getStyleClass().add("title-4");
        return label;
    }

    static Button button(String id, String key, Runnable action) {
        Button button = new Button(Messages.get(key));
        button.setId(id);
        button.setOnAction(e -> action.run());
        return button;
    }

    static TextField text(String id, javafx.beans.property.StringProperty value, boolean editable) {
        TextField input = new TextField();
        input.setId(id);
        input.setEditable(editable);
        input.textProperty().bindBidirectional(value);
        return input;
    }

    static CheckBox check(String id, javafx.beans.property.BooleanProperty value, boolean editable) {
        CheckBox box = new CheckBox(Messages.get("catalog.active"));
        box.setId(id);
        box.setDisable(!editable);
        box.selectedProperty().bindBidirectional(value);
        return box;
    }

    static <R> TableColumn<R, String> column(String title, Function<R, String> value, double width) {
        TableColumn<R, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        return column;
    }
}
