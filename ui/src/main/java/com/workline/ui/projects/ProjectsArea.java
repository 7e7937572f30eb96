package com.workline.ui.projects;

import com.workline.persistence.admin.Administration;
import com.workline.persistence.common.Problem;
import com.workline.persistence.common.WorklineException;
import com.workline.persistence.crm.Crm;
import com.workline.persistence.projects.ProjectQuery;
import com.workline.persistence.projects.ProjectService;
import com.workline.persistence.projects.Projects;
import com.workline.persistence.quoting.QuoteStatus;
import com.workline.persistence.quoting.Quoting;
import com.workline.ui.common.Messages;
import com.workline.ui.task.BackgroundTasks;
import com.workline.ui.workbench.Area;
import com.workline.ui.workbench.Permissions;
import com.workline.ui.workbench.RecordAction;
import com.workline.ui.workbench.RecordKind;
import com.workline.ui.workbench.RecordRef;
import com.workline.ui.workbench.RecordTab;
import com.workline.ui.workbench.Screen;
import com.workline.ui.workbench.ScreenContext;
import com.workline.ui.workbench.SearchHit;
import com.workline.ui.workbench.Section;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Projects in the desktop client: Projects & time › Projects (the list with budget figures, New project), a project's
 * record (form, budget, tasks as tree and board, members) that any screen can open and Ctrl+K finds by number or
 * name, "Create project" on an accepted quote, and the customer record's Projects tab. Neither quoting nor the CRM
 * names this area: it contributes through the workbench.
 */
public final class ProjectsArea implements Area {
    public static final String PROJECTS = "projects";
    public static final String PROJECT = "project";
    /** A blank project form (its id is only the place's identity); saved, it becomes a {@link #PROJECT}. */
    public static final String NEW_PROJECT = "project.new";
    /** The sidebar group the projects-and-time sections share. */
    public static final String GROUP = "nav.projectsTime";
    /** Kinds of other areas' records this area adds to (by name only). */
    private static final String QUOTE = "quote";
    private static final String CUSTOMER = "customer";

    @Override
    public List<Section> sections() {
        return List.of(new Section(PROJECTS, "nav.projects", GROUP, 200, p -> true, ProjectsArea::projectList));
    }

    @Override
    public List<RecordKind> recordKinds() {
        return List.of(new RecordKind(PROJECT, PROJECTS, (ctx, ref) -> projectRecord(ctx, ref.id(), null),
                        ProjectsArea::findProjects),
                new RecordKind(NEW_PROJECT, PROJECTS, (ctx, ref) -> projectRecord(ctx, null, ref), null));
    }

    @Override
    public List<RecordTab> recordTabs() {
        return List.of(new RecordTab(CUSTOMER, "projects.customerTab", 20, ProjectsArea::customerProjects));
    }

    @Override
    public List<RecordAction> recordActions() {
        return List.of(new RecordAction(QUOTE, "quote-create-project", "projects.fromQuote", Permissions::mayEdit,
                ProjectsArea::projectFromQuote, ProjectsArea::projectFromQuoteState));
    }

    private static ProjectListViewModel listViewModel(ScreenContext ctx, BackgroundTasks tasks, UUID customerId) {
        return new ProjectListViewModel(Projects.of(ctx.session()).projects(),
                () -> Crm.of(ctx.session()).deals().baseCurrency(), tasks, ctx.locale(), customerId);
    }

    private static Screen projectList(ScreenContext ctx) {
        BackgroundTasks tasks = ctx.newTasks();
        Runnable newProject = ctx.permissions().mayEdit()
                ? () -> ctx.navigator().open(new RecordRef(NEW_PROJECT, UUID.randomUUID())) : null;
        return ProjectListView.create(listViewModel(ctx, tasks, null), opener(ctx), newProject).owning(tasks);
    }

    private static Consumer<UUID> opener(ScreenContext ctx) {
        return id -> ctx.navigator().open(new RecordRef(PROJECT, id));
    }

    /** A project's record, or with {@code newPlace} a blank form that becomes the project's record when first saved. */
    private static Screen projectRecord(ScreenContext ctx, UUID id, RecordRef newPlace) {
        BackgroundTasks tasks = ctx.newTasks();
        Projects projects = Projects.of(ctx.session());
        Screen[] screen = new Screen[1];
        var record = new ProjectRecordViewModel(projects.projects(), ctx.permissions().mayManage() ? projects.reports() : null,
                Crm.of(ctx.session()).customers(), () -> Person.activeOf(Administration.of(ctx.session()).people().list()),
                () -> Crm.of(ctx.session()).deals().baseCurrency(), ctx.permissions(), ctx.session().person().userId(), tasks,
                ctx.locale(), created -> {
                    if (newPlace != null && newPlace.equals(ctx.navigator().current().record())) {
                        ctx.navigator().replaceWith(new RecordRef(PROJECT, created.project().id()), screen[0]);
                    }
                });
        var taskList = new ProjectTasksViewModel(projects.tasks(), ctx.permissions(), tasks, ctx.locale(), record.people());
        var members = new ProjectMembersViewModel(projects.projects(), ctx.permissions(), tasks, record.people());
        record.detailsProperty().addListener((o, was, details) -> {
            if (details != null) {
                members.show(details.project().id(), details.members());
                if (!details.project().id().equals(taskList.projectIdProperty().get())) {
                    taskList.load(details.project().id());
                }
            }
        });
        screen[0] = ProjectRecordView.create(record, taskList, members, new ProjectRecordView.Links(
                () -> ctx.navigator().showStart(PROJECTS),
                customer -> ctx.navigator().open(new RecordRef(CUSTOMER, customer)),
                quote -> ctx.navigator().open(new RecordRef(QUOTE, quote)))).owning(tasks);
        record.open(id);
        return screen[0];
    }

    /** The customer record's Projects tab: the customer's projects with their budget figures. */
    private static Screen customerProjects(ScreenContext ctx, UUID customerId) {
        BackgroundTasks tasks = ctx.newTasks();
        ProjectListViewModel vm = listViewModel(ctx, tasks, customerId);
        TableView<?> table = ProjectListView.table(vm, opener(ctx), "customer-projects");
        Label message = new Label();
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        VBox box = new VBox(8, message, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(8, 0, 0, 0));
        vm.refresh();
        return Screen.of(box).whenShownAgain(vm::refresh).owning(tasks);
    }

    /** Ctrl+K: projects whose number, name or customer matches. */
    private static List<SearchHit> findProjects(ScreenContext ctx, String term, int limit) {
        return Projects.of(ctx.session()).projects().list(ProjectQuery.all().withSearch(term), null, limit).rows().stream()
                .map(p -> new SearchHit(new RecordRef(PROJECT, p.id()), p.name(), Messages.get("search.kind.project") + " "
                        + p.number() + (p.customerName() == null ? "" : " \u00b7 " + p.customerName()) + " \u00b7 "
                        + Messages.get("projects.status." + p.status().name())))
                .toList();
    }

    /** "Create project" for an accepted quote; "Open project" once it has one; otherwise unavailable. */
    static RecordAction.State projectFromQuoteState(ScreenContext ctx, UUID quoteId) {
        if (Projects.of(ctx.session()).projects().projectOfQuote(quoteId) != null) {
            return new RecordAction.State(true, "projects.fromQuote.open");
        }
        return Quoting.of(ctx.session()).quotes().load(quoteId).status() == QuoteStatus.ACCEPTED
                ? RecordAction.State.AVAILABLE : RecordAction.State.UNAVAILABLE;
    }

    /** The quote's project (made now if it has none yet), opened. */
    private static void projectFromQuote(ScreenContext ctx, UUID quoteId) {
        BackgroundTasks tasks = ctx.newTasks();
        tasks.run(() -> projectOf(Projects.of(ctx.session()).projects(), quoteId), id -> {
            tasks.close();
            ctx.navigator().open(new RecordRef(PROJECT, id));
        }, failure -> {
            tasks.close();
            Alert alert = new Alert(Alert.AlertType.ERROR, failure.getLocalizedMessage());
            alert.setHeaderText(Messages.get("projects.fromQuote"));
            alert.show();
        });
    }

    /** The quote's project; made from the quote if it has none (someone else making it at the same time: theirs). */
    static UUID projectOf(ProjectService projects, UUID quoteId) {
        UUID existing = projects.projectOfQuote(quoteId);
        if (existing != null) {
            return existing;
        }
        try {
            return projects.createFromQuote(quoteId).project().id();
        } catch (WorklineException e) {
            UUID theirs = e.problem() == Problem.ALREADY_EXISTS ? projects.projectOfQuote(quoteId) : null;
            if (theirs == null) {
                throw e;
            }
            return theirs;
        }
    }
}
