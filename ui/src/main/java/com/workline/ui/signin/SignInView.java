package com.workline.ui.signin;

import com.workline.ui.common.Messages;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The sign-in window's content. */
public final class SignInView {
    private SignInView() {
    }

    public static Parent create(SignInViewModel vm) {
        Label title = new Label(Messages.get("signin.title"));
        title.getStyleClass().add("title-2");

        ToggleGroup servers = new ToggleGroup();
        RadioButton embedded = new RadioButton(Messages.get("signin.server.embedded"));
        embedded.setId("server-embedded");
        embedded.setToggleGroup(servers);
        embedded.setDisable(!vm.embeddedAvailable());
        RadioButton company = new RadioButton(Messages.get("signin.server.company"));
        company.setId("server-company");
        company.setToggleGroup(servers);
        (vm.useEmbeddedProperty().get() ? embedded : company).setSelected(true);
        servers.selectedToggleProperty().addListener((o, old, now) -> vm.useEmbeddedProperty().set(now == embedded));

        TextField host = new TextField();
        host.setId("host");
        host.setPromptText("db.example.com");
        host.textProperty().bindBidirectional(vm.hostProperty());
        TextField port = new TextField();
        port.setId("port");
        port.setPrefColumnCount(5);
        port.textProperty().bindBidirectional(vm.portProperty());
        TextField database = new TextField();
        database.setId("database");
        database.textProperty().bindBidirectional(vm.databaseProperty());
        GridPane serverFields = new GridPane();
        serverFields.setHgap(8);
        serverFields.setVgap(6);
        serverFields.addRow(0, fixed(Messages.get("signin.host")), host, fixed(Messages.get("signin.port")), port);
        serverFields.addRow(1, fixed(Messages.get("signin.database")), database);
        javafx.scene.layout.GridPane.setHgrow(host, javafx.scene.layout.Priority.ALWAYS);
        GridPane.setColumnSpan(database, 3);
        if (!vm.serverChoosable()) {
            // IT locked the server in the system-wide configuration.
            embedded.setDisable(true);
            company.setDisable(true);
            serverFields.setDisable(true);
            Tooltip locked = new Tooltip(Messages.get("signin.server.locked"));
            embedded.setTooltip(locked);
            company.setTooltip(locked);
        }
        serverFields.visibleProperty().bind(vm.useEmbeddedProperty().not());
        serverFields.managedProperty().bind(serverFields.visibleProperty());

        TextField email = new TextField();
        email.setId("email");
        email.setPromptText("name@company.com");
        email.textProperty().bindBidirectional(vm.emailProperty());
        PasswordField password = new PasswordField();
        password.setId("password");
        password.textProperty().bindBidirectional(vm.passwordProperty());
        password.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.CAPS) {
                vm.capsLockProperty().set(!vm.capsLockProperty().get());
            }
        });
        password.focusedProperty().addListener((o, was, is) -> {
            if (is) {
                vm.capsLockProperty().set(capsLockOn());
            }
        });
        Label capsLock = new Label(Messages.get("signin.capsLock"));
        capsLock.getStyleClass().add("warning");
        capsLock.visibleProperty().bind(vm.capsLockProperty());
        capsLock.managedProperty().bind(capsLock.visibleProperty());

        Label error = new Label();
        error.setId("signin-error");
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        Button signIn = new Button(Messages.get("signin.submit"));
        signIn.setId("sign-in");
        signIn.setDefaultButton(true);
        signIn.getStyleClass().add("accent");
        signIn.setMaxWidth(Double.MAX_VALUE);
        signIn.disableProperty().bind(vm.busyProperty());
        signIn.setOnAction(e -> vm.signIn());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(22, 22);
        busy.visibleProperty().bind(vm.busyProperty());
        busy.managedProperty().bind(busy.visibleProperty());

        VBox form = new VBox(8,
                title,
                new Label(Messages.get("signin.server")), new HBox(16, embedded, company), serverFields,
                labelFor(Messages.get("signin.email"), email), email,
                labelFor(Messages.get("signin.password"), password), password, capsLock,
                error,
                new HBox(10, signIn, busy));
        HBox.setHgrow(signIn, javafx.scene.layout.Priority.ALWAYS);
        form.setPadding(new Insets(28));
        form.setMaxWidth(420);
        form.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        form.getStyleClass().add("card-form");
        StackPane root = new StackPane(form);
        root.setAlignment(Pos.CENTER);
        root.getStyleClass().add("signin-background");
        root.setPadding(new Insets(24));
        javafx.application.Platform.runLater(() -> (vm.emailProperty().get().isEmpty() ? email : password).requestFocus());
        return root;
    }

    /** A label that never shrinks to "…". */
    private static Label fixed(String text) {
        Label label = new Label(text);
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return label;
    }

    private static Label labelFor(String text, javafx.scene.Node field) {
        Label label = new Label(text);
        label.setLabelFor(field);
        return label;
    }

    private static boolean capsLockOn() {
        try {
            return java.awt.Toolkit.getDefaultToolkit().getLockingKeyState(java.awt.event.KeyEvent.VK_CAPS_LOCK);
        } catch (RuntimeException | Error e) {
            return false; // headless or unsupported: the key events still toggle the hint
        }
    }
}
