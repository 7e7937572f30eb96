package com.workline.ui.shell;

import com.workline.persistence.session.OrganizationChoice;
import com.workline.ui.common.Messages;
import com.workline.ui.common.Theme;
import com.workline.ui.task.BackgroundTasks;
import com.workline.ui.workbench.Navigator;
import com.workline.ui.workbench.Place;
import com.workline.ui.workbench.Screen;
import com.workline.ui.workbench.ScreenContext;
import com.workline.ui.workbench.Section;
import javafx.event.EventHandler;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The main window: sidebar, back/forward, the areas' top-bar items ({@link com.workline.ui.workbench.ShellItem}),
 * search, user menu, the current place's screen, status bar. It is a {@link Screen} itself: its shortcuts (Ctrl+1…9,
 * Ctrl+K, Alt+Left/Right), the items' shortcuts, the mouse's back/forward buttons and the connection heartbeat are
 * attached while it is shown; {@link Screen#dispose()} of the shell disposes every
 * screen it made and detaches the view model, so a signed-out session leaves nothing behind.
 */
public final class ShellView {
    /** Recently visited record screens kept (with unsaved input) for back/forward. */
    private static final int RECORD_SCREENS_KEPT = 8;

    private ShellView() {
    }

    /**
     * @param about shows Help › About (null: no such item)
     */
    public static Screen create(ShellViewModel vm, ScreenContext context, Runnable about) {
        return create(vm, context, about, null);
    }

    /**
     * @param about   shows Help › About (null: no such item)
     * @param backups Back up… and Restore… of the embedded database (null: on a company server, no such items)
     */
    public static Screen create(ShellViewModel vm, ScreenContext context, Runnable about, DatabaseBackups backups) {
        Navigator navigator = vm.navigator();
        BorderPane root = new BorderPane();
        root.getStyleClass().add("workline-shell");
        ScreenHost host = new ScreenHost(context, root);

        // The areas' top-bar items (the timer): made once per session, shown and disposed with the shell.
        List<Screen> items = context.navigator().workbench().shellItemsFor(context.permissions()).stream()
                .map(item -> {
                    Screen made = item.create().apply(context);
                    made.root().setId("shell-" + item.id());
                    return made;
                }).toList();
        root.setLeft(sidebar(vm));
        BackgroundTasks backupTasks = context.newTasks();
        root.setTop(topBar(vm, context, about, items, backups, backupTasks));
        root.setBottom(statusBar(vm));

        Screen shell = Screen.of(root);
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5,
                KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8, KeyCode.DIGIT9};
        for (int i = 0; i < digits.length && i < vm.sections().size(); i++) {
            String id = vm.sections().get(i).id();
            shell.shortcut(new KeyCodeCombination(digits[i], KeyCombination.SHORTCUT_DOWN), () -> navigator.showSection(id));
        }
        shell.shortcut(new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN), () -> openSearch(root, context));
        shell.shortcut(new KeyCodeCombination(KeyCode.LEFT, KeyCombination.ALT_DOWN), navigator::back);
        shell.shortcut(new KeyCodeCombination(KeyCode.RIGHT, KeyCombination.ALT_DOWN), navigator::forward);
        EventHandler<MouseEvent> mouseButtons = e -> {
            if (e.getButton() == MouseButton.BACK) {
                navigator.back();
                e.consume();
            } else if (e.getButton() == MouseButton.FORWARD) {
                navigator.forward();
                e.consume();
            }
        };
        javafx.beans.value.ChangeListener<Place> placeListener = (o, old, now) -> host.show(now);
        shell.whileShown(() -> {
            root.getScene().addEventFilter(MouseEvent.MOUSE_PRESSED, mouseButtons);
            navigator.currentProperty().addListener(placeListener);
            host.attach(root.getScene());
            host.show(navigator.current());
            items.forEach(item -> item.shown(root.getScene()));
        }, () -> {
            items.forEach(item -> item.hidden(root.getScene()));
            root.getScene().removeEventFilter(MouseEvent.MOUSE_PRESSED, mouseButtons);
            navigator.currentProperty().removeListener(placeListener);
            host.detach();
        });
        // Keep an eye on the connection: the status bar says when it is lost and when it is back.
        shell.every(Duration.seconds(15), vm::checkConnection);
        shell.onDispose(() -> {
            backupTasks.close();
            items.forEach(Screen::dispose);
            host.disposeAll();
            vm.dispose();
        });
        return shell;
    }

    private static void openSearch(Region root, ScreenContext context) {
        BackgroundTasks tasks = context.newTasks();
        var stage = QuickSearchView.show(root.getScene().getWindow(), new QuickSearchViewModel(context, tasks));
        stage.setOnHidden(e -> tasks.close());
    }

    /** Shows the screen of each place: start screens are kept per section, recent record screens for back/forward. */
    private static final class ScreenHost {
        private final ScreenContext context;
        private final BorderPane root;
        private final Map<String, Screen> startScreens = new LinkedHashMap<>();
        private final LinkedHashMap<Place, Screen> recordScreens = new LinkedHashMap<>(16, 0.75f, true);
        private Scene scene;
        private Screen current;

        ScreenHost(ScreenContext context, BorderPane root) {
            this.context = context;
            this.root = root;
        }

        void attach(Scene scene) {
            this.scene = scene;
        }

        void detach() {
            if (current != null && scene != null) {
                current.hidden(scene);
            }
            scene = null;
        }

        void show(Place place) {
            Screen next = screenFor(place);
            if (next == current && current.isShowing()) {
                return;
            }
            if (current != null && scene != null) {
                current.hidden(scene);
            }
            current = next;
            root.setCenter(next.root());
            if (scene != null) {
                next.shown(scene);
            }
        }

        private Screen screenFor(Place place) {
            var workbench = context.navigator().workbench();
            if (place.record() == null) {
                return startScreens.computeIfAbsent(place.sectionId(), id -> workbench.section(id).orElseThrow()
                        .startScreen().apply(context));
            }
            Screen adopted = context.navigator().takeAdopted(place);
            if (adopted != null) {
                recordScreens.values().removeIf(screen -> screen == adopted); // the "new" place it came from
                Screen replaced = recordScreens.put(place, adopted);
                if (replaced != null && replaced != adopted) {
                    replaced.dispose();
                }
                return adopted;
            }
            Screen kept = recordScreens.get(place);
            if (kept != null) {
                return kept;
            }
            Screen made = workbench.kind(place.record().kind()).orElseThrow().opener().apply(context, place.record());
            recordScreens.put(place, made);
            if (recordScreens.size() > RECORD_SCREENS_KEPT) {
                var eldest = recordScreens.entrySet().iterator().next();
                if (eldest.getValue() != current) {
                    eldest.getValue().dispose();
                    recordScreens.remove(eldest.getKey());
                }
            }
            return made;
        }

        void disposeAll() {
            startScreens.values().forEach(Screen::dispose);
            recordScreens.values().forEach(Screen::dispose);
            startScreens.clear();
            recordScreens.clear();
            current = null;
        }
    }

    /** Sections as toggle buttons (Tab and Space/Enter reach them), grouped under captions. */
    private static VBox sidebar(ShellViewModel vm) {
        Navigator navigator = vm.navigator();
        VBox sidebar = new VBox(2);
        sidebar.setId("sidebar");
        sidebar.setPrefWidth(220);
        sidebar.setPadding(new Insets(10, 8, 10, 8));
        sidebar.getStyleClass().add("workline-sidebar");
        ToggleGroup group = new ToggleGroup();
        String currentGroup = null;
        Map<String, ToggleButton> buttons = new LinkedHashMap<>();
        for (Section section : vm.sections()) {
            if (section.groupKey() != null && !section.groupKey().equals(currentGroup)) {
                Label caption = new Label(Messages.get(section.groupKey()).toUpperCase(Locale.ROOT));
                caption.getStyleClass().addAll("text-small", "text-muted");
                caption.setPadding(new Insets(14, 8, 4, 8));
                sidebar.getChildren().add(caption);
            }
            currentGroup = section.groupKey();
            ToggleButton button = new ToggleButton(Messages.get(section.messageKey()));
            button.setId("nav-" + section.id());
            button.setToggleGroup(group);
            button.setMaxWidth(Double.MAX_VALUE);
            button.setAlignment(Pos.CENTER_LEFT);
            button.getStyleClass().add("flat");
            button.setOnAction(e -> {
                button.setSelected(true); // a section stays selected when clicked again
                navigator.showSection(section.id());
            });
            buttons.put(section.id(), button);
            sidebar.getChildren().add(button);
        }
        Runnable select = () -> {
            String here = navigator.current().sectionId();
            buttons.forEach((id, b) -> b.setSelected(id.equals(here)));
        };
        // The sidebar lives exactly as long as the navigator: a plain listener is no leak.
        navigator.currentProperty().addListener((o, old, now) -> select.run());
        select.run();
        return sidebar;
    }

    private static HBox topBar(ShellViewModel vm, ScreenContext context, Runnable about, List<Screen> items,
                               DatabaseBackups backups, BackgroundTasks backupTasks) {
        Navigator navigator = vm.navigator();
        Button back = new Button("\u2190");
        back.setId("nav-back");
        back.getStyleClass().add("flat");
        back.setTooltip(new Tooltip(Messages.get("nav.back")));
        back.disableProperty().bind(navigator.canGoBackProperty().not());
        back.setOnAction(e -> navigator.back());
        Button forward = new Button("\u2192");
        forward.setId("nav-forward");
        forward.getStyleClass().add("flat");
        forward.setTooltip(new Tooltip(Messages.get("nav.forward")));
        forward.disableProperty().bind(navigator.canGoForwardProperty().not());
        forward.setOnAction(e -> navigator.forward());
        Label title = new Label(Messages.get("app.title"));
        title.getStyleClass().addAll("title-3", "accent");
        Label organization = new Label(vm.session().organization().name());
        organization.getStyleClass().add("title-4");
        Button search = new Button(Messages.get("search.button"));
        search.setId("quick-search-button");
        search.setOnAction(e -> openSearch(search, context));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(12, title, organization, back, forward, spacer);
        items.forEach(item -> top.getChildren().add(item.root()));
        top.getChildren().addAll(search, userMenu(vm, about, backups, backupTasks));
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(8, 14, 8, 14));
        top.getStyleClass().add("workline-topbar");
        return top;
    }

    private static HBox statusBar(ShellViewModel vm) {
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
        return status;
    }

    private static MenuButton userMenu(ShellViewModel vm, Runnable about, DatabaseBackups backups,
                                       BackgroundTasks backupTasks) {
        MenuButton menu = new MenuButton(vm.session().person().email());
        menu.setId("user-menu");
        MenuItem profile = new MenuItem(Messages.get("menu.profile"));
        profile.setId("menu-profile");
        profile.setOnAction(e -> vm.navigator().showSection("profile"));
        profile.setVisible(vm.navigator().isVisible("profile"));
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
        menu.getItems().addAll(profile, switchOrganization, theme);
        if (backups != null) {
            // Disabled items say why in their text: a disabled menu item shows no tooltip.
            boolean allowed = backups.allowed();
            MenuItem backUp = new MenuItem(Messages.get(allowed ? "menu.backup" : "menu.backup.ownersOnly"));
            backUp.setId("menu-backup");
            backUp.setDisable(!allowed);
            backUp.setOnAction(e -> BackupDialogs.backUp(menu.getScene().getWindow(), backups, backupTasks));
            MenuItem restore = new MenuItem(Messages.get(allowed ? "menu.restore" : "menu.restore.ownersOnly"));
            restore.setId("menu-restore");
            restore.setDisable(!allowed);
            restore.setOnAction(e -> BackupDialogs.restore(menu.getScene().getWindow(), backups, backupTasks));
            menu.getItems().addAll(new SeparatorMenuItem(), backUp, restore, new SeparatorMenuItem());
        }
        if (about != null) {
            MenuItem aboutItem = new MenuItem(Messages.get("menu.about"));
            aboutItem.setId("menu-about");
            aboutItem.setOnAction(e -> about.run());
            menu.getItems().add(aboutItem);
        }
        MenuItem signOut = new MenuItem(Messages.get("menu.signOut"));
        signOut.setId("menu-sign-out");
        signOut.setOnAction(e -> vm.signOut());
        menu.getItems().addAll(new SeparatorMenuItem(), signOut);
        return menu;
    }
}
