package com.workline.ui.shell;

import com.workline.persistence.session.OrganizationChoice;
import com.workline.ui.common.Messages;
import com.workline.ui.common.Theme;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.util.function.Function;

/** The main window: sidebar, user menu, content, status bar. */
public final class ShellView {
    private ShellView() {
    }

    /**
     * @param content builds the content of a section (views are created on demand, fresh each time)
     */
    public static Parent create(ShellViewModel vm, Function<Section, Node> content) {
        BorderPane root = new BorderPane();
        root.getStyleClass().add("workline-shell");

        VBox sidebar = sidebar(vm);
        vm.currentProperty().addListener((o, old, now) -> root.setCenter(content.apply(now)));
        root.setLeft(sidebar);
        root.setCenter(content.apply(vm.currentProperty().get()));

        Label organization = new Label(vm.session().organization().name());
        organization.getStyleClass().add("title-4");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        MenuButton userMenu = userMenu(vm);
        HBox top = new HBox(12, new Label(Messages.get("app.title")), organization, spacer, userMenu);
        top.getChildren().get(0).getStyleClass().addAll("title-3", "accent");
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(8, 14, 8, 14));
        top.getStyleClass().add("workline-topbar");
        root.setTop(top);

        Label connection = new Label();
        connection.setId("connection-state");
        connection.textProperty().bind(javafx.beans.binding.Bindings.when(vm.connectedProperty())
                .then(Messages.get("status.connected")).otherwise(Messages.get("status.disconnected")));
        vm.connectedProperty().addListener((o, was, is) -> {
            connection.getStyleClass().removeAll("success", "danger");
            connection.getStyleClass().add(is ? "success" : "danger");
        });
        connection.getStyleClass().add("success");
        HBox status = new HBox(24, new Label(vm.serverText()), new Label(vm.organizationText()), new Label(vm.personText()),
                connection);
        status.setId("status-bar");
        status.setPadding(new Insets(4, 14, 4, 14));
        status.getStyleClass().add("text-small");
        root.setBottom(status);

        // Keep an eye on the connection: the status bar says when it is lost and when it is back.
        Timeline heartbeat = new Timeline(new KeyFrame(Duration.seconds(15), e -> vm.checkConnection()));
        heartbeat.setCycleCount(Timeline.INDEFINITE);
        root.sceneProperty().addListener((o, old, scene) -> {
            if (scene == null) {
                heartbeat.stop();
            } else {
                heartbeat.play();
                installShortcuts(scene, vm);
            }
        });
        return root;
    }

    /** Sections as toggle buttons (Tab and Space/Enter reach them), administration ones under a caption. */
    private static VBox sidebar(ShellViewModel vm) {
        VBox sidebar = new VBox(2);
        sidebar.setId("sidebar");
        sidebar.setPrefWidth(220);
        sidebar.setPadding(new Insets(10, 8, 10, 8));
        sidebar.getStyleClass().add("workline-sidebar");
        javafx.scene.control.ToggleGroup group = new javafx.scene.control.ToggleGroup();
        String currentGroup = null;
        for (Section section : vm.sections()) {
            if (section.groupKey() != null && !section.groupKey().equals(currentGroup)) {
                Label caption = new Label(Messages.get(section.groupKey()).toUpperCase(java.util.Locale.ROOT));
                caption.getStyleClass().addAll("text-small", "text-muted");
                caption.setPadding(new Insets(14, 8, 4, 8));
                sidebar.getChildren().add(caption);
            }
            currentGroup = section.groupKey();
            javafx.scene.control.ToggleButton button = new javafx.scene.control.ToggleButton(Messages.get(section.messageKey()));
            button.setId("nav-" + section.name().toLowerCase(java.util.Locale.ROOT));
            button.setToggleGroup(group);
            button.setMaxWidth(Double.MAX_VALUE);
            button.setAlignment(Pos.CENTER_LEFT);
            button.getStyleClass().add("flat");
            button.setSelected(section == vm.currentProperty().get());
            button.setOnAction(e -> {
                button.setSelected(true); // a section stays selected when clicked again
                vm.currentProperty().set(section);
            });
            vm.currentProperty().addListener((o, old, now) -> button.setSelected(now == section));
            sidebar.getChildren().add(button);
        }
        return sidebar;
    }

    private static MenuButton userMenu(ShellViewModel vm) {
        MenuButton menu = new MenuButton(vm.session().person().email());
        menu.setId("user-menu");
        MenuItem profile = new MenuItem(Messages.get("menu.profile"));
        profile.setId("menu-profile");
        profile.setOnAction(e -> vm.currentProperty().set(Section.PROFILE));
        Menu switchOrganization = new Menu(Messages.get("menu.switch"));
        switchOrganization.setId("menu-switch");
        for (OrganizationChoice other : vm.otherOrganizations()) {
            MenuItem item = new MenuItem(other.name() + " (" + Messages.get("role." + other.role().databaseValue()) + ")");
            item.setOnAction(e -> vm.switchTo(other));
            switchOrganization.getItems().add(item);
        }
        switchOrganization.setDisable(switchOrganization.getItems().isEmpty());
        MenuItem theme = new MenuItem();
        theme.setId("menu-theme");
        theme.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> Messages.get(vm.themeProperty().get() == Theme.LIGHT ? "menu.theme.dark" : "menu.theme.light"),
                vm.themeProperty()));
        theme.setOnAction(e -> vm.toggleTheme());
        MenuItem signOut = new MenuItem(Messages.get("menu.signOut"));
        signOut.setId("menu-sign-out");
        signOut.setOnAction(e -> vm.signOut());
        menu.getItems().addAll(profile, switchOrganization, theme, new SeparatorMenuItem(), signOut);
        return menu;
    }

    /** Ctrl+1…9 open the sidebar's sections in order. */
    private static void installShortcuts(javafx.scene.Scene scene, ShellViewModel vm) {
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5,
                KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8, KeyCode.DIGIT9};
        for (int i = 0; i < digits.length; i++) {
            int index = i;
            scene.getAccelerators().put(new KeyCodeCombination(digits[i], KeyCombination.SHORTCUT_DOWN), () -> {
                if (index < vm.sections().size()) {
                    vm.currentProperty().set(vm.sections().get(index));
                }
            });
        }
    }

    /** The home section: who you are, where, and what you can do here. */
    public static VBox home(ShellViewModel vm) {
        var org = vm.session().organization();
        Label welcome = new Label(Messages.get("home.welcome", org.name()));
        welcome.getStyleClass().add("title-2");
        Label role = new Label(Messages.get("home.role", vm.session().person().email(),
                Messages.get("role." + org.role().databaseValue())));
        Label areas = new Label(Messages.get("home.areas"));
        areas.setWrapText(true);
        VBox box = new VBox(12, welcome, role, areas);
        if (org.role().canAdminister()) {
            Label admin = new Label(Messages.get("home.admin"));
            admin.setWrapText(true);
            box.getChildren().add(admin);
        }
        box.setPadding(new Insets(28));
        box.setId("home");
        return box;
    }
}
