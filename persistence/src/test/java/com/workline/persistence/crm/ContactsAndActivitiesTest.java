package com.workline.persistence.crm;

import com.workline.persistence.session.Role;
import com.workline.persistence.testing.TestDatabase;
import com.workline.persistence.testing.TestPerson;
import com.workline.persistence.session.TenantSession;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ContactsAndActivitiesTest {
    private final TestDatabase db = TestDatabase.get();

    @Test
    void primaryContactDefaultAddressesTimelineMyDayAndDueNotifications() {
        UUID org = db.newOrganization("Contacts");
        TestPerson employee = db.newPerson(org, Role.EMPLOYEE);
        TenantSession session = db.signInTo(employee, org);
        try {
            UUID customer = Crm.of(session).customers().create(CustomerDetails.newCustomer("Contact Co", CustomerType.COMPANY,
                    CustomerStatus.ACTIVE)).id();
            ContactService contacts = Crm.of(session).contacts();
            contacts.save(new Contact(null, customer, "Ann", "First", null, null, "ann@contact.test", null, null, true, false,
                    false, null, 0));
            UUID second = contacts.save(new Contact(null, customer, "Bob", "Second", null, null, null, null, null, true, true,
                    true, null, 0));
            assertThat(contacts.contacts(customer)).extracting(Contact::id, Contact::primary)
                    .first().isEqualTo(tuple(second, true));
            assertThat(contacts.contacts(customer)).filteredOn(Contact::primary).hasSize(1);

            contacts.addAddress(new Address(null, customer, "billing", "Main St 1", null, "Berlin", null, "10115", "DE", true,
                    false, 0));
            contacts.addAddress(new Address(null, customer, "billing", "New St 2", null, "Berlin", null, "10117", "DE", true,
                    true, 0));
            assertThat(contacts.addresses(customer)).filteredOn(Address::defaultBilling).extracting(Address::line1)
                    .containsExactly("New St 2");

            ActivityService activities = Crm.of(session).activities();
            activities.log("call", "Intro call", "Went well", null, null, customer, null, null);
            UUID overdue = activities.log("task", "Send the offer", null, OffsetDateTime.now().minusHours(2), null, customer,
                    null, null);
            activities.log("task", "Visit next month", null, OffsetDateTime.now().plusDays(30), null, customer, null, null);
            assertThat(activities.timeline(customer, 10)).extracting(Activity::subject)
                    .containsExactly("Visit next month", "Send the offer", "Intro call");
            assertThat(activities.myDay(OffsetDateTime.now().plusDays(1), 10)).extracting(Activity::subject)
                    .containsExactly("Send the offer");
            assertThat(activities.notifyDueTasks()).isEqualTo(1);
            assertThat(activities.notifyDueTasks()).as("once per task").isZero();
            assertThat(activities.unreadNotifications()).containsExactly("Send the offer");
            assertThat(activities.markNotificationsRead()).isEqualTo(1);
            assertThat(activities.unreadNotifications()).isEmpty();
            activities.complete(overdue, "Sent");
            assertThat(activities.myDay(OffsetDateTime.now().plusDays(1), 10)).isEmpty();
        } finally {
            session.person().close();
        }
    }
}
