package com.workline.app.desktop;

import com.workline.persistence.db.ServerAddress;
import com.workline.app.config.ClientConfiguration;
import com.workline.app.embedded.EmbeddedDatabase;
import com.workline.persistence.tenancy.CompanySetup;
import com.workline.persistence.session.OrganizationChoice;
import com.workline.persistence.tenancy.SignInService;
import com.workline.persistence.session.SignedInPerson;
import com.workline.persistence.session.TenantSession;
import com.workline.ui.common.Messages;
import com.workline.ui.common.Theme;
import com.workline.ui.common.UserPreferences;
import com.workline.ui.shell.ShellView;
import com.workline.ui.shell.ShellViewModel;
import com.workline.ui.signin.CreateCompanyView;
import com.workline.ui.signin.CreateCompanyViewModel;
import com.workline.ui.signin.SignInView;
import com.workline.ui.signin.SignInViewModel;
import com.workline.ui.task.BackgroundTasks;
import com.workline.ui.task.TaskRunner;
import com.workline.ui.workbench.Navigator;
import com.workline.ui.workbench.Permissions;
import com.workline.ui.workbench.Screen;
import com.workline.ui.workbench.ScreenContext;
import com.workline.ui.workbench.Workbench;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Wires the desktop client: opens the database (embedded or company server), then first-run set-up, the
 * demo, or sign-in; then the organization chooser and the shell. All database work goes through one
 * {@link BackgroundTasks}; the window only ever shows results.
 */
public final class DesktopController {
    private final ClientConfiguration configuration;
    private final Stage stage;
    private final TaskRunner runner;
    /** The scope of the sign-in and start-up screens (the shell and its screens have their own). */
    private final BackgroundTasks tasks;
    private final Workbench workbench = DesktopAreas.workbench();
    private final UserPreferences preferences;
    private final Locale locale = Locale.getDefault();
    private EmbeddedDatabase embedded;
    private CompanySetup companySetup;
    private SignedInPerson person;
    private Screen shell;
    /** The server's PostgreSQL version once known (Help › About). */
    private volatile String serverVersion;
    /** Help › About; set by the application (null: no About item). */
    private Runnable about;
    /** How Back up… and Restore… ask for files (tests replace the native dialogs). */
    private EmbeddedBackups.FileChoice fileChoice = EmbeddedBackups.NATIVE;

    public DesktopController(ClientConfiguration configuration, Stage stage, TaskRunner runner, UserPreferences preferences) {
        this.configuration = configuration;
        this.stage = stage;
        this.runner = runner;
        this.tasks = runner.newScope();
        this.preferences = preferences;
    }

    public void start() {
        Theme.LIGHT.apply();
        stage.setTitle(Messages.get("app.title"));
        WindowGeometry.restore(stage, preferences);
        Scene scene = new Scene(progress(Messages.get("app.starting")), stage.getWidth(), stage.getHeight());
        scene.getStylesheets().add(Theme.class.getResource("/com/workline/ui/workline.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        if (configuration.embedded() && !configuration.demo() && embedded == null && companyLikelyExists()) {
            signInWhileTheDatabaseStarts();
            return;
        }
        tasks.run(this::openDatabase, firstRun -> {
            if (configuration.demo()) {
                openDemo();
            } else if (firstRun) {
                showCreateCompany();
            } else {
                showSignIn();
            }
        }, failure -> show(problem(failure.getLocalizedMessage(), this::start)));
    }

    /** An embedded cluster is in the data folder: most likely with a company (else the set-up follows once it runs). */
    private boolean companyLikelyExists() {
        return EmbeddedDatabase.exists(configuration.dataFolder());
    }

    /**
     * The sign-in form at once, as on a company server, while the embedded PostgreSQL starts (and migrates) behind
     * it: a second or two of a cold start the person spends typing. Signing in waits for the database; a database
     * without a company turns to the set-up, one that fails to open to the problem screen.
     */
    private void signInWhileTheDatabaseStarts() {
        java.util.concurrent.CompletableFuture<ServerAddress> started = new java.util.concurrent.CompletableFuture<>();
        showSignIn(() -> {
            try {
                return started.join();
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        });
        Runnable open = () -> runner.newScope().run(this::openDatabase, firstRun -> {
            started.complete(embedded.address());
            if (firstRun) {
                showCreateCompany();
            }
        }, failure -> {
            started.completeExceptionally(failure);
            show(problem(failure.getLocalizedMessage(), this::start));
        });
        // Started once the form is laid out, so that PostgreSQL's start does not take the processors from the form's.
        Scene scene = stage.getScene();
        scene.addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                open.run();
            }
        });
    }

    /** Opens the database; returns whether this is the first run of an embedded installation. */
    private boolean openDatabase() {
        if (!configuration.embedded()) {
            return false;
        }
        if (embedded == null) {
            embedded = EmbeddedDatabase.open(configuration.dataFolder(), configuration.roles());
            companySetup = new CompanySetup(embedded.superuser(), embedded.address(), configuration.roles());
        }
        return companySetup.isFirstRun();
    }

    private void openDemo() {
        DemoCredentials credentials = new DemoCredentials(configuration.dataFolder());
        boolean existed = credentials.exist();
        tasks.run(() -> {
            var passwords = credentials.loadOrCreate();
            UUID org = companySetup.ensureDemo(passwords, existed);
            return companySetup.signInToDemo(org, passwords.get(CompanySetup.DEMO_PEOPLE.get(2).email()));
        }, session -> {
            person = session.person();
            showShell(session);
        }, failure -> show(problem(failure.getLocalizedMessage(), this::openDemo)));
    }

    void showCreateCompany() {
        show(CreateCompanyView.create(new CreateCompanyViewModel(companySetup, tasks, locale, this::signedIn)));
        StartupProbe.screenShown(stage.getScene(), "create-company");
    }

    void showSignIn() {
        showSignIn(embedded == null ? null : embedded::address);
    }

    private void showSignIn(java.util.function.Supplier<ServerAddress> embeddedAddress) {
        SignInViewModel vm = new SignInViewModel(new SignInService(configuration.roles(), 4), embeddedAddress,
                configuration.server(), configuration.serverLocked(), tasks, preferences, this::signedIn);
        show(SignInView.create(vm));
        StartupProbe.screenShown(stage.getScene(), "sign-in");
    }

    private void signedIn(SignedInPerson signedIn) {
        person = signedIn;
        var organizations = signedIn.organizations();
        if (organizations.size() == 1) {
            showShell(signedIn.choose(organizations.get(0).id()));
            return;
        }
        ChoiceDialog<OrganizationChoice> chooser = new ChoiceDialog<>(organizations.get(0), organizations);
        chooser.initOwner(stage);
        chooser.setTitle(Messages.get("chooser.title"));
        chooser.setHeaderText(Messages.get("chooser.header"));
        ((javafx.scene.control.ComboBox<OrganizationChoice>) chooser.getDialogPane().lookup(".combo-box"))
                .setConverter(new StringConverter<>() {
                    @Override
                    public String toString(OrganizationChoice o) {
                        return o == null ? "" : o.name() + " (" + Messages.get("role." + o.role().databaseValue()) + ")";
                    }

                    @Override
                    public OrganizationChoice fromString(String s) {
                        return null;
                    }
                });
        chooser.showAndWait().ifPresentOrElse(choice -> showShell(signedIn.choose(choice.id())), this::signOut);
    }

    private void showShell(TenantSession session) {
        leaveShell();
        Navigator navigator = new Navigator(workbench, new Permissions(session.role()));
        ScreenContext context = new ScreenContext(session, runner, navigator, locale, preferences,
                java.time.Clock.systemDefaultZone(), configuration.secretsFolder());
        ShellViewModel shellVm = new ShellViewModel(session, runner.newScope(), preferences, new ShellViewModel.Exits() {
            @Override
            public void signOut() {
                DesktopController.this.signOut();
            }

            @Override
            public void switchOrganization(OrganizationChoice organization) {
                showShell(person.choose(organization.id()));
            }
        }, navigator, configuration.embedded() ? Messages.get("status.embedded") : null);
        shellVm.themeProperty().addListener((o, old, theme) -> theme.apply());
        shellVm.themeProperty().get().apply();
        SignedInPerson signedIn = session.person();
        if (serverVersion == null) {
            tasks.run(signedIn::serverVersion, version -> serverVersion = version, failure -> { });
        }
        EmbeddedBackups backups = embedded == null ? null : new EmbeddedBackups(embedded, session.role(),
                configuration.dataFolder(), fileChoice, locale, this::restore);
        shell = ShellView.create(shellVm, context, about != null ? about
                : () -> com.workline.ui.about.AboutView.show(stage, AboutInfoFactory.create(configuration, () -> serverVersion)),
                backups);
        show((Parent) shell.root());
        shell.shown(stage.getScene());
        StartupProbe.screenShown(stage.getScene(), "main-window");
        stage.setTitle(Messages.get("app.title") + " \u2014 " + session.organization().name());
    }

    /** The shown shell, if any, is left for good: its shortcuts, listeners, timers and screens go with it. */
    private void leaveShell() {
        if (shell != null) {
            shell.hidden(stage.getScene());
            shell.dispose();
            shell = null;
            hidePopups();
            // A fresh scene: the old one's mouse, focus and hover bookkeeping still point into the old shell.
            Scene fresh = new Scene(progress(Messages.get("app.starting")), stage.getScene().getWidth(),
                    stage.getScene().getHeight());
            fresh.getStylesheets().setAll(stage.getScene().getStylesheets());
            stage.setScene(fresh);
        }
    }

    /**
     * Hides the popups the shell opened on the window (the user menu whose "Sign out" brought us here, context
     * menus, tooltips) while its scene is still in the window. JavaFX (21) workaround: a popup shown for a node
     * registers a {@code TreeShowingProperty} listener on the window's showing property, and hiding the popup
     * unregisters it through the node's scene's window. The user menu hides only after its item's action has run,
     * i.e. after the scene was replaced, when the old scene has no window any more: the listener stayed on the
     * stage and kept the menu button, and through its items the whole shell and the signed-out session.
     */
    private void hidePopups() {
        for (Window window : List.copyOf(Window.getWindows())) {
            if (window instanceof PopupWindow popup && popup.isShowing() && rootOwner(popup) == stage) {
                popup.hide();
            }
        }
    }

    private static Window rootOwner(PopupWindow popup) {
        Window owner = popup.getOwnerWindow();
        while (owner instanceof PopupWindow parent) {
            owner = parent.getOwnerWindow();
        }
        return owner;
    }

    void signOut() {
        leaveShell();
        if (person != null) {
            person.close();
            person = null;
        }
        Theme.LIGHT.apply();
        stage.setTitle(Messages.get("app.title"));
        showSignIn();
    }

    /**
     * Restore… confirmed: everyone here is signed out and the connection pool closed (the server is stopped and
     * swapped under it), the backup restored in the background, then sign-in again, with the result.
     */
    private void restore(java.nio.file.Path file) {
        leaveShell();
        if (person != null) {
            person.close();
            person = null;
        }
        Theme.LIGHT.apply();
        stage.setTitle(Messages.get("app.title"));
        show(progress(Messages.get("restore.running")));
        tasks.run(() -> embedded.restore(file, com.workline.persistence.db.embedded.ClusterBackup.Progress.NONE), manifest -> {
            showSignIn();
            tell(javafx.scene.control.Alert.AlertType.INFORMATION,
                    Messages.get("restore.done", EmbeddedBackups.describe(manifest, locale)));
        }, failure -> {
            showSignIn();
            tell(javafx.scene.control.Alert.AlertType.ERROR, Messages.get("restore.failed", failure.getLocalizedMessage()));
        });
    }

    private void tell(javafx.scene.control.Alert.AlertType type, String message) {
        javafx.scene.control.Alert alert = new javafx.scene.control.Alert(type, message, javafx.scene.control.ButtonType.OK);
        alert.setTitle(Messages.get("restore.title"));
        alert.setHeaderText(null);
        alert.getDialogPane().setId("restore-result");
        alert.initOwner(stage);
        alert.show();
    }

    /** Tests: answer Back up…'s and Restore…'s file dialogs. */
    void chooseFilesWith(EmbeddedBackups.FileChoice choice) {
        this.fileChoice = choice;
    }

    private void show(Parent content) {
        stage.getScene().setRoot(content);
    }

    private static Parent progress(String text) {
        ProgressIndicator indicator = new ProgressIndicator();
        VBox box = new VBox(16, indicator, new Label(text));
        box.setAlignment(Pos.CENTER);
        return box;
    }

    private static Parent problem(String message, Runnable retry) {
        Label text = new Label(message);
        text.setWrapText(true);
        text.setMaxWidth(520);
        text.getStyleClass().add("danger");
        Button again = new Button(Messages.get("app.retry"));
        again.setOnAction(e -> retry.run());
        VBox box = new VBox(16, text, again);
        box.setAlignment(Pos.CENTER);
        return box;
    }

    /** The shown shell (tests: lifecycle and leaks). */
    Screen shell() {
        return shell;
    }

    /** The signed-in person (tests). */
    SignedInPerson person() {
        return person;
    }

    /** Help › About for the shell's user menu. */
    void about(Runnable showAbout) {
        this.about = showAbout;
    }

    /** Called when the application exits: sign out, stop the embedded server, remember the window. */
    public void stop() {
        WindowGeometry.save(stage, preferences);
        if (shell != null) {
            shell.dispose(); // the window is going away: no need to detach from its scene (maybe not the FX thread)
            shell = null;
        }
        if (person != null) {
            person.close();
        }
        if (embedded != null) {
            embedded.close();
        }
    }
}
