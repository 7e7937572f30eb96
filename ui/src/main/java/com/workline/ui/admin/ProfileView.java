package com.workline.ui.admin;

import com.workline.ui.common.Forms;
import com.workline.ui.common.Messages;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** My profile: name and contact, and the password. */
public final class ProfileView {
    private ProfileView() {
    }

    public static Node create(ProfileViewModel vm) {
        GridPane details = Forms.grid();
        TextField email = field(new TextField(), "profile-email", vm.emailProperty());
        email.setEditable(false);
        Forms.row(details, 0, Messages.get("profile.email"), email, vm.errors().of("email"));
        Forms.row(details, 1, Messages.get("profile.firstName"), field(new TextField(), "profile-first-name", vm.firstNameProperty()),
                vm.errors().of("firstName"));
        Forms.row(details, 2, Messages.get("profile.lastName"), field(new TextField(), "profile-last-name", vm.lastNameProperty()),
                vm.errors().of("lastName"));
        Forms.row(details, 3, Messages.get("profile.displayName"),
                field(new TextField(), "profile-display-name", vm.displayNameProperty()), vm.errors().of("displayName"));
        Forms.row(details, 4, Messages.get("profile.phone"), field(new TextField(), "profile-phone", vm.phoneProperty()),
                vm.errors().of("phone"));
        Forms.row(details, 5, Messages.get("profile.locale"), field(new TextField(), "profile-locale", vm.localeProperty()),
                vm.errors().of("locale"));
        Button save = new Button(Messages.get("form.save"));
        save.setId("profile-save");
        save.getStyleClass().add("accent");
        save.disableProperty().bind(vm.busyProperty());
        save.setOnAction(e -> vm.save());
        Label message = new Label();
        message.textProperty().bind(vm.messageProperty());

        GridPane password = Forms.grid();
        Forms.row(password, 0, Messages.get("profile.currentPassword"),
                field(new PasswordField(), "current-password", vm.currentPasswordProperty()), vm.errors().of("currentPassword"));
        Forms.row(password, 1, Messages.get("profile.newPassword"),
                field(new PasswordField(), "new-password", vm.newPasswordProperty()), vm.errors().of("newPassword"));
        Forms.row(password, 2, Messages.get("profile.newPasswordRepeat"),
                field(new PasswordField(), "new-password-repeat", vm.newPasswordRepeatProperty()), vm.errors().of("newPasswordRepeat"));
        Button change = new Button(Messages.get("profile.changePassword"));
        change.setId("change-password");
        change.disableProperty().bind(vm.busyProperty());
        change.setOnAction(e -> vm.changePassword());
        Label passwordMessage = new Label();
        passwordMessage.textProperty().bind(vm.passwordMessageProperty());
        Label passwordTitle = new Label(Messages.get("profile.password.title"));
        passwordTitle.getStyleClass().add("title-4");

        VBox page = new VBox(14, Forms.title(Messages.get("profile.title")), details, new HBox(10, save, message),
                passwordTitle, password, new HBox(10, change, passwordMessage));
        page.setPadding(new Insets(20, 28, 28, 28));
        page.setMaxWidth(720);
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.setId("profile");
        vm.load();
        return scroll;
    }

    private static <T extends TextInputControl> T field(T field, String id, javafx.beans.property.StringProperty property) {
        field.setId(id);
        field.textProperty().bindBidirectional(property);
        return field;
    }
}
