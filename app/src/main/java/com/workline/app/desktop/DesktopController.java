package com.workline.app.desktop;

import com.workline.persistence.admin.Administration;
import com.workline.persistence.crm.Crm;
import com.workline.app.config.ClientConfiguration;
import com.workline.app.embedded.EmbeddedDatabase;
import com.workline.persistence.tenancy.CompanySetup;
import com.workline.persistence.session.OrganizationChoice;
import com.workline.persistence.tenancy.SignInService;
import com.workline.persistence.session.SignedInPerson;
import com.workline.persistence.session.TenantSession;
import com.workline.ui.admin.OrganizationSettingsView;
import com.workline.ui.admin.OrganizationSettingsViewModel;
import com.workline.ui.admin.PeopleView;
import com.workline.ui.admin.PeopleViewModel;
import com.workline.ui.admin.ProfileView;
import com.workline.ui.admin.ProfileViewModel;
import com.workline.ui.common.Messages;
import com.workline.ui.common.Theme;
import com.workline.ui.common.UserPreferences;
import com.workline.ui.shell.Section;
import com.workline.ui.shell.ShellView;
import com.workline.ui.shell.ShellViewModel;
import com.workline.ui.signin.CreateCompanyView;
import com.workline.ui.signin.CreateCompanyViewModel;
import com.workline.ui.signin.SignInView;
import com.workline.ui.signin.SignInViewModel;
import com.workline.ui.task.BackgroundTasks;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.StringConverter;

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
    private final BackgroundTasks tasks;
    private final UserPreferences preferences;
    private final Locale locale = Locale.getDefault();
    private EmbeddedDatabase embedded;
    private CompanySetup companySetup;
    private SignedInPerson person;

    public DesktopController(ClientConfiguration configuration, Stage stage, BackgroundTasks tasks, UserPreferences preferences) {
        this.configuration = configuration;
        this.stage = stage;
        this.tasks = tasks;
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
        tasks.run(this::openDatabase, firstRun -> {
            if (configuration.demo()) {
                openDemo();
            } else if (firstRun) {
                showCreateCompany();
            } else {
                showSignIn();
            }
        }, failure -> show(problem(failure.getMessage(), this::start)));
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
        }, failure -> show(problem(failure.getMessage(), this::openDemo)));
    }

    void showCreateCompany() {
        show(CreateCompanyView.create(new CreateCompanyViewModel(companySetup, tasks, locale, this::signedIn)));
    }

    void showSignIn() {
        SignInViewModel vm = new SignInViewModel(new SignInService(configuration.roles(), 4),
                embedded == null ? null : embedded::address, configuration.server(), tasks, preferences, this::signedIn);
        show(SignInView.create(vm));
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
        ShellViewModel shell = new ShellViewModel(session, tasks, preferences, new ShellViewModel.Navigator() {
            @Override
            public void signOut() {
                DesktopController.this.signOut();
            }

            @Override
            public void switchOrganization(OrganizationChoice organization) {
                showShell(person.choose(organization.id()));
            }
        }, configuration.embedded() ? Messages.get("status.embedded") : null);
        shell.themeProperty().addListener((o, old, theme) -> theme.apply());
        shell.themeProperty().get().apply();
        show(ShellView.create(shell, section -> content(section, shell)));
        stage.setTitle(Messages.get("app.title") + " \u2014 " + session.organization().name());
    }

    private Node content(Section section, ShellViewModel shell) {
        TenantSession session = shell.session();
        return switch (section) {
            case HOME -> home(shell, session);
            case CUSTOMERS -> customers(session);
            case PIPELINE -> com.workline.ui.crm.DealsSection.create(
                    () -> com.workline.ui.crm.PipelineBoardView.create(
                            new com.workline.ui.crm.PipelineBoardViewModel(Crm.of(session).deals(), Crm.of(session).pipelines(), tasks), locale),
                    () -> com.workline.ui.crm.DealListView.create(
                            new com.workline.ui.crm.DealListViewModel(session, tasks, locale), locale));
            case ORGANIZATION -> OrganizationSettingsView.create(
                    new OrganizationSettingsViewModel(Administration.of(session).organizationSettings(), tasks, locale));
            case PEOPLE -> PeopleView.create(new PeopleViewModel(Administration.of(session).people(), tasks), locale);
            case PIPELINES -> com.workline.ui.admin.PipelinesView.create(
                    new com.workline.ui.admin.PipelinesViewModel(Crm.of(session).pipelines(), tasks, locale));
            case CUSTOM_FIELDS -> com.workline.ui.admin.CustomFieldsView.create(
                    new com.workline.ui.admin.CustomFieldsViewModel(Crm.of(session).customFields(), tasks));
            case PROFILE -> ProfileView.create(new ProfileViewModel(Administration.of(session).profile(), tasks));
        };
    }

    /** Home: the welcome, then My day (tasks and notifications). */
    private Node home(ShellViewModel shell, TenantSession session) {
        VBox home = ShellView.home(shell);
        home.getChildren().add(new javafx.scene.control.Separator());
        home.getChildren().add(com.workline.ui.home.MyDayView.create(new com.workline.ui.home.MyDayViewModel(
                Crm.of(session).activities(), tasks, java.time.Clock.systemDefaultZone()), locale));
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(home);
        scroll.setFitToWidth(true);
        return scroll;
    }

    /** The customer list; opening a customer shows its record in place, "back" returns to the same list. */
    private Node customers(TenantSession session) {
        javafx.scene.layout.BorderPane holder = new javafx.scene.layout.BorderPane();
        var listVm = new com.workline.ui.crm.CustomerListViewModel(session, tasks, locale);
        Node[] list = new Node[1];
        java.util.function.Consumer<UUID> open = id -> {
            var record = new com.workline.ui.crm.CustomerRecordViewModel(Crm.of(session).customers(), Crm.of(session).customFields(),
                    Crm.of(session).contacts(), Crm.of(session).activities(), tasks, saved -> listVm.refresh())
                    .withHistory(Crm.of(session).history());
            var role = session.organization().role();
            boolean canDelete = role == com.workline.persistence.session.Role.OWNER
                    || role == com.workline.persistence.session.Role.ADMIN || role == com.workline.persistence.session.Role.MANAGER;
            holder.setCenter(com.workline.ui.crm.CustomerRecordView.create(record, () -> {
                holder.setCenter(list[0]);
                listVm.refresh();
            }, locale, canDelete));
            record.open(id);
        };
        Runnable startImport = () -> {
            var importVm = new com.workline.ui.crm.CustomerImportViewModel(Crm.of(session).customerImport(), tasks, listVm::refresh);
            holder.setCenter(com.workline.ui.crm.CustomerImportView.create(importVm, () -> holder.setCenter(list[0])));
        };
        boolean canCreate = session.organization().role() != com.workline.persistence.session.Role.VIEWER;
        list[0] = com.workline.ui.crm.CustomerListView.create(listVm, open, canCreate ? startImport : null);
        holder.setCenter(list[0]);
        return holder;
    }

    void signOut() {
        if (person != null) {
            person.close();
            person = null;
        }
        Theme.LIGHT.apply();
        stage.setTitle(Messages.get("app.title"));
        showSignIn();
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

    /** Called when the application exits: sign out, stop the embedded server, remember the window. */
    public void stop() {
        WindowGeometry.save(stage, preferences);
        if (person != null) {
            person.close();
        }
        if (embedded != null) {
            embedded.close();
        }
    }
}
