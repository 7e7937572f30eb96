package com.workline.persistence.projects;

import com.workline.persistence.common.Problem;
import com.workline.persistence.session.TenantSession;
import com.workline.persistence.testing.Sql;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import static com.workline.persistence.projects.TimeWorld.day;
import static com.workline.persistence.projects.TimeWorld.problemOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rates and rounding of time entries against the real database: resolved from the rate cards when the entry is
 * recorded (customer's card, else the default card; person, role, everyone; the entry's date), frozen after a rate
 * change, rated again only while open or by a manager's re-rate of unbilled entries; costs for managers only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateResolutionTest {
    private TimeWorld w;
    private UUID customerCard;
    private UUID everyoneItem;

    @BeforeAll
    void world() {
        w = new TimeWorld("Rates");
        everyoneItem = w.rate(w.defaultCard, w.consulting, null, null, "2026-01-01", null, "100", "40");
        w.rate(w.defaultCard, w.consulting, "employee", null, "2026-01-01", null, "90", "35");
        w.rate(w.defaultCard, w.consulting, null, w.colleaguePerson.userId(), "2026-01-01", null, "120", null);
        w.rate(w.defaultCard, w.design, null, null, "2026-01-01", null, "80", null);
        customerCard = w.customerCard(w.customer);
        w.rate(customerCard, w.consulting, null, null, "2026-01-01", "2026-05-31", "200", "50");
        w.rate(customerCard, w.consulting, null, null, "2026-06-01", null, "210", "55");
    }

    @AfterAll
    void close() {
        w.close();
    }

    private TimeEntry record(TenantSession who, UUID project, String date, int minutes, UUID category) {
        return w.of(who).time().create(TimeEntryInput.of(day(date), minutes, project, null).withServiceCategory(category));
    }

    private TenantSession employee() {
        return w.employee;
    }

    @Test
    @DisplayName("the customer's own card wins over the default card's person and role rates, by the entry's date")
    void customerCardByDate() {
        UUID project = w.project("Card", w.customer).project().id();
        TimeEntry march = record(employee(), project, "2026-03-02", 90, w.consulting);
        assertThat(march.billingRate()).isEqualByComparingTo("200");
        assertThat(march.amount()).isEqualByComparingTo("300.00");
        assertThat(march.amount().scale()).isEqualTo(2);
        assertThat(record(employee(), project, "2026-07-01", 60, w.consulting).billingRate()).isEqualByComparingTo("210");
        // A category the customer's card has no rate for comes from the default card.
        assertThat(record(employee(), project, "2026-03-02", 60, w.design).billingRate()).isEqualByComparingTo("80");
    }

    @Test
    @DisplayName("on the default card: the person's rate, else the role's, else everyone's; no rate: no amount")
    void personRoleEveryone() {
        UUID project = w.project("Default", w.otherCustomer).project().id();
        assertThat(record(employee(), project, "2026-03-02", 60, w.consulting).billingRate()).isEqualByComparingTo("90");
        assertThat(record(w.colleague, project, "2026-03-02", 60, w.consulting).billingRate())
                .isEqualByComparingTo("120");
        assertThat(record(w.manager, project, "2026-03-02", 60, w.consulting).billingRate())
                .isEqualByComparingTo("100");
        UUID noRates = (UUID) w.asOwnerRole("INSERT INTO app.service_categories (organization_id, name) VALUES (?, 'Unrated') "
                + "RETURNING id", w.org);
        TimeEntry unrated = record(employee(), project, "2026-03-02", 60, noRates);
        assertThat(unrated.billingRate()).isNull();
        assertThat(unrated.amount()).isEqualByComparingTo("0");
        // Before any rate was valid.
        assertThat(record(employee(), project, "2025-12-31", 60, w.consulting).billingRate()).isNull();
    }

    @Test
    @DisplayName("the task's service category and billable flag are the defaults; non-billable time carries no amount")
    void defaultsFromTask() {
        ProjectDetails project = w.project("Tasks", w.otherCustomer);
        ProjectTask internal = w.of(w.manager).tasks().create(ProjectTask.create(project.project().id(), null, "Internal")
                .withBilling(w.design, false));
        TimeEntry entry = w.of(w.employee).time().create(TimeEntryInput.of(day("2026-03-03"), 45, project.project().id(),
                internal.id()));
        assertThat(entry.serviceCategoryId()).isEqualTo(w.design);
        assertThat(entry.billable()).isFalse();
        assertThat(entry.billingRate()).isEqualByComparingTo("80");
        assertThat(entry.amount()).isEqualByComparingTo("0");
        TimeEntry billed = w.of(w.employee).time().update(entry.id(), entry.version(), entry.input().withBillable(true));
        assertThat(billed.amount()).isEqualByComparingTo("60.00");
    }

    @Test
    @DisplayName("a rate change does not rewrite recorded time; a change of the entry's date rates an open entry again")
    void frozenAfterRateChange() {
        UUID project = w.project("Frozen", null).project().id();
        UUID manager = w.managerPerson.userId();
        TimeEntry entry = w.of(w.manager).time().create(TimeEntryInput.of(day("2026-04-01"), 30, project, null)
                .withServiceCategory(w.consulting));
        assertThat(entry.billingRate()).isEqualByComparingTo("100");
        w.asOwnerRole("UPDATE app.rate_card_items SET billing_rate = 130 WHERE organization_id = ? AND id = ? RETURNING id",
                w.org, everyoneItem);
        try {
            TimeEntry edited = w.of(w.manager).time().update(entry.id(), entry.version(), entry.input().withDescription("still 100"));
            assertThat(edited.billingRate()).as("frozen").isEqualByComparingTo("100");
            assertThat(edited.amount()).isEqualByComparingTo("50.00");
            TimeEntry moved = w.of(w.manager).time().update(edited.id(), edited.version(), edited.input().withDate(day("2026-04-02")));
            assertThat(moved.billingRate()).as("rated again: its date changed while open").isEqualByComparingTo("130");
            assertThat(moved.amount()).isEqualByComparingTo("65.00");
            assertThat(manager).isEqualTo(moved.userId());
        } finally {
            w.asOwnerRole("UPDATE app.rate_card_items SET billing_rate = 100 WHERE organization_id = ? AND id = ? RETURNING id",
                    w.org, everyoneItem);
        }
    }

    @Test
    @DisplayName("re-rating: managers only, unbilled entries only, costs follow")
    void rerate() throws SQLException {
        UUID project = w.project("Rerate", w.otherCustomer).project().id();
        TimeEntry open = w.of(w.manager).time().create(TimeEntryInput.of(day("2026-04-06"), 60, project, null)
                .withServiceCategory(w.consulting));
        TimeEntry billed = w.of(w.manager).time().create(TimeEntryInput.of(day("2026-04-07"), 60, project, null)
                .withServiceCategory(w.consulting));
        w.asSuperuser("UPDATE app.time_entries SET status = 'invoiced', invoice_line_id = gen_random_uuid() WHERE id = ?",
                billed.id());
        UUID item = (UUID) w.superValue("SELECT rate_card_item_id FROM app.time_entries WHERE id = ?", open.id());
        w.asOwnerRole("UPDATE app.rate_card_items SET billing_rate = 111 WHERE organization_id = ? AND id = ? RETURNING id",
                w.org, item);
        w.asOwnerRole("UPDATE app.rate_card_item_costs SET cost_rate = 44 WHERE organization_id = ? AND rate_card_item_id = ? "
                + "RETURNING id", w.org, item);
        try {
            assertThatThrownBy(() -> w.of(w.employee).time().rerate(project, day("2026-04-01"), day("2026-04-30")))
                    .satisfies(e -> assertThat(problemOf(e)).isEqualTo(Problem.NOT_ALLOWED));
            assertThat(w.of(w.manager).time().rerate(project, day("2026-04-01"), day("2026-04-30"))).isEqualTo(1);
            assertThat(w.of(w.manager).time().load(open.id()).billingRate()).isEqualByComparingTo("111");
            assertThat(w.of(w.manager).time().load(open.id()).amount()).isEqualByComparingTo("111.00");
            assertThat(w.of(w.manager).time().load(billed.id()).billingRate()).as("invoiced stays").isEqualByComparingTo("100");
            assertThat(w.of(w.manager).time().costs(List.of(open.id())).get(open.id()).costAmount()).isEqualByComparingTo("44.00");
        } finally {
            w.asOwnerRole("UPDATE app.rate_card_items SET billing_rate = 100 WHERE organization_id = ? AND id = ? RETURNING id",
                    w.org, item);
            w.asOwnerRole("UPDATE app.rate_card_item_costs SET cost_rate = 40 WHERE organization_id = ? AND rate_card_item_id = ? "
                    + "RETURNING id", w.org, item);
        }
    }

    @Test
    @DisplayName("costs: frozen with the rate, raw minutes x cost rate; readable (with their history) by managers only")
    void costsForManagersOnly() throws SQLException {
        UUID project = w.project("Costs", w.customer).project().id();
        TimeEntry entry = record(employee(), project, "2026-03-09", 95, w.consulting);
        assertThat(w.of(w.manager).time().costs(List.of(entry.id())).get(entry.id()))
                .satisfies(c -> {
                    assertThat(c.costRate()).isEqualByComparingTo("50");
                    assertThat(c.costAmount()).isEqualByComparingTo("79.17");
                });
        assertThat(w.of(w.employee).time().costs(List.of(entry.id()))).isEmpty();
        assertThat(w.of(w.employee).reports().report(TimeReportQuery.between(day("2026-03-09"), day("2026-03-09"))
                .ofProject(project), TimeReportGrouping.PROJECT).get(0).costAmount()).isNull();
        for (var person : List.of(w.employeePerson, w.viewerPerson)) {
            try (Connection c = w.plain(person)) {
                assertThat(Sql.count(c, "SELECT count(*) FROM app.time_entry_costs")).isZero();
                assertThat(Sql.count(c, "SELECT count(*) FROM audit.audit_log WHERE table_name = 'app.time_entry_costs'")).isZero();
            }
        }
        try (Connection c = w.plain(w.managerPerson)) {
            assertThat(Sql.count(c, "SELECT count(*) FROM app.time_entry_costs WHERE time_entry_id = ?", entry.id())).isOne();
            assertThat(Sql.count(c, "SELECT count(*) FROM audit.audit_log WHERE table_name = 'app.time_entry_costs'")).isPositive();
        }
    }

    @Test
    @DisplayName("rounding: the project's rule, else the customer's, else the organization's; frozen on the entry")
    void roundingRules() {
        TimeSettings settings = w.of(w.owner).settings().load();
        w.of(w.owner).settings().save(settings.withRounding(new RoundingRule(15, RoundingDirection.UP)));
        UUID roundedCustomer = (UUID) w.asOwnerRole("INSERT INTO app.customers (organization_id, name) VALUES (?, 'Rounded') "
                + "RETURNING id", w.org);
        w.of(w.manager).settings().setCustomerRounding(roundedCustomer, new RoundingRule(6, RoundingDirection.NEAREST));
        assertThatThrownBy(() -> w.of(w.employee).settings().setCustomerRounding(roundedCustomer, null))
                .satisfies(e -> assertThat(problemOf(e)).isEqualTo(Problem.NOT_ALLOWED));
        try {
            UUID plain = w.project("Org rule", w.otherCustomer).project().id();
            UUID ofCustomer = w.project("Customer rule", roundedCustomer).project().id();
            ProjectDetails own = w.project("Project rule", roundedCustomer);
            w.of(w.manager).projects().update(own.project().withRounding(new RoundingRule(30, RoundingDirection.DOWN)));

            TimeEntry a = record(employee(), plain, "2026-03-10", 17, w.consulting);
            assertThat(a.rounding()).isEqualTo(new RoundingRule(15, RoundingDirection.UP));
            assertThat(a.billableMinutes()).isEqualTo(30);
            assertThat(a.rawMinutes()).isEqualTo(17);
            TimeEntry b = record(employee(), ofCustomer, "2026-03-10", 9, w.consulting);
            assertThat(b.billableMinutes()).as("9 to the nearest 6, a half goes up").isEqualTo(12);
            assertThat(record(employee(), own.project().id(), "2026-03-10", 59, w.consulting).billableMinutes()).isEqualTo(30);

            // The organization's rule changes: the recorded entry keeps its rule, also when its minutes change.
            w.of(w.owner).settings().save(w.of(w.owner).settings().load().withRounding(RoundingRule.NONE));
            TimeEntry changed = w.of(w.employee).time().update(a.id(), a.version(), a.input().withMinutes(31));
            assertThat(changed.billableMinutes()).isEqualTo(45);
        } finally {
            w.of(w.owner).settings().save(w.of(w.owner).settings().load().withRounding(RoundingRule.NONE));
        }
    }
}
