package com.workline.ui.admin;

import com.workline.persistence.mail.SmtpSettings;
import com.workline.ui.common.Forms;
import com.workline.ui.common.Messages;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** My profile: name and contact, the password, and the outgoing mail server for sending quotes. */
public final class ProfileView {
    private ProfileView() {
    }

    public static Node create(ProfileViewModel vm) {
        return create(vm, null);
    }

    /** @param mail the person's own SMTP settings (null: the section is left out) */
    public static Node create(ProfileViewModel vm, MailSettingsViewModel mail) {
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
        if (mail != null) {
            page.getChildren().add(mailSection(mail));
            mail.load();
        }
        page.setPadding(new Insets(20, 28, 28, 28));
        page.setMaxWidth(720);
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.setId("profile");
        vm.load();
        return scroll;
    }

    /** Outgoing mail (SMTP): server, security, sign-in and sender; test, save, remove. */
    private static Node mailSection(MailSettingsViewModel mail) {
        Label title = new Label(Messages.get("mail.settings.title"));
        title.getStyleClass().add("title-4");
        Label intro = new Label(Messages.get("mail.settings.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add("text-muted");

        GridPane grid = Forms.grid();
        TextField host = field(new TextField(), "smtp-host", mail.hostProperty());
        host.setPromptText("smtp.example.com");
        ChoiceBox<SmtpSettings.Security> security = new ChoiceBox<>();
        security.getItems().setAll(SmtpSettings.Security.values());
        security.setId("smtp-security");
        security.setConverter(Forms.converter(v -> v == null ? "" : Messages.get("mail.security." + v.name())));
        security.valueProperty().bindBidirectional(mail.securityProperty());
        TextField port = field(new TextField(), "smtp-port", mail.portProperty());
        port.setPrefColumnCount(6);
        port.setMaxWidth(110);
        TextField username = field(new TextField(), "smtp-username", mail.usernameProperty());
        username.setPromptText(Messages.get("mail.settings.usernamePrompt"));
        PasswordField password = field(new PasswordField(), "smtp-password", mail.passwordProperty());
        password.promptTextProperty().bind(javafx.beans.binding.Bindings.when(mail.passwordStoredProperty())
                .then(Messages.get("mail.settings.passwordKeep")).otherwise(""));
        Label plainText = new Label(Messages.get("mail.settings.plainTextWarning"));
        plainText.setId("smtp-plain-warning");
        plainText.setWrapText(true);
        plainText.getStyleClass().add("warning");
        plainText.visibleProperty().bind(mail.plainTextPasswordProperty());
        plainText.managedProperty().bind(plainText.visibleProperty());
        VBox securityBox = new VBox(4, security, plainText);
        Forms.row(grid, 0, Messages.get("mail.settings.host"), host, mail.errors().of("host"));
        Forms.row(grid, 1, Messages.get("mail.settings.security"), securityBox, mail.errors().of("security"));
        Forms.row(grid, 2, Messages.get("mail.settings.port"), port, mail.errors().of("port"));
        Forms.row(grid, 3, Messages.get("mail.settings.username"), username, mail.errors().of("username"));
        Forms.row(grid, 4, Messages.get("mail.settings.password"), password, mail.errors().of("password"));
        Forms.row(grid, 5, Messages.get("mail.settings.fromAddress"),
                field(new TextField(), "smtp-from-address", mail.fromAddressProperty()), mail.errors().of("fromAddress"));
        Forms.row(grid, 6, Messages.get("mail.settings.fromName"),
                field(new TextField(), "smtp-from-name", mail.fromNameProperty()), mail.errors().of("fromName"));

        Button test = new Button(Messages.get("mail.settings.test"));
        test.setId("smtp-test");
        test.disableProperty().bind(mail.busyProperty());
        test.setOnAction(e -> mail.testConnection());
        Button save = new Button(Messages.get("mail.settings.save"));
        save.setId("smtp-save");
        save.getStyleClass().add("accent");
        save.disableProperty().bind(mail.busyProperty());
        save.setOnAction(e -> mail.save());
        Button remove = new Button(Messages.get("mail.settings.remove"));
        remove.setId("smtp-remove");
        remove.disableProperty().bind(mail.busyProperty().or(mail.storedProperty().not()));
        remove.setOnAction(e -> {
            Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, Messages.get("mail.settings.confirmRemove"),
                    ButtonType.OK, ButtonType.CANCEL);
            if (remove.getScene() != null) {
                confirm.initOwner(remove.getScene().getWindow());
            }
            confirm.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> mail.remove());
        });
        ProgressIndicator testing = new ProgressIndicator();
        testing.setPrefSize(18, 18);
        testing.visibleProperty().bind(mail.testOutcomeProperty().isEqualTo(MailSettingsViewModel.TestOutcome.RUNNING));
        testing.managedProperty().bind(testing.visibleProperty());
        Label testResult = new Label();
        testResult.setId("smtp-test-result");
        testResult.setWrapText(true);
        testResult.textProperty().bind(mail.testResultProperty());
        mail.testOutcomeProperty().addListener((o, was, now) -> {
            testResult.getStyleClass().removeAll("success", "danger");
            if (now == MailSettingsViewModel.TestOutcome.PASSED) {
                testResult.getStyleClass().add("success");
            } else if (now == MailSettingsViewModel.TestOutcome.FAILED) {
                testResult.getStyleClass().add("danger");
            }
        });
        Label message = new Label();
        message.setId("smtp-message");
        message.setWrapText(true);
        message.textProperty().bind(mail.messageProperty());
        HBox buttons = new HBox(10, save, test, remove, testing);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox section = new VBox(10, title, intro, grid, buttons, testResult, message);
        section.setId("smtp-settings");
        return section;
    }

    private static <T extends TextInputControl> T field(T field, String id, javafx.beans.property.StringProperty property) {
        field.setId(id);
        field.textProperty().bindBidirectional(property);
        return field;
    }
}
