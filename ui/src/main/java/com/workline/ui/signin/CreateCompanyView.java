package com.workline.ui.signin;

import com.workline.ui.common.Forms;
import com.workline.ui.common.Messages;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** First run: "Create your company". */
public final class CreateCompanyView {
    private CreateCompanyView() {
    }

    public static Parent create(CreateCompanyViewModel vm) {
        GridPane grid = Forms.grid();
        int row = 0;
        Forms.row(grid, row++, Messages.get("company.name"), bound(new TextField(), "company-name", vm.companyNameProperty()),
                vm.errors().of("companyName"));
        Forms.row(grid, row++, Messages.get("company.country"), bound(new TextField(), "company-country", vm.countryProperty()),
                vm.errors().of("country"));
        Forms.row(grid, row++, Messages.get("company.currency"), bound(new TextField(), "company-currency", vm.currencyProperty()),
                vm.errors().of("currency"));
        Forms.row(grid, row++, Messages.get("company.firstName"), bound(new TextField(), "owner-first-name", vm.firstNameProperty()),
                vm.errors().of("firstName"));
        Forms.row(grid, row++, Messages.get("company.lastName"), bound(new TextField(), "owner-last-name", vm.lastNameProperty()),
                vm.errors().of("lastName"));
        Forms.row(grid, row++, Messages.get("company.email"), bound(new TextField(), "owner-email", vm.emailProperty()),
                vm.errors().of("email"));
        Forms.row(grid, row++, Messages.get("company.password"), bound(new PasswordField(), "owner-password", vm.passwordProperty()),
                vm.errors().of("password"));
        Forms.row(grid, row, Messages.get("company.passwordRepeat"),
                bound(new PasswordField(), "owner-password-repeat", vm.passwordRepeatProperty()), vm.errors().of("passwordRepeat"));

        Label intro = new Label(Messages.get("company.intro"));
        intro.setWrapText(true);
        Label error = new Label();
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        Button create = new Button(Messages.get("company.submit"));
        create.setId("create-company");
        create.setDefaultButton(true);
        create.getStyleClass().add("accent");
        create.disableProperty().bind(vm.busyProperty());
        create.setOnAction(e -> vm.create());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(22, 22);
        busy.visibleProperty().bind(vm.busyProperty());

        VBox form = new VBox(14, Forms.title(Messages.get("company.title")), intro, grid, error, new HBox(10, create, busy));
        form.setPadding(new Insets(28));
        form.setMaxWidth(620);
        VBox centered = new VBox(form);
        centered.setAlignment(Pos.TOP_CENTER);
        ScrollPane scroll = new ScrollPane(centered);
        scroll.setFitToWidth(true);
        return scroll;
    }

    static <T extends TextInputControl> T bound(T field, String id, javafx.beans.property.StringProperty property) {
        field.setId(id);
        field.textProperty().bindBidirectional(property);
        return field;
    }
}
