package com.workline.persistence.projects;

import com.workline.persistence.common.Problem;
import com.workline.persistence.common.ValidationException;
import com.workline.persistence.session.TenantSession;
import com.workline.persistence.testing.Sql;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.workline.persistence.projects.TimeWorld.day;
import static com.workline.persistence.projects.TimeWorld.problemOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The week, approval, the timer, the budget refusal and concurrent edits, through the services on the real database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimeEntryServicesTest {
    private TimeWorld w;
    private UUID project;
    private UUID otherProject;

    @BeforeAll
    void world() {
        w = new TimeWorld("Time");
        w.rate(w.defaultCard, w.consulting, null, null, "2026-01-01", null, "100", null);
        project = w.project("Week", w.customer).project().id();
        otherProject = w.project("Other", w.otherCustomer).project().id();
    }

    @AfterAll
    void close() {
        w.close();
    }

    private TimeEntryService time(TenantSession session) {
        return w.of(session).time();
    }

    private TimeEntry book(TenantSession session, String date, int minutes) {
        return time(session).create(TimeEntryInput.of(day(date), minutes, project, null).withServiceCategory(w.consulting));
    }

    @Test
    @DisplayName("the week: Monday to Sunday with totals per day; last week's rows without hours")
    void week() {
        book(w.colleague, "2026-08-03", 90);
        book(w.colleague, "2026-08-03", 30);
        book(w.colleague, "2026-08-09", 60);
        book(w.colleague, "2026-08-10", 15);
        time(w.colleague).create(TimeEntryInput.of(day("2026-08-05"), 45, otherProject, null).withBillable(false));
        TimeWeek week = time(w.colleague).week(null, day("2026-08-06"));
        assertThat(week.weekStart()).isEqualTo(day("2026-08-03"));
        assertThat(week.entries()).hasSize(4);
        assertThat(week.dayMinutes()).containsExactly(120, 0, 45, 0, 0, 0, 60);
        assertThat(week.totalMinutes()).isEqualTo(225);
        assertThat(week.billableMinutes()).isEqualTo(180);
        assertThat(week.entriesOn(day("2026-08-03"))).hasSize(2);
        assertThat(time(w.colleague).previousWeekRows(day("2026-08-12"))).extracting(TimesheetRow::projectId)
                .containsExactlyInAnyOrder(project, otherProject);
        // A manager sees the colleague's week; an employee does not see another person's.
        assertThat(time(w.manager).week(w.colleaguePerson.userId(), day("2026-08-03")).totalMinutes()).isEqualTo(225);
        assertThat(time(w.employee).week(w.colleaguePerson.userId(), day("2026-08-03")).entries()).isEmpty();
    }

    @Test
    @DisplayName("approval: submit, approve, reject with a reason, fix and resubmit; an entry added to an approved week needs approval")
    void approvalFlow() {
        ApprovalService mine = w.of(w.employee).approvals();
        ApprovalService managers = w.of(w.manager).approvals();
        LocalDate monday = day("2026-09-07");
        TimeEntry first = book(w.employee, "2026-09-07", 120);
        TimeEntry second = book(w.employee, "2026-09-08", 60);
        assertThat(mine.submitWeek(day("2026-09-10"))).isEqualTo(2);
        assertThat(time(w.employee).load(first.id()).status()).isEqualTo(TimeStatus.SUBMITTED);
        TimeEntry submitted = time(w.employee).load(first.id());
        assertThatThrownBy(() -> time(w.employee).update(submitted.id(), submitted.version(), submitted.input().withMinutes(10)))
                .satisfies(e -> assertThat(problemOf(e)).isEqualTo(Problem.NOT_ALLOWED));

        ApprovalRow row = managers.queue(null, 100).rows().stream()
                .filter(r -> r.userId().equals(w.employeePerson.userId()) && r.weekStart().equals(monday)).findFirst().orElseThrow();
        assertThat(row.minutes()).isEqualTo(180);
        assertThat(row.entries()).isEqualTo(2);
        assertThat(row.personName()).isNotBlank();
        assertThat(mine.queue(null, 100).rows()).as("an employee approves nothing").isEmpty();

        assertThatThrownBy(() -> w.of(w.manager).approvals().approve(w.managerPerson.userId(), monday))
                .as("nobody approves their own time but owners and admins")
                .satisfies(e -> assertThat(problemOf(e)).isEqualTo(Problem.NOT_ALLOWED));
        assertThat(managers.approve(w.employeePerson.userId(), monday)).isEqualTo(2);
        assertThat(time(w.employee).load(second.id()).status()).isEqualTo(TimeStatus.APPROVED);
        assertThat(time(w.employee).load(second.id()).approvedBy()).isEqualTo(w.managerPerson.userId());

        assertThatThrownBy(() -> managers.reject(w.employeePerson.userId(), monday, " "))
                .isInstanceOf(ValidationException.class);
        assertThat(managers.reject(w.employeePerson.userId(), monday, "Tuesday was a holiday")).isEqualTo(2);
        TimeEntry rejected = time(w.employee).load(second.id());
        assertThat(rejected.status()).isEqualTo(TimeStatus.REJECTED);
        assertThat(rejected.rejectionReason()).isEqualTo("Tuesday was a holiday");
        TimeEntry fixed = time(w.employee).update(rejected.id(), rejected.version(), rejected.input().withDate(day("2026-09-09")));
        assertThat(fixed.status()).isEqualTo(TimeStatus.REJECTED);
        assertThat(mine.submitWeek(monday)).isEqualTo(2);
        assertThat(time(w.employee).load(second.id()).rejectionReason()).isNull();
        assertThat(managers.approve(w.employeePerson.userId(), monday)).isEqualTo(2);

        TimeEntry late = book(w.employee, "2026-09-11", 30);
        assertThat(late.status()).isEqualTo(TimeStatus.DRAFT);
        assertThat(mine.submitWeek(monday)).as("only the new entry").isEqualTo(1);
        assertThat(mine.withdrawWeek(monday)).isEqualTo(1);
        assertThat(mine.submitWeek(monday)).isEqualTo(1);
        assertThat(managers.approve(w.employeePerson.userId(), monday)).isEqualTo(1);
        assertThat(time(w.employee).week(null, monday).entries()).extracting(TimeEntry::status).containsOnly(TimeStatus.APPROVED);

        assertThat(mine.history(null, monday)).extracting(ApprovalEvent::action).containsExactly("submitted", "approved",
                "rejected", "submitted", "approved", "submitted", "withdrawn", "submitted", "approved");
        assertThat(mine.history(null, monday).get(2).reason()).isEqualTo("Tuesday was a holiday");
        // The owner approves their own week.
        book(w.owner, "2026-09-07", 60);
        w.of(w.owner).approvals().submitWeek(monday);
        assertThat(w.of(w.owner).approvals().approve(w.ownerPerson.userId(), monday)).isOne();
    }

    @Test
    @DisplayName("the timer: one running per person, a start stops the previous, it survives a new session, stop records minutes")
    void timer() throws SQLException {
        assertThat(time(w.manager).runningTimer()).isNull();
        ProjectTask call = w.of(w.manager).tasks().create(ProjectTask.create(project, null, "Calls").withBilling(w.consulting, null));
        TimeEntry first = time(w.manager).startTimer(project, call.id(), "Call");
        assertThat(first.serviceCategoryId()).as("the task's").isEqualTo(w.consulting);
        assertThat(first.running()).isTrue();
        assertThat(first.status()).isEqualTo(TimeStatus.DRAFT);
        w.asSuperuser("UPDATE app.time_entries SET started_at = started_at - interval '95 minutes 10 seconds' WHERE id = ?",
                first.id());
        TimeEntry second = time(w.manager).startTimer(otherProject, null, null);
        TimeEntry stopped = time(w.manager).load(first.id());
        assertThat(stopped.running()).isFalse();
        assertThat(stopped.rawMinutes()).isEqualTo(95);
        assertThat(stopped.amount()).isEqualByComparingTo("158.33");

        // A new session (a restart of the client) finds the running timer: its start is stored.
        TenantSession again = w.signIn(w.managerPerson);
        assertThat(time(again).runningTimer()).satisfies(t -> {
            assertThat(t.id()).isEqualTo(second.id());
            assertThat(t.startedAt()).isEqualTo(second.startedAt());
        });
        try (Connection c = w.plain(w.managerPerson)) {
            assertThatThrownBy(() -> Sql.update(c, "INSERT INTO app.time_entries (organization_id, entry_date, started_at, project_id) "
                    + "VALUES (?, current_date, now(), ?)", w.org, project))
                    .as("a second running timer").satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23505"));
        }
        TimeEntry done = time(again).stopTimer();
        assertThat(done.id()).isEqualTo(second.id());
        assertThat(done.running()).isFalse();
        assertThat(time(w.manager).runningTimer()).isNull();
        assertThat(time(w.manager).stopTimer()).isNull();
    }

    @Test
    @DisplayName("a project that refuses bookings over budget refuses them (and timers once it is used up); figures show it")
    void overBudget() {
        ProjectDetails capped = w.project("Capped", w.customer);
        UUID id = w.of(w.manager).projects().update(capped.project().withBudget(120, null, true)).project().id();
        TimeEntryService time = time(w.employee);
        TimeEntry entry = time.create(TimeEntryInput.of(day("2026-10-05"), 100, id, null).withServiceCategory(w.consulting));
        assertThatThrownBy(() -> time.create(TimeEntryInput.of(day("2026-10-05"), 30, id, null)))
                .satisfies(e -> assertThat(problemOf(e)).isEqualTo(Problem.NOT_ALLOWED))
                .satisfies(e -> assertThat(e.getMessage()).contains("over its budget"));
        TimeEntry more = time.update(entry.id(), entry.version(), entry.input().withMinutes(120));
        assertThatThrownBy(() -> time.update(more.id(), more.version(), more.input().withMinutes(121)))
                .satisfies(e -> assertThat(problemOf(e)).isEqualTo(Problem.NOT_ALLOWED));
        assertThatThrownBy(() -> time.startTimer(id, null, null)).satisfies(e -> assertThat(problemOf(e)).isEqualTo(Problem.NOT_ALLOWED));
        TimeEntry less = time.update(more.id(), more.version(), more.input().withMinutes(90));
        assertThat(less.rawMinutes()).isEqualTo(90);
        BudgetFigures figures = w.of(w.viewer).projects().figures(id);
        assertThat(figures.actualMinutes()).isEqualTo(90);
        assertThat(figures.amount()).isEqualByComparingTo("150.00");
        assertThat(figures.overBudget()).isFalse();

        // Without the refusal the booking goes through and the project shows as over budget.
        ProjectDetails open = w.of(w.manager).projects().load(id);
        w.of(w.manager).projects().update(open.project().withBudget(120, new java.math.BigDecimal("100.00"), false));
        time.create(TimeEntryInput.of(day("2026-10-06"), 60, id, null).withServiceCategory(w.consulting));
        assertThat(w.of(w.employee).projects().figures(id)).satisfies(f -> {
            assertThat(f.actualMinutes()).isEqualTo(150);
            assertThat(f.overBudget()).isTrue();
            assertThat(f.minutesLeft()).isEqualTo(-30);
        });
        assertThat(w.of(w.employee).projects().list(ProjectQuery.all().withSearch(open.project().number()), null, 10).rows())
                .singleElement().satisfies(r -> assertThat(r.overBudget()).isTrue());
    }

    @Test
    @DisplayName("two devices of one person edit the same entry: the second gets the conflict with the stored entry, nothing is lost")
    void concurrentEdits() throws Exception {
        TenantSession laptop = w.employee;
        TenantSession phone = w.signIn(w.employeePerson);
        TimeEntry loaded = book(laptop, "2026-11-02", 60);
        TimeEntry onPhone = time(phone).load(loaded.id());
        time(laptop).update(loaded.id(), loaded.version(), loaded.input().withMinutes(90).withDescription("laptop"));
        assertThatThrownBy(() -> time(phone).update(onPhone.id(), onPhone.version(), onPhone.input().withMinutes(30)))
                .isInstanceOfSatisfying(TimeEntryConflictException.class, e -> {
                    assertThat(e.current().rawMinutes()).isEqualTo(90);
                    assertThat(e.current().description()).isEqualTo("laptop");
                });
        assertThatThrownBy(() -> time(phone).delete(onPhone.id(), onPhone.version())).isInstanceOf(TimeEntryConflictException.class);
        assertThat(time(laptop).load(loaded.id()).rawMinutes()).isEqualTo(90);

        // At the same instant: exactly one of two saves of the same version wins, the other gets the conflict.
        TimeEntry current = time(laptop).load(loaded.id());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> results = new ArrayList<>();
            for (TenantSession device : List.of(laptop, phone)) {
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        time(device).update(current.id(), current.version(), current.input().withMinutes(device == laptop ? 10 : 20));
                        return "saved";
                    } catch (TimeEntryConflictException e) {
                        return "conflict";
                    }
                }));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : results) {
                outcomes.add(f.get());
            }
            assertThat(outcomes).containsExactlyInAnyOrder("saved", "conflict");
        } finally {
            pool.shutdown();
        }
        TimeEntry end = time(laptop).load(loaded.id());
        assertThat(end.version()).isEqualTo(current.version() + 1);
        assertThat(end.rawMinutes()).isIn(10, 20);
        time(laptop).delete(end.id(), end.version());
        assertThatThrownBy(() -> time(laptop).load(end.id())).satisfies(e -> assertThat(problemOf(e)).isEqualTo(Problem.NOT_FOUND));
    }

    @Test
    @DisplayName("input is checked before it is sent: day, project, minutes between 0 and 24 hours, end after start")
    void validation() {
        assertThatThrownBy(() -> time(w.employee).create(new TimeEntryInput(null, null, null, null, 1500, null, null, null, null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e ->
                        assertThat(e.fieldTexts()).containsKeys("entryDate", "projectId", "rawMinutes"));
        java.time.OffsetDateTime nine = java.time.OffsetDateTime.parse("2026-11-09T09:00:00+01:00");
        TimeEntry fromTo = time(w.employee).create(TimeEntryInput.of(day("2026-11-09"), 0, project, null)
                .between(nine, nine.plusMinutes(75).plusSeconds(30)));
        assertThat(fromTo.rawMinutes()).isEqualTo(76);
        assertThatThrownBy(() -> time(w.employee).create(TimeEntryInput.of(day("2026-11-09"), 0, project, null)
                .between(nine, nine.minusMinutes(1)))).isInstanceOf(ValidationException.class);
        ProjectDetails closed = w.project("Closed", w.customer);
        w.of(w.manager).projects().update(closed.project().withStatus(ProjectStatus.COMPLETED));
        assertThatThrownBy(() -> time(w.employee).create(TimeEntryInput.of(day("2026-11-09"), 10, closed.project().id(), null)))
                .satisfies(e -> assertThat(problemOf(e)).isEqualTo(Problem.NOT_ALLOWED));
    }
}
