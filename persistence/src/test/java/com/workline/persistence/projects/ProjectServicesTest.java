package com.workline.persistence.projects;

import com.workline.persistence.common.Problem;
import com.workline.persistence.common.ValidationException;
import com.workline.persistence.quoting.QuoteDetails;
import com.workline.persistence.quoting.QuoteLine;
import com.workline.persistence.quoting.QuoteService;
import com.workline.persistence.quoting.Quoting;
import com.workline.persistence.testing.Sql;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static com.workline.persistence.projects.TimeWorld.day;
import static com.workline.persistence.projects.TimeWorld.problemOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Projects (from accepted quotes, by hand, the list, conflicts), tasks, members and reports on the real database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectServicesTest {
    private TimeWorld w;

    @BeforeAll
    void world() {
        w = new TimeWorld("Projects");
        w.rate(w.defaultCard, w.consulting, null, null, "2026-01-01", null, "100", "40");
        w.rate(w.defaultCard, w.design, null, null, "2026-01-01", null, "80", "30");
    }

    @AfterAll
    void close() {
        w.close();
    }

    private ProjectService projects() {
        return w.of(w.manager).projects();
    }

    @Test
    @DisplayName("a project from an accepted quote: its service lines become the budget per service category; one per quote")
    void fromAcceptedQuote() {
        QuoteService quotes = Quoting.of(w.employee).quotes();
        QuoteDetails draft = quotes.createDraft(w.customer, null, null, "Website relaunch");
        QuoteDetails saved = quotes.saveDraft(draft.withLines(List.of(
                QuoteLine.text("Work"),
                QuoteLine.service(w.consulting, "Workshops", "10", "h", "100", "19"),
                QuoteLine.service(w.design, "Design", "4", "h", "80", "19"),
                QuoteLine.service(w.consulting, "Follow-up", "2.5", "h", "100", "19"),
                QuoteLine.product(null, "Hosting", "1", "pc", "500", "19"),
                QuoteLine.service(w.design, "Extra designs", "10", "h", "80", "19").asOptional())).withDocumentDiscount("10"));
        assertThatThrownBy(() -> w.of(w.employee).projects().createFromQuote(saved.id()))
                .as("a draft").satisfies(e -> assertThat(problemOf(e)).isEqualTo(Problem.NOT_ALLOWED));
        quotes.send(saved.id(), saved.version());
        quotes.accept(saved.id(), quotes.load(saved.id()).version());

        ProjectDetails project = w.of(w.employee).projects().createFromQuote(saved.id());
        assertThat(project.project().name()).isEqualTo("Website relaunch");
        assertThat(project.project().customerId()).isEqualTo(w.customer);
        assertThat(project.project().quoteId()).isEqualTo(saved.id());
        assertThat(project.quoteNumber()).isEqualTo(quotes.load(saved.id()).number());
        assertThat(project.project().number()).matches("PRJ-\\d{4}-\\d{4}");
        assertThat(project.project().status()).isEqualTo(ProjectStatus.PLANNING);
        assertThat(project.project().managerId()).isEqualTo(w.employeePerson.userId());
        assertThat(project.members()).extracting(ProjectMember::userId).containsExactly(w.employeePerson.userId());
        assertThat(project.budgetLines()).hasSize(2).anySatisfy(l -> {
            assertThat(l.serviceCategoryId()).isEqualTo(w.consulting);
            assertThat(l.minutes()).isEqualTo(750);
            assertThat(l.amount()).isEqualByComparingTo("1125.00");
        }).anySatisfy(l -> {
            assertThat(l.serviceCategoryId()).isEqualTo(w.design);
            assertThat(l.minutes()).isEqualTo(240);
            assertThat(l.amount()).isEqualByComparingTo("288.00");
        });
        assertThat(project.project().budgetMinutes()).isEqualTo(990);
        assertThat(project.project().budgetAmount()).isEqualByComparingTo("1413.00");
        assertThat(project.figures().actualMinutes()).isZero();
        assertThat(w.of(w.employee).projects().projectOfQuote(saved.id())).isEqualTo(project.project().id());
        assertThatThrownBy(() -> w.of(w.manager).projects().createFromQuote(saved.id()))
                .satisfies(e -> assertThat(problemOf(e)).isEqualTo(Problem.ALREADY_EXISTS));
        try (Connection c = w.plain(w.managerPerson)) {
            assertThatThrownBy(() -> Sql.update(c, "INSERT INTO app.projects (organization_id, name, quote_id) VALUES (?, 'Copy', ?)",
                    w.org, saved.id())).as("the quote link is made only from the quote")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("WL002"));
            assertThatThrownBy(() -> Sql.update(c, "UPDATE app.projects SET number = 'MINE-1' WHERE id = ?", project.project().id()))
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("WL002"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @DisplayName("the list: keyset pages by name, search, status filter, budget figures; conflicts keep what is stored")
    void listAndConflicts() {
        String prefix = "Listed " + w.db.unique();
        List<UUID> ids = new ArrayList<>();
        for (String suffix : List.of("E", "B", "D", "A", "C")) {
            ids.add(projects().create(Project.create(prefix + " " + suffix, w.otherCustomer)
                    .withStatus(suffix.equals("C") ? ProjectStatus.ON_HOLD : ProjectStatus.ACTIVE)).project().id());
        }
        List<String> names = new ArrayList<>();
        ProjectRow after = null;
        do {
            ProjectPage page = w.of(w.employee).projects().list(ProjectQuery.all().withSearch(prefix), after, 2);
            page.rows().forEach(r -> names.add(r.name().substring(prefix.length() + 1)));
            assertThat(page.rows()).allSatisfy(r -> assertThat(r.customerName()).isEqualTo("Plain customer"));
            after = page.next();
        } while (after != null);
        assertThat(names).containsExactly("A", "B", "C", "D", "E");
        assertThat(projects().list(ProjectQuery.all().withSearch(prefix).withStatuses(Set.of(ProjectStatus.ON_HOLD)), null, 10).rows())
                .extracting(ProjectRow::status).containsExactly(ProjectStatus.ON_HOLD);

        ProjectDetails loaded = projects().load(ids.get(0));
        ProjectDetails first = projects().update(loaded.project().withName(prefix + " E renamed"));
        assertThat(first.project().version()).isEqualTo(loaded.project().version() + 1);
        assertThatThrownBy(() -> projects().update(loaded.project().withBudget(600, null, false)))
                .isInstanceOfSatisfying(ProjectConflictException.class,
                        e -> assertThat(e.current().project().name()).endsWith("E renamed"));
        assertThatThrownBy(() -> projects().create(Project.create(" ", null).withDates(day("2026-02-01"), day("2026-01-01"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldTexts()).containsKeys("name", "endDate"));
    }

    @Test
    @DisplayName("employees change a project's status, budget and billing only as its manager")
    void budgetTermsByManagers() {
        ProjectDetails project = w.project("Terms", w.customer);
        ProjectDetails renamed = w.of(w.employee).projects().update(project.project().withName(project.project().name() + "!"));
        assertThatThrownBy(() -> w.of(w.employee).projects().update(renamed.project().withBudget(60, null, true)))
                .satisfies(e -> assertThat(problemOf(e)).isEqualTo(Problem.NOT_ALLOWED));
        assertThatThrownBy(() -> w.of(w.employee).projects().update(renamed.project().withStatus(ProjectStatus.COMPLETED)))
                .satisfies(e -> assertThat(problemOf(e)).isEqualTo(Problem.NOT_ALLOWED));
        ProjectDetails managed = projects().update(renamed.project().withManager(w.employeePerson.userId()));
        assertThat(w.of(w.employee).projects().update(managed.project().withBudget(60, null, true)).project().budgetMinutes())
                .isEqualTo(60);
        managed = w.of(w.employee).projects().load(managed.project().id());
        assertThat(w.of(w.employee).projects().update(managed.project().withStatus(ProjectStatus.ON_HOLD)).project().status())
                .isEqualTo(ProjectStatus.ON_HOLD);
        ProjectDetails onHold = w.of(w.employee).projects().load(managed.project().id());
        assertThatThrownBy(() -> w.of(w.viewer).projects().update(onHold.project()))
                .satisfies(e -> assertThat(problemOf(e)).isIn(Problem.NOT_ALLOWED, Problem.CONFLICT));
    }

    @Test
    @DisplayName("tasks: a tree in order, moved among siblings and parents, never below themselves or into another project")
    void tasks() throws SQLException {
        UUID project = w.project("Tree", w.customer).project().id();
        TaskService tasks = w.of(w.employee).tasks();
        ProjectTask a = tasks.create(ProjectTask.create(project, null, "A"));
        ProjectTask b = tasks.create(ProjectTask.create(project, null, "B"));
        ProjectTask a1 = tasks.create(ProjectTask.create(project, a.id(), "A1"));
        ProjectTask a2 = tasks.create(ProjectTask.create(project, a.id(), "A2").withEstimate(90));
        assertThat(tasks.tree(project)).extracting(ProjectTask::name, ProjectTask::depth)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("A", 0), org.assertj.core.groups.Tuple.tuple("A1", 1),
                        org.assertj.core.groups.Tuple.tuple("A2", 1), org.assertj.core.groups.Tuple.tuple("B", 0));
        tasks.move(a2.id(), null, 0, a2.version());
        assertThat(tasks.tree(project)).extracting(ProjectTask::name).containsExactly("A2", "A", "A1", "B");
        tasks.move(b.id(), a.id(), 0, b.version());
        assertThat(tasks.tree(project)).extracting(ProjectTask::name).containsExactly("A2", "A", "B", "A1");
        ProjectTask movedA = tasks.load(a.id());
        assertThatThrownBy(() -> tasks.move(movedA.id(), a1.id(), 0, movedA.version())).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> tasks.move(movedA.id(), a1.id(), 0, movedA.version() - 1))
                .satisfies(e -> assertThat(problemOf(e)).isEqualTo(Problem.CONFLICT));
        ProjectTask done = tasks.setStatus(a1.id(), TaskStatus.DONE, tasks.load(a1.id()).version());
        assertThat(done.status()).isEqualTo(TaskStatus.DONE);
        UUID elsewhere = tasks.create(ProjectTask.create(w.project("Elsewhere", null).project().id(), null, "X")).id();
        try (Connection c = w.plain(w.employeePerson)) {
            assertThatThrownBy(() -> Sql.update(c, "UPDATE app.project_tasks SET parent_task_id = ? WHERE id = ?", a1.id(), a.id()))
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23514"));
            assertThatThrownBy(() -> Sql.update(c, "UPDATE app.project_tasks SET parent_task_id = ? WHERE id = ?", elsewhere, a.id()))
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23514"));
            assertThatThrownBy(() -> Sql.update(c, "INSERT INTO app.time_entries (organization_id, entry_date, raw_minutes, "
                    + "project_id, task_id) VALUES (?, DATE '2026-03-02', 10, ?, ?)", w.org, project, elsewhere))
                    .as("an entry's task is a task of its project")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23514"));
        }
    }

    @Test
    @DisplayName("members join, leave and come back; only members of the organization")
    void members() {
        UUID project = w.project("Team", null).project().id();
        ProjectService service = w.of(w.employee).projects();
        service.addMember(project, w.colleaguePerson.userId(), "Design");
        service.addMember(project, w.employeePerson.userId(), null);
        assertThat(service.members(project)).extracting(ProjectMember::userId)
                .containsExactlyInAnyOrder(w.colleaguePerson.userId(), w.employeePerson.userId());
        service.removeMember(project, w.colleaguePerson.userId());
        assertThat(service.members(project)).filteredOn(m -> !m.active()).extracting(ProjectMember::userId)
                .containsExactly(w.colleaguePerson.userId());
        service.addMember(project, w.colleaguePerson.userId(), "Lead");
        assertThat(service.members(project)).allSatisfy(m -> assertThat(m.active()).isTrue());
        UUID stranger = w.db.newPerson(w.db.newOrganization("Strangers"), com.workline.persistence.session.Role.EMPLOYEE).userId();
        assertThatThrownBy(() -> service.addMember(project, stranger, null))
                .satisfies(e -> assertThat(problemOf(e)).isIn(Problem.NOT_FOUND, Problem.NOT_ALLOWED));
    }

    @Test
    @DisplayName("reports by person, project, customer, service category and month; costs for managers; utilisation")
    void reports() {
        UUID billed = w.project("Reported", w.customer).project().id();
        UUID internal = w.project("Internal", null).project().id();
        w.of(w.manager).projects().update(w.of(w.manager).projects().load(internal).project().withDefaultBillable(false));
        TimeEntryService mine = w.of(w.employee).time();
        mine.create(TimeEntryInput.of(day("2026-12-07"), 360, billed, null).withServiceCategory(w.consulting));
        mine.create(TimeEntryInput.of(day("2026-12-08"), 240, billed, null).withServiceCategory(w.design));
        mine.create(TimeEntryInput.of(day("2026-12-09"), 120, internal, null).withServiceCategory(w.consulting));
        w.of(w.colleague).time().create(TimeEntryInput.of(day("2026-12-09"), 60, billed, null).withServiceCategory(w.consulting));
        TimeReportQuery december = TimeReportQuery.between(day("2026-12-07"), day("2026-12-13"));

        List<TimeReportRow> byPerson = w.of(w.manager).reports().report(december, TimeReportGrouping.PERSON);
        assertThat(byPerson).hasSize(2);
        TimeReportRow employeeRow = byPerson.stream().filter(r -> r.key().equals(w.employeePerson.userId())).findFirst().orElseThrow();
        assertThat(employeeRow.rawMinutes()).isEqualTo(720);
        assertThat(employeeRow.billableMinutes()).isEqualTo(600);
        assertThat(employeeRow.nonBillableMinutes()).isEqualTo(120);
        assertThat(employeeRow.amount()).isEqualByComparingTo("920.00");
        assertThat(employeeRow.costAmount()).isEqualByComparingTo("440.00");
        assertThat(w.of(w.employee).reports().report(december, TimeReportGrouping.PERSON)).singleElement()
                .satisfies(r -> {
                    assertThat(r.key()).isEqualTo(w.employeePerson.userId());
                    assertThat(r.costAmount()).isNull();
                });

        Map<UUID, TimeReportRow> byProject = new java.util.HashMap<>();
        w.of(w.manager).reports().report(december, TimeReportGrouping.PROJECT).forEach(r -> byProject.put(r.key(), r));
        assertThat(byProject.get(billed).amount()).isEqualByComparingTo("1020.00");
        assertThat(byProject.get(billed).budget().actualMinutes()).isEqualTo(660);
        assertThat(byProject.get(internal).amount()).isEqualByComparingTo("0.00");
        assertThat(w.of(w.manager).reports().report(december, TimeReportGrouping.CUSTOMER)).extracting(TimeReportRow::label)
                .containsExactly("Customer with own card", null);
        assertThat(w.of(w.manager).reports().report(december.ofPerson(w.employeePerson.userId()),
                TimeReportGrouping.SERVICE_CATEGORY)).extracting(TimeReportRow::label, TimeReportRow::rawMinutes)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Consulting", 480L),
                        org.assertj.core.groups.Tuple.tuple("Design", 240L));
        assertThat(w.of(w.manager).reports().report(december, TimeReportGrouping.MONTH)).singleElement()
                .satisfies(r -> assertThat(r.period()).isEqualTo(day("2026-12-01")));

        TimeReports reports = w.of(w.manager).reports();
        UtilisationRow plain = row(reports.utilisation(day("2026-12-07"), day("2026-12-13")));
        assertThat(plain.workingMinutes()).isEqualTo(2400);
        assertThat(plain.billableMinutes()).isEqualTo(600);
        assertThat(plain.utilisation()).isEqualByComparingTo("0.25");
        int weekly = reports.weeklyWorkingMinutes();
        UtilisationRow holiday = row(reports.utilisation(day("2026-12-07"), day("2026-12-13"), d ->
                d.getDayOfWeek().getValue() >= DayOfWeek.SATURDAY.getValue() || d.equals(day("2026-12-08")) ? 0 : weekly / 5));
        assertThat(holiday.workingMinutes()).isEqualTo(1920);
        assertThat(holiday.utilisation()).isEqualByComparingTo("0.3125");
        assertThat(row(reports.utilisation(day("2026-12-07"), day("2026-12-13"), 4)).workingMinutes()).isEqualTo(1920);
        assertThat(w.of(w.employee).reports().utilisation(day("2026-12-07"), day("2026-12-13")))
                .extracting(UtilisationRow::userId).containsExactly(w.employeePerson.userId());
    }

    private UtilisationRow row(List<UtilisationRow> rows) {
        return rows.stream().filter(r -> r.userId().equals(w.employeePerson.userId())).findFirst().orElseThrow();
    }
}
