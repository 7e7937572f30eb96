package com.workline.ui.home;

import com.workline.persistence.crm.Crm;
import com.workline.persistence.session.Role;
import com.workline.persistence.crm.CustomerDetails;
import com.workline.persistence.crm.CustomerStatus;
import com.workline.persistence.crm.CustomerType;
import com.workline.persistence.session.TenantSession;
import com.workline.persistence.testing.TestDatabase;
import com.workline.ui.task.BackgroundTasks;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class MyDayViewModelTest {
    private final TestDatabase db = TestDatabase.get();

    @Test
    void tasksAreGroupedOverdueTodayAndUpcomingAndDueOnesBecomeNotifications() {
        UUID org = db.newOrganization("My day");
        TenantSession session = db.signInTo(db.newPerson(org, Role.EMPLOYEE), org);
        try {
            ZoneId zone = ZoneId.of("Europe/Berlin");
            // The view's "now" is noon today (the grouping never depends on the hour the test runs).
            OffsetDateTime now = java.time.LocalDate.now(zone).atTime(12, 0).atZone(zone).toOffsetDateTime();
            UUID customer = Crm.of(session).customers().create(CustomerDetails.newCustomer("Day Customer", CustomerType.COMPANY,
                    CustomerStatus.ACTIVE)).id();
            var activities = Crm.of(session).activities();
            activities.log("task", "Yesterday's call back", null, now.minusDays(1), null, customer, null, null);
            activities.log("task", "Tonight's offer", null, now.plusHours(1),
                    null, customer, null, null);
            activities.log("task", "Visit in three days", null, now.plusDays(3), null, customer, null, null);
            activities.log("task", "Next month", null, now.plusDays(30), null, customer, null, null);
            activities.log("note", "Just a note", null, null, null, customer, null, null);

            MyDayViewModel vm = new MyDayViewModel(activities, BackgroundTasks.direct(), Clock.fixed(now.toInstant(), zone));
            vm.load();
            assertThat(vm.overdue()).extracting(a -> a.subject()).containsExactly("Yesterday's call back");
            assertThat(vm.today()).extracting(a -> a.subject()).containsExactly("Tonight's offer");
            assertThat(vm.upcoming()).extracting(a -> a.subject()).containsExactly("Visit in three days");
            assertThat(vm.notifications()).contains("Yesterday's call back").doesNotContain("Next month");

            vm.complete(vm.overdue().get(0));
            assertThat(vm.overdue()).isEmpty();
            assertThat(vm.messageProperty().get()).isEqualTo("Yesterday's call back is done.");
            vm.markNotificationsRead();
            assertThat(vm.notifications()).isEmpty();
            vm.load();
            assertThat(vm.notifications()).as("read stays read").isEmpty();
        } finally {
            session.person().close();
        }
    }
}
