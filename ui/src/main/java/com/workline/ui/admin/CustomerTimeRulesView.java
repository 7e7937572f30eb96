package com.workline.ui.admin;

import com.workline.persistence.projects.RoundingDirection;
import com.workline.ui.common.Forms;
import com.workline.ui.common.Messages;
import com.workline.ui.workbench.Screen;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The "Time rules" tab of a customer record: the organization's rounding or the customer's own. */
final class CustomerTimeRulesView {
    private CustomerTimeRulesView() {
    }

    static Screen create(CustomerTimeRulesViewModel vm) {
        ToggleGroup choice = new ToggleGroup();
        RadioButton organizations = new RadioButton();
        organizations.setId("customer-rounding-organization");
        organizations.textProperty().bind(vm.organizationRuleProperty());
        organizations.setToggleGroup(choice);
        RadioButton own = new RadioButton(Messages.get("timeRules.ownRule"));
        own.setId("customer-rounding-own");
        own.setToggleGroup(choice);
        Runnable showChoice = () -> choice.selectToggle(vm.ownRuleProperty().get() ? own : organizations);
        vm.ownRuleProperty().addListener((o, was, now) -> showChoice.run());
        showChoice.run();
        choice.selectedToggleProperty().addListener((o, was, now) -> vm.ownRuleProperty().set(now == own));

        ComboBox<Integer> unit = new ComboBox<>();
        unit.setId("customer-rounding-unit");
        unit.getItems().setAll(TimeSettingsViewModel.UNITS);
        unit.setConverter(Forms.converter(TimeSettingsViewModel::unitName));
        unit.valueProperty().bindBidirectional(vm.unitProperty());
        ComboBox<RoundingDirection> direction = new ComboBox<>();
        direction.setId("customer-rounding-direction");
        direction.getItems().setAll(RoundingDirection.values());
        direction.setConverter(Forms.converter(TimeSettingsViewModel::directionName));
        direction.valueProperty().bindBidirectional(vm.directionProperty());
        HBox rule = new HBox(8, unit, direction);
        rule.setAlignment(Pos.CENTER_LEFT);
        rule.setPadding(new Insets(0, 0, 0, 24));
        rule.disableProperty().bind(vm.ownRuleProperty().not());

        Label hint = new Label(Messages.get("timeRules.hint"));
        hint.getStyleClass().add("text-muted");
        hint.setWrapText(true);
        Label message = new Label();
        message.setId("customer-rounding-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        VBox box = new VBox(10, hint, organizations, own, rule);
        if (vm.mayChange()) {
            Button save = new Button(Messages.get("timeRules.save"));
            save.setId("customer-rounding-save");
            save.disableProperty().bind(vm.busyProperty().or(vm.loadedProperty().not()));
            save.setOnAction(e -> vm.save());
            HBox actions = new HBox(10, save, message);
            actions.setAlignment(Pos.CENTER_LEFT);
            box.getChildren().add(actions);
        } else {
            organizations.setDisable(true);
            own.setDisable(true);
            unit.setDisable(true);
            direction.setDisable(true);
            Label readOnly = new Label(Messages.get("timeRules.managersChange"));
            readOnly.getStyleClass().add("text-muted");
            box.getChildren().addAll(readOnly, message);
        }
        box.setPadding(new Insets(12, 0, 0, 0));
        vm.load();
        return Screen.of(box).whenShownAgain(vm::load);
    }
}
