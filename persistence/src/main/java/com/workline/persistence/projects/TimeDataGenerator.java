package com.workline.persistence.projects;

import com.workline.persistence.admin.NewPerson;
import com.workline.persistence.admin.OrganizationProvisioning;
import com.workline.persistence.db.BulkLoad;
import com.workline.persistence.db.DatabaseErrors;
import com.workline.persistence.db.RoleNames;
import com.workline.persistence.session.Role;
import com.workline.persistence.time.TimeRounding;
import com.workline.persistence.time.WorkCalendar;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Projects and time at scale for benchmarks and load tests, written with COPY in batches as the owner role (like the
 * other areas' scale data), for an organization that already has customers and a catalog (service categories and the
 * default rate card): {@code people} new people (a twentieth of them managers), two projects per person over the last
 * two years (most for customers, a few internal ones everybody books on; some with their own rounding, some customers
 * with theirs or with their own rate card), their tasks (phases with subtasks, each with a service category) and
 * members, and {@code entries} time entries spread evenly over the working days (the organization's holiday calendar)
 * of the last two years, a working day's hours split into pieces.
 *
 * <p>Every entry carries what the database's rules trigger would give it (docs/time-rules.md): the rounding rule of
 * its project, else its customer, else the organization; the billing rate resolved from the rate cards exactly as
 * {@code app.resolve_time_rate} does (the customer's card before the default one; the person's item before the role's
 * before everyone's; valid on the entry's day; the latest start); billable minutes and amount by the one rule
 * ({@link TimeRounding}, half up once to the currency's digits), and its cost from the item's cost rate. With a
 * superuser the triggers are skipped and these values are written as they are (with the costs); with a member of the
 * owner role every trigger runs and computes the same. The statuses follow the weeks' age: the current week draft,
 * last week mostly submitted, older weeks approved (a few rejected with a reason recently), and weeks older than three
 * months invoiced (billable time of customers' projects, one invoice line per project and month); each week's history
 * is in {@code app.time_approval_events}. Some people have a timer running. Afterwards the projects' running totals are
 * recomputed ({@code app.refresh_project_time_totals}), budgets set around what was booked (some over), and old
 * projects completed.
 */
public final class TimeDataGenerator {
    public static final int DEFAULT_PEOPLE = 100;
    /** The e-mail domain of generated people (never deliverable). */
    public static final String EMAIL_DOMAIN = "scale.workline.invalid";
    /** Entries per COPY batch (one transaction each). */
    private static final int BATCH = 50_000;
    private static final int YEARS = 2;
    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

    private static final String[] FIRST = {"Anna", "Ben", "Clara", "David", "Eva", "Felix", "Greta", "Hannes", "Ida", "Jonas",
            "Katrin", "Lukas", "Mia", "Noah", "Olga", "Paul", "Rosa", "Simon", "Tara", "Uwe", "Vera", "Willem", "Yara", "Zoe"};
    private static final String[] LAST = {"Adler", "Becker", "Conrad", "Dietrich", "Engel", "Fischer", "Graf", "Hoffmann",
            "Imhof", "Jung", "Keller", "Lang", "Maier", "Neumann", "Otto", "Peters", "Quast", "Richter", "Schulz", "Thiel"};
    private static final String[] SUBJECT = {"Line retrofit", "Plant maintenance", "Conveyor upgrade", "Control cabinets",
            "Welding cell", "Packaging line", "Safety inspection", "Pump station", "Commissioning", "Sensor rollout",
            "Spare parts service", "Robot integration", "Energy audit", "Documentation"};
    private static final String[] PHASE = {"Planning", "Engineering", "Installation", "Commissioning", "Support"};
    private static final String[] STEP = {"Site survey", "Drawings", "Wiring", "Programming", "Testing", "Training",
            "Hand-over", "Meetings", "Travel", "Reports"};
    private static final String[] INTERNAL = {"Internal: administration", "Internal: training", "Internal: sales support"};
    private static final String[] WORK = {"Meeting with the customer", "Remote support", "On-site work", "Drawings updated",
            "Tests", "Preparation", "Phone call", "Report written", "Parts ordered", "Commissioning"};
    private static final String[] REASON = {"Please split the travel time from the work.", "Tuesday looks too long.",
            "Wrong project on Thursday.", "Missing descriptions."};
    private static final RoundingRule[] PROJECT_ROUNDING = {new RoundingRule(15, RoundingDirection.UP),
            new RoundingRule(6, RoundingDirection.NEAREST), new RoundingRule(30, RoundingDirection.DOWN)};

    private final DataSource admin;
    private final RoleNames roles;
    private final Consumer<String> progress;
    private final SplittableRandom random = new SplittableRandom(23);

    public TimeDataGenerator(DataSource admin, RoleNames roles, Consumer<String> progress) {
        this.admin = admin;
        this.roles = roles;
        this.progress = progress;
    }

    /** What was written. */
    public record Result(int people, int projects, int tasks, long entries, int runningTimers, long approvalEvents,
                         long millis) {
    }

    /** The e-mail of the {@code n}-th generated person of an organization (1-based). */
    public static String email(UUID organizationId, int n) {
        return "time" + n + "." + organizationId.toString().substring(0, 8) + "@" + EMAIL_DOMAIN;
    }

    private record Person(UUID id, int index, Role role, boolean usesTimer) {
    }

    private record Task(UUID id, UUID category, Boolean billable) {
    }

    private static final class Project {
        UUID id;
        UUID customer;
        boolean internal;
        LocalDate start;
        LocalDate end;
        RoundingRule ownRounding;
        RoundingRule rounding;
        UUID manager;
        final List<Task> tasks = new ArrayList<>();
        final List<Task> bookable = new ArrayList<>();

        boolean activeOn(LocalDate day) {
            return !day.isBefore(start) && (end == null || !day.isAfter(end));
        }
    }

    /** A rate card item as {@code app.resolve_time_rate} sees it, with the cost rate {@code app.time_entry_cost} reads. */
    private record RateItem(UUID id, UUID cardCustomer, boolean defaultCard, UUID category, String role, UUID user,
                            LocalDate from, LocalDate until, BigDecimal rate, BigDecimal costRate) {
        boolean validOn(LocalDate day) {
            return !from.isAfter(day) && (until == null || !until.isBefore(day));
        }

        /** Lower is preferred: the customer's card, then the person's item, the role's, everyone's; then the latest start. */
        int rank() {
            return (cardCustomer != null ? 0 : 10) + (user != null ? 0 : role != null ? 1 : 2);
        }
    }

    /** A person's week: its status, history, and what it holds (for the history's figures). */
    private static final class Week {
        String status;
        Instant submitted;
        Instant approved;
        UUID approver;
        String reason;
        int entries;
        long minutes;
    }

    /** What the organization is like. */
    private record Basics(ZoneId zone, int digits, RoundingRule rounding, WorkCalendar calendar, List<UUID> categories,
                          List<UUID> customers) {
    }

    /**
     * Adds {@code people} people, their projects and tasks, and {@code entries} time entries over the last two years to
     * an organization with customers and a catalog.
     */
    public Result fill(UUID org, int people, long entries) {
        if (people < 3) {
            throw new IllegalArgumentException("Time data needs at least 3 people.");
        }
        long started = System.nanoTime();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<Person> persons = people(org, people);
        try (Connection c = admin.getConnection()) {
            c.setAutoCommit(false);
            BulkLoad.asOwner(c, roles);
            boolean triggersRun = !"replica".equals(value(c, "SELECT current_setting('session_replication_role')"));
            Basics basics = basics(c, org);
            LocalDate today = LocalDate.ofInstant(now, basics.zone());
            LocalDate first = today.minusYears(YEARS).with(DayOfWeek.MONDAY);
            List<Project> projects = projects(c, org, persons, basics, first, today);
            int tasks = tasks(c, org, projects, basics);
            Map<UUID, List<Project>> projectsOf = members(c, org, persons, projects);
            List<RateItem> rates = rates(c, org, persons, projects, basics, first);
            c.commit();

            Ids ids = new Ids(now.toEpochMilli() - entries - 10_000);
            Map<String, Week> weeks = new HashMap<>();
            long written = entries(c, org, persons, projectsOf, projects, rates, basics, first, today, now, entries, ids,
                    weeks, !triggersRun);
            int timers = runningTimers(c, org, persons, projectsOf, projects, rates, basics, today, now, ids, !triggersRun);
            BulkLoad.asOwner(c, roles);
            long events = history(c, org, weeks, ids);
            finish(c, org, today);
            c.commit();
            try (Statement s = c.createStatement()) {
                s.execute("RESET ROLE");
            }
            c.commit();
            c.setAutoCommit(true);
            // VACUUM too: the visibility map lets the reports and the week read their indexes without visiting every row
            // (what autovacuum would do some minutes later; the benchmark comes right after).
            try (Statement s = c.createStatement()) {
                s.execute("VACUUM (ANALYZE) app.projects, app.project_tasks, app.project_members, app.time_entries, "
                        + "app.time_entry_costs, app.project_time_totals, app.time_approval_events");
            }
            return new Result(persons.size(), projects.size(), tasks, written, timers, events,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException e) {
            throw DatabaseErrors.translate(e);
        }
    }

    // ------------------------------------------------------------------------------------------ people and basics

    /** New members with logins (random passwords: IT or a benchmark sets one when it signs someone in). */
    private List<Person> people(UUID org, int count) {
        OrganizationProvisioning provisioning = new OrganizationProvisioning(admin, roles);
        int managers = Math.max(2, count / 20);
        SecureRandom secure = new SecureRandom();
        List<Person> persons = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            byte[] bytes = new byte[18];
            secure.nextBytes(bytes);
            Role role = n <= managers ? Role.MANAGER : Role.EMPLOYEE;
            UUID id = provisioning.addPerson(org, new NewPerson(email(org, n), FIRST[(n - 1) % FIRST.length],
                    LAST[((n - 1) / FIRST.length + n) % LAST.length], role,
                    Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).toCharArray()));
            persons.add(new Person(id, n, role, n % 2 == 0));
            if (count >= 50 && n % 50 == 0) {
                progress.accept(String.format("  %d / %d people", n, count));
            }
        }
        return persons;
    }

    private Basics basics(Connection c, UUID org) throws SQLException {
        ZoneId zone;
        int digits;
        RoundingRule rounding;
        WorkCalendar calendar;
        try (PreparedStatement ps = c.prepareStatement("SELECT timezone, app.currency_digits(base_currency), time_rounding_unit, "
                + "time_rounding_direction, holiday_country, holiday_subdivision FROM app.organizations WHERE id = ?")) {
            ps.setObject(1, org);
            ResultSet rs = ps.executeQuery();
            if (!rs.next()) {
                throw new IllegalArgumentException("No organization " + org);
            }
            zone = ZoneId.of(rs.getString(1));
            digits = rs.getInt(2);
            rounding = RoundingRule.of(rs.getInt(3), rs.getString(4));
            calendar = WorkCalendar.of(rs.getString(5), rs.getString(6), null);
        }
        List<UUID> categories = ids(c, "SELECT id FROM app.service_categories WHERE organization_id = ? AND active ORDER BY name",
                org);
        if (categories.isEmpty()) {
            throw new IllegalStateException("The organization has no service categories: generate its catalog first.");
        }
        List<UUID> customers = ids(c, "SELECT id FROM app.customers WHERE organization_id = ? AND deleted_at IS NULL "
                + "ORDER BY md5(id::text) LIMIT 2000", org);
        if (customers.isEmpty()) {
            throw new IllegalStateException("The organization has no customers to work for.");
        }
        return new Basics(zone, digits, rounding, calendar, categories, customers);
    }

    // ------------------------------------------------------------------------------------------ projects, tasks, members

    /**
     * Two projects per person for customers, started over the two years (some open-ended, most running 2 to 14 months),
     * and the internal ones for everybody; all active while their time is written (the rules accept bookings only then).
     */
    private List<Project> projects(Connection c, UUID org, List<Person> persons, Basics basics, LocalDate first,
                                   LocalDate today) throws SQLException {
        List<Person> managers = persons.stream().filter(p -> p.role() == Role.MANAGER).toList();
        List<Project> projects = new ArrayList<>();
        for (String name : INTERNAL) {
            Project p = new Project();
            p.internal = true;
            p.start = first;
            p.manager = managers.get(0).id();
            projects.add(p);
        }
        int count = persons.size() * 2;
        long span = ChronoUnit.DAYS.between(first, today.minusDays(30));
        for (int i = 0; i < count; i++) {
            Project p = new Project();
            p.customer = basics.customers().get(random.nextInt(Math.min(basics.customers().size(), Math.max(20, count / 2))));
            p.start = first.plusDays(random.nextLong(span));
            p.end = random.nextInt(10) < 3 ? null : p.start.plusDays(60 + random.nextInt(360));
            p.ownRounding = random.nextInt(5) == 0 ? PROJECT_ROUNDING[random.nextInt(PROJECT_ROUNDING.length)] : null;
            p.manager = managers.get(random.nextInt(managers.size())).id();
            projects.add(p);
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO app.projects (organization_id, number, name, customer_id, status, start_date, end_date, manager_id,
                                          default_billable, time_rounding_unit, time_rounding_direction, created_by, created_at)
                VALUES (?, sec.issue_number(?, 'project', ?), ?, ?, 'active', ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")) {
            int n = 0;
            for (Project p : projects) {
                String name = p.internal ? INTERNAL[n] : SUBJECT[random.nextInt(SUBJECT.length)] + " " + (n + 1);
                ps.setObject(1, org);
                ps.setObject(2, org);
                ps.setObject(3, p.start);
                ps.setString(4, name);
                ps.setObject(5, p.customer);
                ps.setObject(6, p.start);
                ps.setObject(7, p.end);
                ps.setObject(8, p.manager);
                ps.setBoolean(9, !p.internal);
                ps.setObject(10, p.ownRounding == null ? null : p.ownRounding.unitMinutes());
                ps.setString(11, p.ownRounding == null ? null : p.ownRounding.direction().databaseValue());
                ps.setObject(12, p.manager);
                ps.setObject(13, p.start.atTime(9, 0).atZone(basics.zone()).toOffsetDateTime());
                ResultSet rs = ps.executeQuery();
                rs.next();
                p.id = rs.getObject(1, UUID.class);
                n++;
            }
        }
        // A tenth of the customers with projects bill by their own rule (15 minutes up); the rule each entry freezes is
        // the project's, else the customer's, else the organization's.
        Map<UUID, RoundingRule> customerRounding = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("UPDATE app.customers SET time_rounding_unit = 15, "
                + "time_rounding_direction = 'up' WHERE organization_id = ? AND id = ?")) {
            for (Project p : projects) {
                if (p.customer != null && !customerRounding.containsKey(p.customer)) {
                    boolean own = Math.floorMod(p.customer.hashCode(), 10) == 0;
                    customerRounding.put(p.customer, own ? new RoundingRule(15, RoundingDirection.UP) : null);
                    if (own) {
                        ps.setObject(1, org);
                        ps.setObject(2, p.customer);
                        ps.addBatch();
                    }
                }
            }
            ps.executeBatch();
        }
        // Customers may already have had a rule of their own.
        try (PreparedStatement ps = c.prepareStatement("SELECT id, time_rounding_unit, time_rounding_direction FROM app.customers "
                + "WHERE organization_id = ? AND time_rounding_unit IS NOT NULL")) {
            ps.setObject(1, org);
            ResultSet rs = ps.executeQuery();
            while (rs.next()) {
                customerRounding.put(rs.getObject(1, UUID.class), RoundingRule.of(rs.getInt(2), rs.getString(3)));
            }
        }
        for (Project p : projects) {
            RoundingRule ofCustomer = p.customer == null ? null : customerRounding.get(p.customer);
            p.rounding = p.ownRounding != null ? p.ownRounding : ofCustomer != null ? ofCustomer : basics.rounding();
        }
        return projects;
    }

    /** Two to three phases per project with two to three steps each (a service category each); people book on steps. */
    private int tasks(Connection c, UUID org, List<Project> projects, Basics basics) throws SQLException {
        int count = 0;
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO app.project_tasks (organization_id, project_id, parent_task_id, name, status, position,
                                               estimate_minutes, service_category_id, billable)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")) {
            for (Project p : projects) {
                if (p.internal) {
                    Task t = task(ps, org, p, null, "General", 0, null, null, null);
                    p.bookable.add(t);
                    count++;
                    continue;
                }
                int phases = 2 + random.nextInt(2);
                for (int f = 0; f < phases; f++) {
                    UUID category = basics.categories().get(random.nextInt(basics.categories().size()));
                    Task phase = task(ps, org, p, null, PHASE[(f + random.nextInt(2)) % PHASE.length], f, null, category, null);
                    count++;
                    int steps = 2 + random.nextInt(2);
                    for (int s = 0; s < steps; s++) {
                        // A few steps are not billed (coordination, rework).
                        Boolean billable = random.nextInt(12) == 0 ? Boolean.FALSE : null;
                        UUID stepCategory = random.nextInt(4) == 0
                                ? basics.categories().get(random.nextInt(basics.categories().size())) : category;
                        p.bookable.add(task(ps, org, p, phase.id(), STEP[random.nextInt(STEP.length)], s,
                                (4 + random.nextInt(40)) * 60, stepCategory, billable));
                        count++;
                    }
                }
            }
        }
        return count;
    }

    private Task task(PreparedStatement ps, UUID org, Project p, UUID parent, String name, int position, Integer estimate,
                      UUID category, Boolean billable) throws SQLException {
        ps.setObject(1, org);
        ps.setObject(2, p.id);
        ps.setObject(3, parent);
        ps.setString(4, name);
        ps.setString(5, p.end != null && p.end.isBefore(LocalDate.now().minusDays(30)) ? "done" : "in_progress");
        ps.setInt(6, position);
        ps.setObject(7, estimate);
        ps.setObject(8, category);
        ps.setObject(9, billable);
        ResultSet rs = ps.executeQuery();
        rs.next();
        Task task = new Task(rs.getObject(1, UUID.class), category, billable);
        p.tasks.add(task);
        return task;
    }

    /** Everybody is a member of the internal projects and of about eight customers' projects. */
    private Map<UUID, List<Project>> members(Connection c, UUID org, List<Person> persons, List<Project> projects)
            throws SQLException {
        List<Project> external = projects.stream().filter(p -> !p.internal).toList();
        Map<UUID, List<Project>> of = new LinkedHashMap<>();
        StringBuilder rows = new StringBuilder();
        for (Person person : persons) {
            List<Project> mine = new ArrayList<>();
            for (Project p : projects) {
                if (p.internal) {
                    mine.add(p);
                }
            }
            int wanted = Math.min(external.size(), 8);
            while (mine.size() < INTERNAL.length + wanted) {
                Project p = external.get(random.nextInt(external.size()));
                if (!mine.contains(p)) {
                    mine.add(p);
                }
            }
            of.put(person.id(), mine);
            for (Project p : mine) {
                BulkLoad.row(rows, org, UUID.randomUUID(), p.id, person.id(), p.manager.equals(person.id()) ? "Project manager"
                        : "\\N");
            }
        }
        // Project managers are members of their projects too.
        for (Project p : projects) {
            if (!of.get(p.manager).contains(p)) {
                of.get(p.manager).add(p);
                BulkLoad.row(rows, org, UUID.randomUUID(), p.id, p.manager, "Project manager");
            }
        }
        BulkLoad.copyIn(c, "COPY app.project_members (organization_id, id, project_id, user_id, role_in_project) FROM STDIN", rows);
        return of;
    }

    // ------------------------------------------------------------------------------------------ rates

    /**
     * The rate cards as the entries' days need them: the existing items, plus (where nothing is valid then) the default
     * card's older rates for everyone until the current ones start, own cards for a few customers, and rates for two
     * people; each with a cost rate. Returns every item of the default and customers' cards with its latest cost rate.
     */
    private List<RateItem> rates(Connection c, UUID org, List<Person> persons, List<Project> projects, Basics basics,
                                 LocalDate first) throws SQLException {
        UUID defaultCard = (UUID) one(c, "SELECT id FROM app.rate_cards WHERE organization_id = ? AND is_default", org);
        if (defaultCard != null) {
            // Older, lower rates for everyone before the earliest current ones.
            for (Object[] item : rows(c, """
                    SELECT service_category_id, min(valid_from), min(billing_rate)
                      FROM app.rate_card_items
                     WHERE organization_id = ? AND rate_card_id = ? AND role IS NULL AND user_id IS NULL
                     GROUP BY service_category_id HAVING min(valid_from) > ?""", 3, org, defaultCard, first)) {
                LocalDate from = (LocalDate) item[1];
                BigDecimal rate = ((BigDecimal) item[2]).multiply(new BigDecimal("0.9")).setScale(0, RoundingMode.HALF_UP);
                rateItem(c, org, defaultCard, (UUID) item[0], null, null, first.minusYears(1), from.minusDays(1), rate,
                        rate.multiply(new BigDecimal("0.6")).setScale(0, RoundingMode.HALF_UP));
            }
            // Two people with a rate of their own in the first category, for the last year.
            List<Person> employees = persons.stream().filter(p -> p.role() == Role.EMPLOYEE).limit(2).toList();
            for (Person p : employees) {
                if (one(c, "SELECT 1 FROM app.rate_card_items WHERE organization_id = ? AND rate_card_id = ? AND user_id = ?",
                        org, defaultCard, p.id()) == null) {
                    rateItem(c, org, defaultCard, basics.categories().get(0), null, p.id(), LocalDate.now().minusYears(1), null,
                            new BigDecimal("118.50"), new BigDecimal("66"));
                }
            }
        }
        // Five customers with projects get their own card (for every category, all of the two years).
        int cards = 0;
        for (Project p : projects) {
            if (cards >= 5 || p.customer == null) {
                continue;
            }
            if (one(c, "SELECT 1 FROM app.rate_cards WHERE organization_id = ? AND customer_id = ?", org, p.customer) == null) {
                UUID card = (UUID) one(c, "INSERT INTO app.rate_cards (organization_id, name, customer_id) VALUES (?, ?, ?) "
                        + "RETURNING id", org, "Customer rates " + p.customer.toString().substring(0, 8), p.customer);
                for (int k = 0; k < basics.categories().size(); k++) {
                    BigDecimal rate = BigDecimal.valueOf(105 + 10L * k + cards, 0).add(new BigDecimal("0.25"));
                    rateItem(c, org, card, basics.categories().get(k), null, null, first.minusYears(1), null, rate,
                            new BigDecimal("50"));
                }
                cards++;
            }
        }
        List<RateItem> items = new ArrayList<>();
        for (Object[] r : rows(c, """
                SELECT i.id, r.customer_id, r.is_default, i.service_category_id, i.role, i.user_id, i.valid_from, i.valid_until,
                       i.billing_rate,
                       (SELECT k.cost_rate FROM app.rate_card_item_costs k
                         WHERE k.organization_id = i.organization_id AND k.rate_card_item_id = i.id
                         ORDER BY k.created_at DESC LIMIT 1)
                  FROM app.rate_card_items i
                  JOIN app.rate_cards r ON r.organization_id = i.organization_id AND r.id = i.rate_card_id
                 WHERE i.organization_id = ? AND (r.is_default OR r.customer_id IS NOT NULL)""", 10, org)) {
            items.add(new RateItem((UUID) r[0], (UUID) r[1], (Boolean) r[2], (UUID) r[3], (String) r[4], (UUID) r[5],
                    (LocalDate) r[6], (LocalDate) r[7], (BigDecimal) r[8], (BigDecimal) r[9]));
        }
        return items;
    }

    private static void rateItem(Connection c, UUID org, UUID card, UUID category, String role, UUID user, LocalDate from,
                                 LocalDate until, BigDecimal rate, BigDecimal cost) throws SQLException {
        UUID item = (UUID) one(c, "INSERT INTO app.rate_card_items (organization_id, rate_card_id, service_category_id, role, "
                + "user_id, valid_from, valid_until, billing_rate) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", org, card, category,
                role, user, from, until, rate);
        one(c, "INSERT INTO app.rate_card_item_costs (organization_id, rate_card_item_id, cost_rate) VALUES (?, ?, ?) RETURNING id",
                org, item, cost);
    }

    /** What {@code app.resolve_time_rate} gives: null without a category or without an applicable item. */
    private static RateItem resolve(List<RateItem> items, UUID customer, UUID category, Person person, LocalDate day) {
        if (category == null) {
            return null;
        }
        RateItem best = null;
        for (RateItem i : items) {
            boolean card = i.cardCustomer() != null ? i.cardCustomer().equals(customer) : i.defaultCard();
            boolean who = i.user() != null ? i.user().equals(person.id())
                    : i.role() == null || i.role().equals(person.role().databaseValue());
            if (card && who && i.category().equals(category) && i.validOn(day)
                    && (best == null || i.rank() < best.rank() || i.rank() == best.rank() && i.from().isAfter(best.from()))) {
                best = i;
            }
        }
        return best;
    }

    // ------------------------------------------------------------------------------------------ entries

    /**
     * {@code total} entries over the working days from {@code first} to {@code today}: person-day {@code i} of
     * {@code n} gets {@code (i + 1) * total / n - i * total / n} of them, so they add up exactly.
     */
    private long entries(Connection c, UUID org, List<Person> persons, Map<UUID, List<Project>> projectsOf,
                         List<Project> projects, List<RateItem> rates, Basics basics, LocalDate first, LocalDate today,
                         Instant now, long total, Ids ids, Map<String, Week> weeks, boolean writeCosts) throws SQLException {
        List<LocalDate> days = basics.calendar().workingDays(first, today);
        long personDays = (long) days.size() * persons.size();
        List<Project> internal = projects.stream().filter(p -> p.internal).toList();
        Map<String, UUID> invoiceLines = new HashMap<>();
        List<Person> managers = persons.stream().filter(p -> p.role() == Role.MANAGER).toList();
        StringBuilder rows = new StringBuilder(BATCH * 330);
        StringBuilder costs = new StringBuilder(writeCosts ? BATCH * 120 : 0);
        long written = 0;
        long inBatch = 0;
        long index = 0;
        for (LocalDate day : days) {
            LocalDate monday = day.with(DayOfWeek.MONDAY);
            for (Person person : persons) {
                int count = (int) ((index + 1) * total / personDays - index * total / personDays);
                index++;
                if (count == 0) {
                    continue;
                }
                Week week = weeks.computeIfAbsent(person.id() + "/" + monday,
                        k -> week(person, monday, today, now, basics.zone(), managers));
                List<Project> open = new ArrayList<>();
                for (Project p : projectsOf.get(person.id())) {
                    if (!p.internal && p.activeOn(day)) {
                        open.add(p);
                    }
                }
                // Timer users' entries have their start and end (today's are still being typed in).
                boolean timed = person.usesTimer() && day.isBefore(today);
                int[] minutes = split(count, timed);
                Instant clock = day.atTime(LocalTime.of(8, 0)).atZone(basics.zone()).toInstant();
                for (int k = 0; k < count; k++) {
                    Project p = open.isEmpty() || random.nextInt(100) < 12 ? internal.get(random.nextInt(internal.size()))
                            : open.get(random.nextInt(open.size()));
                    Task task = p.bookable.get(random.nextInt(p.bookable.size()));
                    boolean billable = task.billable() != null ? task.billable() : !p.internal;
                    int raw = minutes[k];
                    int rounded = TimeRounding.of(p.rounding.unitMinutes(), p.rounding.direction().databaseValue())
                            .billableMinutes(raw);
                    RateItem rate = resolve(rates, p.customer, task.category(), person, day);
                    BigDecimal amount = billable && rate != null ? money(rounded, rate.rate(), basics.digits())
                            : BigDecimal.ZERO.setScale(basics.digits());
                    String status = week.status;
                    boolean invoiced = "approved".equals(status) && billable && p.customer != null
                            && ChronoUnit.WEEKS.between(monday, today.with(DayOfWeek.MONDAY)) > 12;
                    UUID invoiceLine = null;
                    if (invoiced) {
                        status = "invoiced";
                        invoiceLine = invoiceLines.computeIfAbsent(p.id + "/" + day.withDayOfMonth(1), k2 -> UUID.randomUUID());
                    }
                    Instant created = timed ? clock.plus(raw, ChronoUnit.MINUTES)
                            : day.atTime(LocalTime.of(17, 30)).atZone(basics.zone()).toInstant();
                    if (created.isAfter(now)) {
                        created = now;
                    }
                    Instant updated = week.approved != null ? week.approved : week.submitted != null ? week.submitted : created;
                    // A rejection clears the approval columns (app.reject_week); the history keeps who rejected.
                    boolean approved = "approved".equals(week.status);
                    UUID id = ids.next();
                    BulkLoad.row(rows, org, id, person.id(), day,
                            timed ? clock : "\\N", timed ? clock.plus(raw, ChronoUnit.MINUTES) : "\\N",
                            raw, p.id, task.id(), nullable(task.category()),
                            random.nextInt(3) == 0 ? "\\N" : WORK[random.nextInt(WORK.length)], billable ? "t" : "f",
                            p.rounding.unitMinutes(), p.rounding.direction().databaseValue(), rounded,
                            rate == null ? "\\N" : rate.id(), rate == null ? "\\N" : rate.rate().toPlainString(),
                            amount.toPlainString(), created, status, nullable(week.submitted), approved ? week.approver : "\\N",
                            approved ? week.approved : "\\N", week.reason == null ? "\\N" : week.reason, nullable(invoiceLine),
                            person.id(), created, updated, week.submitted == null ? 0 : week.approved == null ? 1 : 2);
                    if (writeCosts) {
                        BigDecimal costRate = rate == null ? null : rate.costRate();
                        BulkLoad.row(costs, org, ids.next(), id, costRate == null ? "\\N" : costRate.toPlainString(),
                                costRate == null ? BigDecimal.ZERO.toPlainString() : money(raw, costRate, basics.digits())
                                        .toPlainString(), created, updated);
                    }
                    clock = clock.plus(raw, ChronoUnit.MINUTES);
                    week.entries++;
                    week.minutes += raw;
                    written++;
                    inBatch++;
                }
                if (inBatch >= BATCH) {
                    flush(c, rows, costs, writeCosts);
                    inBatch = 0;
                    if (total >= 100_000) {
                        progress.accept(String.format("  %,d / %,d time entries", written, total));
                    }
                }
            }
        }
        flush(c, rows, costs, writeCosts);
        return written;
    }

    private void flush(Connection c, StringBuilder rows, StringBuilder costs, boolean writeCosts) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        BulkLoad.asOwner(c, roles);
        BulkLoad.copyIn(c, "COPY app.time_entries (organization_id, id, user_id, entry_date, started_at, ended_at, raw_minutes, "
                + "project_id, task_id, service_category_id, description, billable, rounding_unit, rounding_direction, "
                + "billable_minutes, rate_card_item_id, billing_rate, amount, rated_at, status, submitted_at, approved_by, "
                + "approved_at, rejection_reason, invoice_line_id, created_by, created_at, updated_at, version) FROM STDIN", rows);
        if (writeCosts) {
            BulkLoad.copyIn(c, "COPY app.time_entry_costs (organization_id, id, time_entry_id, cost_rate, cost_amount, created_at, "
                    + "updated_at) FROM STDIN", costs);
        }
        c.commit();
        rows.setLength(0);
        costs.setLength(0);
    }

    /** A working day's minutes (6 to 10 hours) in {@code count} pieces; people who type their time use quarter hours. */
    private int[] split(int count, boolean timer) {
        int day = 360 + random.nextInt(241);
        double[] weights = new double[count];
        double sum = 0;
        for (int k = 0; k < count; k++) {
            weights[k] = 0.4 + random.nextDouble();
            sum += weights[k];
        }
        int[] minutes = new int[count];
        for (int k = 0; k < count; k++) {
            int raw = (int) Math.round(day * weights[k] / sum);
            minutes[k] = timer ? Math.max(1, raw) : Math.max(15, (raw + 7) / 15 * 15);
        }
        return minutes;
    }

    /**
     * A person's week by its age: the current one draft; last week mostly submitted (some still draft, a few approved);
     * the week before partly approved, partly submitted, some rejected; older ones approved (invoiced later by entry).
     */
    private Week week(Person person, LocalDate monday, LocalDate today, Instant now, ZoneId zone, List<Person> managers) {
        SplittableRandom r = new SplittableRandom(person.id().getLeastSignificantBits() ^ monday.toEpochDay() * 31);
        long age = ChronoUnit.WEEKS.between(monday, today.with(DayOfWeek.MONDAY));
        int roll = r.nextInt(100);
        Week w = new Week();
        w.status = age == 0 ? "draft"
                : age == 1 ? (roll < 65 ? "submitted" : roll < 90 ? "draft" : "approved")
                : age == 2 ? (roll < 30 ? "submitted" : roll < 90 ? "approved" : "rejected")
                : age <= 4 && roll < 2 ? "submitted" : "approved";
        if (!w.status.equals("draft")) {
            Instant submitted = monday.plusDays(4).atTime(16, 0).atZone(zone).toInstant().plusSeconds(r.nextInt(3 * 86_400));
            w.submitted = submitted.isAfter(now) ? now : submitted;
        }
        if (w.status.equals("approved") || w.status.equals("rejected")) {
            Instant decided = w.submitted.plusSeconds(3_600 + r.nextInt(3 * 86_400));
            w.approved = decided.isAfter(now) ? now : decided;
            Person approver = managers.get(r.nextInt(managers.size()));
            if (approver.id().equals(person.id())) {
                approver = managers.get((managers.indexOf(approver) + 1) % managers.size());
            }
            w.approver = approver.id();
            if (w.status.equals("rejected")) {
                w.reason = REASON[r.nextInt(REASON.length)];
            }
        }
        return w;
    }

    /** A timer running since this morning for every tenth person (a draft of 0 minutes without an end). */
    private int runningTimers(Connection c, UUID org, List<Person> persons, Map<UUID, List<Project>> projectsOf,
                              List<Project> projects, List<RateItem> rates, Basics basics, LocalDate today, Instant now,
                              Ids ids, boolean writeCosts) throws SQLException {
        StringBuilder rows = new StringBuilder();
        StringBuilder costs = new StringBuilder();
        int count = 0;
        for (Person person : persons) {
            if (person.index() % 10 != 3) {
                continue;
            }
            Project p = projectsOf.get(person.id()).stream().filter(x -> !x.internal && x.activeOn(today)).findFirst()
                    .orElse(projects.get(0));
            Task task = p.bookable.get(0);
            boolean billable = task.billable() != null ? task.billable() : !p.internal;
            RateItem rate = resolve(rates, p.customer, task.category(), person, today);
            Instant start = now.minus(37 + person.index(), ChronoUnit.MINUTES);
            UUID id = ids.next();
            BulkLoad.row(rows, org, id, person.id(), LocalDate.ofInstant(start, basics.zone()), start, "\\N", 0, p.id, task.id(),
                    nullable(task.category()), "\\N", billable ? "t" : "f", p.rounding.unitMinutes(),
                    p.rounding.direction().databaseValue(), 0, rate == null ? "\\N" : rate.id(),
                    rate == null ? "\\N" : rate.rate().toPlainString(), BigDecimal.ZERO.setScale(basics.digits()), start, "draft",
                    "\\N", "\\N", "\\N", "\\N", "\\N", person.id(), start, start, 0);
            if (writeCosts) {
                BulkLoad.row(costs, org, ids.next(), id, rate == null || rate.costRate() == null ? "\\N"
                        : rate.costRate().toPlainString(), BigDecimal.ZERO.setScale(basics.digits()).toPlainString(), start, start);
            }
            count++;
        }
        flush(c, rows, costs, writeCosts);
        return count;
    }

    /** Each week's history as the approval functions write it: submitted, then approved or rejected. */
    private long history(Connection c, UUID org, Map<String, Week> weeks, Ids ids) throws SQLException {
        StringBuilder rows = new StringBuilder();
        long count = 0;
        List<Map.Entry<String, Week>> ordered = new ArrayList<>(weeks.entrySet());
        ordered.sort(Comparator.comparing(e -> e.getValue().submitted == null ? Instant.MAX : e.getValue().submitted));
        for (Map.Entry<String, Week> e : ordered) {
            Week w = e.getValue();
            if (w.submitted == null || w.entries == 0) {
                continue;
            }
            String[] key = e.getKey().split("/");
            UUID person = UUID.fromString(key[0]);
            BulkLoad.row(rows, org, ids.next(), person, key[1], "submitted", "\\N", w.entries, w.minutes, person, w.submitted,
                    w.submitted, w.submitted);
            count++;
            if (w.approved != null) {
                BulkLoad.row(rows, org, ids.next(), person, key[1], w.status.equals("rejected") ? "rejected" : "approved",
                        w.reason == null ? "\\N" : w.reason, w.entries, w.minutes, w.approver, w.approved, w.approved,
                        w.approved);
                count++;
            }
        }
        BulkLoad.copyIn(c, "COPY app.time_approval_events (organization_id, id, user_id, week_start, action, reason, entries, "
                + "minutes, changed_by, changed_at, created_at, updated_at) FROM STDIN", rows);
        return count;
    }

    /**
     * The projects' running totals from the entries (the COPY may have skipped the trigger that keeps them), budgets
     * around what was booked (a quarter of the projects over), and projects that ended some weeks ago completed.
     */
    private void finish(Connection c, UUID org, LocalDate today) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT app.refresh_project_time_totals(?)")) {
            ps.setObject(1, org);
            ps.execute();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE app.projects p
                   SET budget_minutes = (t.raw * (80 + abs(hashtext(p.id::text)) % 50) / 100)::integer,
                       budget_amount = round(t.amount * (80 + abs(hashtext(p.id::text || 'a')) % 50) / 100, -2),
                       billing_type = CASE WHEN abs(hashtext(p.id::text)) % 6 = 0 THEN 'fixed_price' ELSE billing_type END
                  FROM (SELECT project_id, sum(raw_minutes) AS raw, sum(amount) AS amount FROM app.project_time_totals
                         WHERE organization_id = ? GROUP BY project_id) t
                 WHERE p.organization_id = ? AND p.id = t.project_id AND p.customer_id IS NOT NULL""")) {
            ps.setObject(1, org);
            ps.setObject(2, org);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE app.projects
                   SET status = CASE WHEN end_date < ? THEN 'completed'
                                     WHEN abs(hashtext(id::text)) % 20 = 0 THEN 'on_hold' ELSE status END
                 WHERE organization_id = ? AND customer_id IS NOT NULL""")) {
            ps.setObject(1, today.minusDays(14));
            ps.setObject(2, org);
            ps.executeUpdate();
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** Minutes × hourly rate / 60, rounded half up once to the currency's digits (app.time_amount; the cost likewise). */
    private static BigDecimal money(int minutes, BigDecimal rate, int digits) {
        return BigDecimal.valueOf(minutes).multiply(rate).divide(SIXTY, digits, RoundingMode.HALF_UP);
    }

    private static Object nullable(Object value) {
        return value == null ? "\\N" : value;
    }

    private static String value(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static Object one(Connection c, String sql, Object... parameters) throws SQLException {
        List<Object[]> rows = rows(c, sql, 1, parameters);
        return rows.isEmpty() ? null : rows.get(0)[0];
    }

    private static List<UUID> ids(Connection c, String sql, Object... parameters) throws SQLException {
        return rows(c, sql, 1, parameters).stream().map(r -> (UUID) r[0]).toList();
    }

    private static List<Object[]> rows(Connection c, String sql, int columns, Object... parameters) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            List<Object[]> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object[] row = new Object[columns];
                    for (int k = 0; k < columns; k++) {
                        Object v = rs.getObject(k + 1);
                        row[k] = v instanceof java.sql.Date d ? d.toLocalDate() : v;
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    /** Time-ordered ids (the layout of UUID version 7), so that a batch's rows land together in the indexes. */
    private static final class Ids {
        private final SplittableRandom random = new SplittableRandom(29);
        private long millis;
        private int counter;

        Ids(long startMillis) {
            this.millis = startMillis;
        }

        UUID next() {
            if (++counter == 0x1000) {
                counter = 0;
                millis++;
            }
            long msb = (millis << 16) | 0x7000L | counter;
            long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
            return new UUID(msb, lsb);
        }
    }
}
