package com.workline.ui.projects;

import com.workline.persistence.admin.Administration;
import com.workline.persistence.crm.Crm;
import com.workline.persistence.projects.Project;
import com.workline.persistence.projects.ProjectDetails;
import com.workline.persistence.projects.ProjectRow;
import com.workline.persistence.projects.ProjectService;
import com.workline.persistence.projects.ProjectStatus;
import com.workline.persistence.projects.ProjectTask;
import com.workline.persistence.projects.Projects;
import com.workline.persistence.projects.TaskStatus;
import com.workline.persistence.projects.TimeEntryInput;
import com.workline.persistence.quoting.QuoteDetails;
import com.workline.persistence.quoting.QuoteLine;
import com.workline.persistence.quoting.QuoteService;
import com.workline.persistence.quoting.Quoting;
import com.workline.persistence.session.Role;
import com.workline.persistence.session.TenantSession;
import com.workline.persistence.testing.Fixtures;
import com.workline.persistence.testing.Sql;
import com.workline.persistence.testing.TestDatabase;
import com.workline.persistence.testing.TestPerson;
import com.workline.ui.common.Messages;
import com.workline.ui.common.UserPreferences;
import com.workline.ui.task.BackgroundTasks;
import com.workline.ui.task.TaskRunner;
import com.workline.ui.workbench.Navigator;
import com.workline.ui.workbench.Permissions;
import com.workline.ui.workbench.RecordAction;
import com.workline.ui.workbench.ScreenContext;
import com.workline.ui.workbench.Workbench;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The project list, record, tasks and members view models, and "Create project" on a quote, against the real database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectViewModelsTest {
    private final TestDatabase db = TestDatabase.get();
    private UUID org;
    private TestPerson managerPerson;
    private TestPerson employeePerson;
    private TenantSession manager;
    private TenantSession managerElsewhere;
    private TenantSession employee;
    private UUID customer;
    private UUID service;

    @BeforeAll
    void organization() throws SQLException {
        org = db.newOrganization("Projects VM");
        managerPerson = db.newPerson(org, Role.MANAGER);
        employeePerson = db.newPerson(org, Role.EMPLOYEE);
        Fixtures.crmDataOf(db, org, managerPerson.userId());
        customer = (UUID) Sql.value(db.superuser(), "SELECT id FROM app.customers WHERE organization_id = ?", org);
        service = (UUID) Sql.value(db.superuser(), "SELECT id FROM app.service_categories WHERE organization_id = ?", org);
        manager = db.signInTo(managerPerson, org);
        managerElsewhere = db.signInTo(managerPerson, org);
        employee = db.signInTo(employeePerson, org);
    }

    @AfterAll
    void close() {
        manager.person().close();
        managerElsewhere.person().close();
        employee.person().close();
    }

    private ProjectService projects(TenantSession session) {
        return Projects.of(session).projects();
    }

    private ProjectListViewModel list(TenantSession session, UUID customerId) {
        return new ProjectListViewModel(projects(session), () -> Crm.of(session).deals().baseCurrency(),
                BackgroundTasks.direct(), Locale.US, customerId);
    }

    private ProjectRecordViewModel record(TenantSession session, Locale locale, List<ProjectDetails> created) {
        Projects area = Projects.of(session);
        Permissions permissions = new Permissions(session.role());
        return new ProjectRecordViewModel(area.projects(), permissions.mayManage() ? area.reports() : null,
                Crm.of(session).customers(), () -> Person.activeOf(Administration.of(session).people().list()),
                () -> Crm.of(session).deals().baseCurrency(), permissions, session.person().userId(),
                BackgroundTasks.direct(), locale, created::add);
    }

    private ProjectTasksViewModel tasks(TenantSession session) {
        return new ProjectTasksViewModel(Projects.of(session).tasks(), new Permissions(session.role()), BackgroundTasks.direct(),
                Locale.US, javafx.collections.FXCollections.observableArrayList());
    }

    private UUID project(String name, ProjectStatus status, Integer budgetMinutes) {
        return projects(manager).create(Project.create(name, customer).withStatus(status)
                .withBudget(budgetMinutes, null, false)).project().id();
    }

    @Test
    void theListPagesByNameSearchesFiltersByStatusAndFlagsProjectsOverBudget() {
        String prefix = "Listed " + db.unique();
        UUID over = project(prefix + " A over", ProjectStatus.ACTIVE, 60);
        project(prefix + " B", ProjectStatus.ACTIVE, 600);
        project(prefix + " C", ProjectStatus.ON_HOLD, null);
        project(prefix + " D", ProjectStatus.ACTIVE, null);
        project(prefix + " E", ProjectStatus.PLANNING, null);
        ProjectTask work = Projects.of(manager).tasks().create(ProjectTask.create(over, null, "Work"));
        Projects.of(manager).time().create(TimeEntryInput.of(LocalDate.now(), 90, over, work.id()).withServiceCategory(service));

        ProjectListViewModel vm = list(employee, null).pageSize(2);
        vm.searchProperty().set(prefix.toUpperCase(Locale.ROOT));
        vm.refresh();
        assertThat(vm.rows()).extracting(ProjectRow::name).containsExactly(prefix + " A over", prefix + " B");
        assertThat(vm.morePagesProperty().get()).isTrue();
        vm.loadMore();
        vm.loadMore();
        assertThat(vm.rows()).extracting(ProjectRow::name).containsExactly(prefix + " A over", prefix + " B", prefix + " C",
                prefix + " D", prefix + " E");
        assertThat(vm.morePagesProperty().get()).isFalse();

        // Over budget: flagged in words (the row is highlighted by the view), with the hours against the budget.
        ProjectRow first = vm.rows().get(0);
        assertThat(first.overBudget()).isTrue();
        assertThat(vm.budgetMarker(first)).isEqualTo(Messages.get("projects.overBudgetMarker"));
        assertThat(vm.hours(first)).isEqualTo("1.5 / 1 h");
        assertThat(vm.billableSplit(first)).isEqualTo("1.5 / 0");
        assertThat(vm.amount(first)).isEqualTo("225.00 " + vm.currencyProperty().get());
        assertThat(vm.currencyProperty().get()).isNotEmpty();
        assertThat(vm.budgetMarker(vm.rows().get(1))).isEmpty();
        assertThat(vm.hours(vm.rows().get(1))).isEqualTo("0 / 10 h");

        vm.statusProperty().set(ProjectStatus.ON_HOLD);
        vm.refresh();
        assertThat(vm.rows()).extracting(ProjectRow::name).containsExactly(prefix + " C");
        vm.statusProperty().set(null);
        vm.searchProperty().set(prefix + " E");
        vm.refresh();
        assertThat(vm.rows()).extracting(ProjectRow::name).containsExactly(prefix + " E");

        // The customer's Projects tab lists only that customer's projects.
        UUID internal = projects(manager).create(Project.create(prefix + " internal", null)).project().id();
        ProjectListViewModel ofCustomer = list(manager, customer);
        ofCustomer.searchProperty().set(prefix);
        ofCustomer.refresh();
        assertThat(ofCustomer.rows()).hasSize(5).noneMatch(r -> r.id().equals(internal));
    }

    @Test
    void aNewProjectIsValidatedBesideItsFieldsSavedAndAConflictKeepsWhatWasTyped() {
        List<ProjectDetails> created = new ArrayList<>();
        ProjectRecordViewModel vm = record(manager, Locale.GERMANY, created);
        vm.open(null);
        assertThat(vm.isNew()).isTrue();
        assertThat(vm.termsEditableProperty().get()).isTrue();
        assertThat(vm.managerProperty().get()).as("a new project's manager is the person").isNotNull()
                .extracting(Person::id).isEqualTo(managerPerson.userId());

        vm.budgetHoursProperty().set("zwölf");
        vm.roundingUnitProperty().set("500");
        vm.save();
        assertThat(created).isEmpty();
        assertThat(vm.errors().get("name")).isEqualTo(Messages.get("projects.record.nameRequired"));
        assertThat(vm.errors().get("budgetMinutes")).isNotEmpty();
        assertThat(vm.errors().get("rounding")).isNotEmpty();

        String name = "Relaunch " + db.unique();
        vm.nameProperty().set(name);
        vm.budgetHoursProperty().set("12,5");
        vm.budgetAmountProperty().set("1.000,50");
        vm.roundingUnitProperty().set("15");
        vm.startDateProperty().set(LocalDate.of(2026, 5, 1));
        vm.endDateProperty().set(LocalDate.of(2026, 4, 1));
        vm.save();
        assertThat(vm.errors().get("endDate")).isNotEmpty();
        assertThat(created).isEmpty();

        vm.endDateProperty().set(LocalDate.of(2026, 9, 30));
        vm.save();
        assertThat(created).hasSize(1);
        Project stored = created.get(0).project();
        assertThat(stored.budgetMinutes()).isEqualTo(750);
        assertThat(stored.budgetAmount()).isEqualByComparingTo("1000.50");
        assertThat(stored.rounding().unitMinutes()).isEqualTo(15);
        assertThat(stored.managerId()).isEqualTo(managerPerson.userId());
        assertThat(vm.headingProperty().get()).contains(stored.number()).contains(name);
        assertThat(vm.budgetHoursProperty().get()).isEqualTo("12,5");
        assertThat(vm.verdictProperty().get()).startsWith("Within budget");
        assertThat(vm.dirtyProperty().get()).isFalse();

        // Someone saves the project elsewhere; this screen's typing is kept and a reload offered.
        ProjectRecordViewModel elsewhere = record(managerElsewhere, Locale.GERMANY, new ArrayList<>());
        elsewhere.open(stored.id());
        elsewhere.nameProperty().set(name + " (theirs)");
        elsewhere.save();
        assertThat(elsewhere.messageProperty().get()).isEqualTo(Messages.get("projects.record.saved"));

        vm.nameProperty().set(name + " (mine)");
        vm.budgetHoursProperty().set("20");
        vm.save();
        assertThat(vm.conflictProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).isEqualTo(Messages.get("projects.record.conflict"));
        assertThat(vm.nameProperty().get()).isEqualTo(name + " (mine)");
        assertThat(vm.budgetHoursProperty().get()).isEqualTo("20");
        assertThat(projects(manager).load(stored.id()).project().name()).isEqualTo(name + " (theirs)");

        vm.reload();
        assertThat(vm.conflictProperty().get()).isFalse();
        assertThat(vm.nameProperty().get()).isEqualTo(name + " (theirs)");
        assertThat(vm.budgetHoursProperty().get()).isEqualTo("12,5");
        vm.budgetHoursProperty().set("20");
        vm.save();
        assertThat(projects(manager).load(stored.id()).project().budgetMinutes()).isEqualTo(1200);

        // An employee may edit the project but not its budget and terms (the database refuses them too).
        ProjectRecordViewModel employees = record(employee, Locale.US, new ArrayList<>());
        employees.open(stored.id());
        assertThat(employees.editable()).isTrue();
        assertThat(employees.termsEditableProperty().get()).isFalse();
        assertThat(employees.showsLineActuals()).isFalse();
        employees.budgetHoursProperty().set("99");
        employees.save();
        assertThat(employees.messageProperty().get()).startsWith("Only managers");
        assertThat(employees.budgetHoursProperty().get()).isEqualTo("99");
        assertThat(projects(manager).load(stored.id()).project().budgetMinutes()).isEqualTo(1200);
    }

    @Test
    void tasksAreAddedAfterAndBelowMovedIndentedOutdentedAndDroppedAsTheTreeShows() {
        UUID project = project("Tasks " + db.unique(), ProjectStatus.ACTIVE, null);
        ProjectTasksViewModel vm = tasks(employee);
        vm.load(project);
        assertThat(vm.tasks()).isEmpty();
        List<UUID> made = new ArrayList<>();
        vm.add(null, false, made::add);
        vm.rename(vm.byId(made.get(0)), "A");
        vm.add(vm.byId(made.get(0)), false, made::add);
        vm.rename(vm.byId(made.get(1)), "C");
        // Inserted after A, before C.
        vm.add(vm.byId(made.get(0)), false, made::add);
        vm.rename(vm.byId(made.get(2)), "B");
        vm.add(vm.byId(made.get(0)), true, made::add);
        vm.rename(vm.byId(made.get(3)), "A1");
        assertThat(outline(vm)).containsExactly("A", "-A1", "B", "C");
        assertThat(vm.focusProperty().get()).isEqualTo(made.get(3));

        vm.indent(task(vm, "B"));
        assertThat(outline(vm)).containsExactly("A", "-A1", "-B", "C");
        vm.moveUp(task(vm, "B"));
        assertThat(outline(vm)).containsExactly("A", "-B", "-A1", "C");
        vm.outdent(task(vm, "B"));
        assertThat(outline(vm)).containsExactly("A", "-A1", "B", "C");
        vm.moveDown(task(vm, "A"));
        assertThat(outline(vm)).containsExactly("B", "A", "-A1", "C");
        vm.moveTo(task(vm, "C"), task(vm, "A1"), ProjectTasksViewModel.Placement.INSIDE);
        assertThat(outline(vm)).containsExactly("B", "A", "-A1", "--C");
        vm.moveTo(task(vm, "C"), task(vm, "B"), ProjectTasksViewModel.Placement.BEFORE);
        assertThat(outline(vm)).containsExactly("C", "B", "A", "-A1");

        // A task cannot go below itself; the tree stays as it was.
        vm.moveTo(task(vm, "A"), task(vm, "A1"), ProjectTasksViewModel.Placement.INSIDE);
        assertThat(vm.messageProperty().get()).isNotEmpty();
        assertThat(outline(vm)).containsExactly("C", "B", "A", "-A1");

        vm.estimate(task(vm, "A1"), "1:30");
        assertThat(task(vm, "A1").estimateMinutes()).isEqualTo(90);
        assertThat(vm.estimate(task(vm, "A1"))).isEqualTo("1.5");
        vm.estimate(task(vm, "A1"), "soon");
        assertThat(vm.messageProperty().get()).isEqualTo(Messages.get("projects.task.estimateInvalid", "soon"));
        vm.due(task(vm, "A1"), LocalDate.of(2026, 12, 1));
        assertThat(task(vm, "A1").dueDate()).isEqualTo(LocalDate.of(2026, 12, 1));
        vm.assign(task(vm, "A1"), new Person(employeePerson.userId(), "Me"));
        assertThat(task(vm, "A1").assigneeId()).isEqualTo(employeePerson.userId());

        // The board: a card moved to Done.
        vm.status(task(vm, "B"), TaskStatus.DONE);
        assertThat(vm.withStatus(TaskStatus.DONE)).extracting(ProjectTask::name).containsExactly("B");
        assertThat(vm.withStatus(TaskStatus.OPEN)).extracting(ProjectTask::name).containsExactly("C", "A", "A1");

        // A task changed elsewhere meanwhile: the stale change is refused and the tree shows the task as it is now.
        ProjectTasksViewModel other = tasks(manager);
        other.load(project);
        other.rename(task(other, "C"), "C (theirs)");
        vm.rename(task(vm, "C"), "C (mine)");
        assertThat(vm.messageProperty().get()).isEqualTo(Messages.get("projects.task.conflict"));
        assertThat(outline(vm)).containsExactly("C (theirs)", "B", "A", "-A1");
    }

    @Test
    void membersAreAddedAndLeave() {
        ProjectDetails details = projects(manager).create(Project.create("Members " + db.unique(), customer));
        javafx.collections.ObservableList<Person> people = javafx.collections.FXCollections.observableArrayList(
                Person.activeOf(Administration.of(manager).people().list()));
        ProjectMembersViewModel vm = new ProjectMembersViewModel(projects(manager), new Permissions(Role.MANAGER),
                BackgroundTasks.direct(), people);
        vm.show(details.project().id(), details.members());
        vm.add();
        assertThat(vm.errors().get("userId")).isNotEmpty();
        Person colleague = people.stream().filter(p -> p.id().equals(employeePerson.userId())).findFirst().orElseThrow();
        vm.personProperty().set(colleague);
        vm.roleProperty().set("Lead");
        vm.add();
        assertThat(vm.members()).anySatisfy(m -> {
            assertThat(m.userId()).isEqualTo(employeePerson.userId());
            assertThat(m.roleInProject()).isEqualTo("Lead");
            assertThat(m.active()).isTrue();
        });
        assertThat(vm.personProperty().get()).isNull();
        vm.remove(vm.members().stream().filter(m -> m.userId().equals(employeePerson.userId())).findFirst().orElseThrow());
        assertThat(vm.members()).filteredOn(m -> m.userId().equals(employeePerson.userId()))
                .singleElement().satisfies(m -> assertThat(m.active()).isFalse());
    }

    @Test
    void createProjectIsOfferedOnAcceptedQuotesAndThenOpensTheQuotesProjectWithItsBudgetLines() {
        QuoteService quotes = Quoting.of(employee).quotes();
        QuoteDetails draft = quotes.createDraft(customer, null, null, "Website " + db.unique());
        QuoteDetails saved = quotes.saveDraft(draft.withLines(List.of(
                QuoteLine.service(service, "Workshops", "10", "h", "100", "19"),
                QuoteLine.service(service, "Follow-up", "2.5", "h", "100", "19"),
                QuoteLine.product(null, "Hosting", "1", "pc", "500", "19"))));
        ScreenContext ctx = new ScreenContext(employee, TaskRunner.direct(),
                new Navigator(new Workbench(List.of(new ProjectsArea())), new Permissions(Role.EMPLOYEE)), Locale.US,
                UserPreferences.inMemory(), Clock.systemUTC());
        RecordAction action = new ProjectsArea().recordActions().get(0);
        assertThat(action.recordKind()).isEqualTo("quote");
        assertThat(action.availability().of(ctx, saved.id())).isEqualTo(RecordAction.State.UNAVAILABLE);
        quotes.send(saved.id(), saved.version());
        assertThat(action.availability().of(ctx, saved.id())).isEqualTo(RecordAction.State.UNAVAILABLE);
        quotes.accept(saved.id(), quotes.load(saved.id()).version());
        assertThat(action.availability().of(ctx, saved.id())).isEqualTo(RecordAction.State.AVAILABLE);

        UUID projectId = ProjectsArea.projectOf(projects(employee), saved.id());
        assertThat(action.availability().of(ctx, saved.id()).labelKey()).isEqualTo("projects.fromQuote.open");
        assertThat(ProjectsArea.projectOf(projects(manager), saved.id())).as("one project per quote").isEqualTo(projectId);

        ProjectRecordViewModel vm = record(manager, Locale.US, new ArrayList<>());
        vm.open(projectId);
        assertThat(vm.detailsProperty().get().quoteNumber()).isEqualTo(quotes.load(saved.id()).number());
        assertThat(vm.budgetHoursProperty().get()).isEqualTo("12.5");
        assertThat(vm.budgetLines()).singleElement().satisfies(line -> {
            assertThat(line.category()).isEqualTo("Alpha secret consulting");
            assertThat(line.budgetHours()).isEqualTo("12.5");
            assertThat(line.budgetAmount()).startsWith("1,250.00");
            assertThat(line.actualHours()).isEqualTo("0");
        });
        assertThat(vm.hoursFigureProperty().get()).startsWith("0 / 12.5 h");
    }

    private static ProjectTask task(ProjectTasksViewModel vm, String name) {
        return vm.tasks().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    /** The tree as names, a dash per level. */
    private static List<String> outline(ProjectTasksViewModel vm) {
        return vm.tasks().stream().map(t -> "-".repeat(t.depth()) + t.name()).toList();
    }
}
