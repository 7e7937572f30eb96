package com.workline.ui.approval;

import com.workline.persistence.projects.ApprovalEvent;
import com.workline.persistence.projects.ApprovalRow;
import com.workline.persistence.projects.Projects;
import com.workline.ui.approval.ApprovalQueueViewModel.Decision;
import com.workline.ui.approval.ApprovalQueueViewModel.QueueItem;
import com.workline.ui.task.BackgroundTasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The approval queue's view model against the real database. */
class ApprovalQueueViewModelTest {
    private TimeOffice w;

    @BeforeEach
    void weeks() {
        w = new TimeOffice("Approval VM");
        // The employee submits two weeks, the colleague one (the first week of all three: oldest first, then by person).
        w.book(w.employee, "2026-03-02", 240, w.project);
        w.book(w.employee, "2026-03-03", 90, w.otherProject);
        w.book(w.employee, "2026-03-03", 120, w.project);
        w.submit(w.employee, "2026-03-02");
        w.book(w.employee, "2026-03-10", 480, w.project);
        w.submit(w.employee, "2026-03-10");
        w.book(w.colleague, "2026-03-04", 300, w.project);
        w.submit(w.colleague, "2026-03-04");
    }

    @AfterEach
    void close() {
        w.close();
    }

    private ApprovalQueueViewModel vm(com.workline.persistence.session.TenantSession session) {
        Projects projects = Projects.of(session);
        return new ApprovalQueueViewModel(projects.approvals(), projects.time(), BackgroundTasks.direct(), Locale.UK,
                ZoneId.of("Europe/Berlin"));
    }

    @Test
    void aManagerApprovesOneWeekAndRejectsAnotherWithAReason() {
        ApprovalQueueViewModel vm = vm(w.manager);
        vm.refresh();
        assertThat(vm.rows()).hasSize(3).allMatch(q -> q.decision() == Decision.SUBMITTED);
        assertThat(vm.rows().get(2).week().weekStart()).isEqualTo(LocalDate.parse("2026-03-09"));
        QueueItem first = vm.rows().stream().filter(q -> q.week().userId().equals(w.employeePerson.userId())).findFirst()
                .orElseThrow();
        assertThat(first.week().minutes()).isEqualTo(450);
        assertThat(first.week().billableMinutes()).as("the internal project is not billed").isEqualTo(360);

        vm.selectedProperty().set(first);
        assertThat(vm.weekSummaryProperty().get()).contains("2026-W10").contains("7:30 hours, 6:00 billable");
        assertThat(vm.weekLines()).hasSize(5);
        assertThat(vm.weekLines().get(0).heading()).isTrue();
        assertThat(vm.weekLines().get(0).dayMinutes()).isEqualTo(240);
        assertThat(vm.weekLines().get(2).dayMinutes()).as("Tuesday's two entries").isEqualTo(210);
        assertThat(vm.history()).extracting(ApprovalEvent::action).containsExactly("submitted");

        vm.approve();
        assertThat(vm.messageProperty().get()).startsWith("Approved: ");
        assertThat(vm.rows().get(vm.rows().indexOf(first.decided(Decision.APPROVED))).decision()).isEqualTo(Decision.APPROVED);
        assertThat(w.count("SELECT count(*) FROM app.time_entries WHERE user_id = ? AND status = 'approved'",
                w.employeePerson.userId())).isEqualTo(3);
        QueueItem next = vm.selectedProperty().get();
        assertThat(next.decision()).as("the next open week is chosen").isEqualTo(Decision.SUBMITTED);
        assertThat(next.sameWeek(first)).isFalse();

        // Reject without a reason: said next to the field, nothing is sent.
        vm.rejectReasonProperty().set("   ");
        boolean[] closed = {false};
        vm.reject(() -> closed[0] = true);
        assertThat(vm.errors().get("reason")).isEqualTo("Enter why the week is rejected; the person sees it.");
        assertThat(closed[0]).isFalse();
        assertThat(w.count("SELECT count(*) FROM app.time_entries WHERE user_id = ? AND status = 'rejected'",
                next.week().userId())).isZero();

        vm.rejectReasonProperty().set("Thursday is missing");
        vm.reject(() -> closed[0] = true);
        assertThat(closed[0]).isTrue();
        assertThat(vm.errors().get("reason")).isEmpty();
        assertThat(vm.rejectReasonProperty().get()).as("cleared for the next week").isEmpty();
        assertThat(vm.rows().stream().filter(q -> q.sameWeek(next)).findFirst().orElseThrow().decision())
                .isEqualTo(Decision.REJECTED);
        assertThat(w.count("SELECT count(*) FROM app.time_entries WHERE user_id = ? AND status = 'rejected' "
                + "AND rejection_reason = 'Thursday is missing'", next.week().userId())).isPositive();
        assertThat(Projects.of(w.manager).approvals().history(next.week().userId(), next.week().weekStart()))
                .extracting(ApprovalEvent::action, ApprovalEvent::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("submitted", null),
                        org.assertj.core.groups.Tuple.tuple("rejected", "Thursday is missing"));

        // Decided weeks leave the queue when it is read again.
        vm.refresh();
        assertThat(vm.rows()).hasSize(1);
        assertThat(vm.selectedProperty().get()).isNull();
    }

    @Test
    void employeesSeeNoQueueAndTheDatabaseRefusesTheirApproval() {
        ApprovalQueueViewModel vm = vm(w.employee);
        vm.refresh();
        assertThat(vm.rows()).as("their own weeks are approved by others; they see no one else's").isEmpty();
        ApprovalRow colleaguesWeek = new ApprovalRow(w.colleaguePerson.userId(), "Colleague", LocalDate.parse("2026-03-02"), 1,
                300, 300);
        vm.selectedProperty().set(new QueueItem(colleaguesWeek, Decision.SUBMITTED));
        vm.approve();
        assertThat(vm.messageProperty().get()).isEqualTo("Only managers and project managers approve time.");
        vm.rejectReasonProperty().set("No");
        vm.reject(() -> { });
        assertThat(vm.errors().get("reason")).isEqualTo("Only managers and project managers approve time.");
        assertThat(vm.rejectReasonProperty().get()).as("the typed reason stays").isEqualTo("No");
        assertThat(w.count("SELECT count(*) FROM app.time_entries WHERE user_id = ? AND status = 'submitted'",
                w.colleaguePerson.userId())).isEqualTo(1);
    }

    @Test
    void nobodyApprovesTheirOwnTimeFromTheQueue() {
        w.book(w.manager, "2026-03-05", 60, w.project);
        w.submit(w.manager, "2026-03-05");
        ApprovalQueueViewModel vm = vm(w.manager);
        vm.refresh();
        assertThat(vm.rows()).extracting(q -> q.week().userId()).doesNotContain(w.managerPerson.userId());
        ApprovalQueueViewModel ownersView = vm(w.owner);
        ownersView.refresh();
        assertThat(ownersView.rows()).extracting(q -> q.week().userId()).contains(w.managerPerson.userId());
    }
}
