package com.workline.persistence.tenancy;

import com.workline.persistence.catalog.Catalog;
import com.workline.persistence.catalog.ServiceCategory;
import com.workline.persistence.projects.ApprovalService;
import com.workline.persistence.projects.BillingType;
import com.workline.persistence.projects.Project;
import com.workline.persistence.projects.ProjectDetails;
import com.workline.persistence.projects.ProjectService;
import com.workline.persistence.projects.ProjectStatus;
import com.workline.persistence.projects.ProjectTask;
import com.workline.persistence.projects.Projects;
import com.workline.persistence.projects.RoundingDirection;
import com.workline.persistence.projects.RoundingRule;
import com.workline.persistence.projects.TaskService;
import com.workline.persistence.projects.TimeEntryInput;
import com.workline.persistence.quoting.QuoteRow;
import com.workline.persistence.quoting.QuoteStatus;
import com.workline.persistence.quoting.Quoting;
import com.workline.persistence.session.TenantSession;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The demo company's projects and time, made the way people make them: the manager creates a project from the accepted
 * demo quote (its service lines become the budget), a maintenance project for a customer with its own rounding and
 * budget, and an internal, non-billable one, each with tasks (phases and steps with service categories, assignees,
 * estimates) and members; then everyone records the last six weeks through the time service (the database rates and
 * rounds each entry) and the weeks go through approval: older weeks approved by the manager (the manager's own by the
 * owner), one of the employee's rejected with a reason, the last two weeks submitted and waiting in the manager's queue,
 * and this week still a draft.
 */
final class DemoTime {
    /** How many weeks before this one carry time. */
    static final int WEEKS = 5;
    static final String REJECTION = "Please book the travel to the customer separately (task Travel).";

    private final TenantSession owner;
    private final TenantSession admin;
    private final TenantSession manager;
    private final TenantSession employee;
    private final LocalDate today;
    private final List<ServiceCategory> categories;
    /** The project from the quote and how much of it may be booked: a little over its budget, to show that. */
    private UUID quoteProject;
    private long quoteProjectLeft;

    private record Work(UUID project, UUID task, String description) {
    }

    private DemoTime(TenantSession owner, TenantSession admin, TenantSession manager, TenantSession employee) {
        this.owner = owner;
        this.admin = admin;
        this.manager = manager;
        this.employee = employee;
        this.today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        this.categories = Catalog.of(manager).serviceCategories().list();
    }

    /** The demo's projects and time; each session is one of the demo people, signed in to the demo company. */
    static void create(TenantSession owner, TenantSession admin, TenantSession manager, TenantSession employee) {
        new DemoTime(owner, admin, manager, employee).create();
    }

    private UUID category(String name) {
        return categories.stream().filter(c -> c.name().equals(name)).map(ServiceCategory::id).findFirst().orElse(null);
    }

    private UUID id(TenantSession session) {
        return session.person().userId();
    }

    private void create() {
        ProjectService projects = Projects.of(manager).projects();
        TaskService tasks = Projects.of(manager).tasks();
        LocalDate start = today.with(DayOfWeek.MONDAY).minusWeeks(WEEKS + 1);

        // From the accepted quote: its service lines are the budget; it starts now.
        QuoteRow accepted = Quoting.of(manager).quotes().list(QuoteStatus.ACCEPTED, null, null, 1).rows().get(0);
        ProjectDetails fromQuote = projects.createFromQuote(accepted.id());
        fromQuote = projects.update(fromQuote.project().withStatus(ProjectStatus.ACTIVE).withDates(start, start.plusMonths(4)));
        UUID welding = fromQuote.project().id();
        quoteProject = welding;
        quoteProjectLeft = fromQuote.project().budgetMinutes() == null ? 0 : fromQuote.project().budgetMinutes() * 108L / 100;
        UUID weldingPlan = tasks.create(ProjectTask.create(welding, null, "Engineering").withBilling(category("Consulting"), null)
                .withEstimate(16 * 60)).id();
        UUID weldingDrawings = tasks.create(ProjectTask.create(welding, weldingPlan, "Drawings and cell layout")
                .withBilling(category("Consulting"), null).withEstimate(10 * 60).withAssignee(id(employee), start.plusWeeks(3))).id();
        UUID weldingInstall = tasks.create(ProjectTask.create(welding, null, "Installation on site")
                .withBilling(category("Installation"), null).withEstimate(24 * 60).withAssignee(id(admin), start.plusWeeks(8))).id();
        UUID weldingTravel = tasks.create(ProjectTask.create(welding, weldingInstall, "Travel")
                .withBilling(category("Installation"), false)).id();

        // A maintenance contract for the year billed by the quarter hour (up), with a budget of 400 hours.
        QuoteRow maintenanceQuote = Quoting.of(manager).quotes().list(QuoteStatus.SENT, "Annual maintenance", null, 1).rows()
                .stream().findFirst().orElse(accepted);
        UUID maintenanceCustomer = Quoting.of(manager).quotes().load(maintenanceQuote.id()).customerId();
        UUID maintenance = projects.create(Project.create("Line 3 maintenance", maintenanceCustomer)
                .withStatus(ProjectStatus.ACTIVE).withDates(start.minusWeeks(2), null).withManager(id(manager))
                .withBudget(400 * 60, new BigDecimal("32000.00"), false)
                .withRounding(new RoundingRule(15, RoundingDirection.UP))).project().id();
        UUID inspections = tasks.create(ProjectTask.create(maintenance, null, "Monthly inspections")
                .withBilling(category("Support"), null).withAssignee(id(employee), null)).id();
        UUID repairs = tasks.create(ProjectTask.create(maintenance, null, "Repairs").withBilling(category("Support"), null)).id();
        UUID remote = tasks.create(ProjectTask.create(maintenance, repairs, "Remote diagnosis")
                .withBilling(category("Support"), null)).id();

        // Internal and not billed.
        UUID audit = projects.create(Project.create("ISO 9001 audit", null).withStatus(ProjectStatus.ACTIVE)
                .withDefaultBillable(false).withBillingType(BillingType.FIXED_PRICE).withManager(id(manager))
                .withDates(start, null)).project().id();
        UUID auditPrep = tasks.create(ProjectTask.create(audit, null, "Preparation").withAssignee(id(manager), null)).id();
        UUID auditDocs = tasks.create(ProjectTask.create(audit, auditPrep, "Process documentation")
                .withAssignee(id(admin), null)).id();

        for (UUID project : List.of(welding, maintenance, audit)) {
            for (TenantSession person : List.of(owner, admin, manager, employee)) {
                projects.addMember(project, id(person), null);
            }
        }

        List<Work> erik = List.of(new Work(welding, weldingDrawings, "Cell layout, second version"),
                new Work(maintenance, inspections, "Inspection line 3"), new Work(welding, weldingTravel, "Travel to the customer"),
                new Work(maintenance, remote, "Controller fault, remote session"), new Work(audit, auditDocs, "Work instructions"));
        List<Work> adam = List.of(new Work(audit, auditDocs, "Process map"), new Work(welding, weldingInstall, "Site preparation"),
                new Work(maintenance, repairs, "Replaced the drive belt"));
        List<Work> maria = List.of(new Work(welding, weldingPlan, "Kick-off with the customer"),
                new Work(audit, auditPrep, "Audit plan"), new Work(maintenance, inspections, "Review of the inspection reports"));
        List<Work> olivia = List.of(new Work(audit, auditPrep, "Management review"));

        ApprovalService decide = Projects.of(manager).approvals();
        for (int age = WEEKS; age >= 0; age--) {
            LocalDate monday = today.with(DayOfWeek.MONDAY).minusWeeks(age);
            record(employee, erik, monday, age);
            record(manager, maria, monday, age);
            if (age <= 4) {
                record(admin, adam, monday, age);
            }
            if (age <= 2) {
                record(owner, olivia, monday, age);
            }
            if (age == 0) {
                continue; // this week: drafts
            }
            // Everybody submits their weeks but this one.
            Projects.of(employee).approvals().submitWeek(monday);
            Projects.of(manager).approvals().submitWeek(monday);
            if (age <= 4) {
                Projects.of(admin).approvals().submitWeek(monday);
            }
            if (age >= 3) {
                // Older weeks are decided: the manager approves the others', the owner the manager's.
                if (age == 3) {
                    decide.reject(id(employee), monday, REJECTION);
                } else {
                    decide.approve(id(employee), monday);
                }
                if (age <= 4) {
                    decide.approve(id(admin), monday);
                }
                Projects.of(owner).approvals().approve(id(manager), monday);
            }
        }
    }

    /** A person's working days of a week (up to today): two or three pieces of work adding up to 6 to 8.5 hours. */
    private void record(TenantSession person, List<Work> work, LocalDate monday, int age) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = monday; day.isBefore(monday.plusDays(5)) && !day.isAfter(today); day = day.plusDays(1)) {
            days.add(day);
        }
        int[][] pattern = {{240, 150, 90}, {300, 180}, {210, 120, 105}, {330, 150}, {180, 195, 45}};
        for (LocalDate day : days) {
            int index = (day.getDayOfWeek().getValue() - 1 + age) % pattern.length;
            int[] minutes = pattern[index];
            for (int k = 0; k < minutes.length; k++) {
                Work w = work.get((index + k + age) % work.size());
                if (w.project().equals(quoteProject)) {
                    if (quoteProjectLeft < minutes[k]) {
                        // The quote's budget is (a little more than) booked: the rest of the day goes to the others.
                        w = work.stream().filter(other -> !other.project().equals(quoteProject)).findFirst().orElseThrow();
                    } else {
                        quoteProjectLeft -= minutes[k];
                    }
                }
                Projects.of(person).time().create(TimeEntryInput.of(day, minutes[k], w.project(), w.task())
                        .withDescription(w.description()));
            }
        }
    }
}
