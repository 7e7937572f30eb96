package com.workline.persistence.bench;

import com.workline.persistence.admin.OrganizationProvisioning;
import com.workline.persistence.bench.Timing.Timed;
import com.workline.persistence.db.Connections;
import com.workline.persistence.db.DatabaseErrors;
import com.workline.persistence.db.RoleNames;
import com.workline.persistence.db.ServerAddress;
import com.workline.persistence.db.SqlBuilder;
import com.workline.persistence.projects.ApprovalPage;
import com.workline.persistence.projects.ApprovalService;
import com.workline.persistence.projects.ProjectService;
import com.workline.persistence.projects.Projects;
import com.workline.persistence.projects.TimeDataGenerator;
import com.workline.persistence.projects.TimeEntryService;
import com.workline.persistence.projects.TimeReportGrouping;
import com.workline.persistence.projects.TimeReportQuery;
import com.workline.persistence.projects.TimeReportRow;
import com.workline.persistence.projects.TimeReports;
import com.workline.persistence.projects.TimeWeek;
import com.workline.persistence.session.SignedInPerson;
import com.workline.persistence.session.TenantSession;
import com.workline.persistence.tenancy.SignInService;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * {@code workline admin bench time}: times what the time screens read on an organization with many time entries (see
 * {@code workline admin generate --time-entries}), each figure beside a baseline measured in the same run on the same
 * data: the service's statements with the same binds through plain JDBC, as the same person, over one connection whose
 * tenant is set once (the floor: what the service's unit of work adds).
 * <ul>
 *   <li>the person's week: a generated employee's last week, as the week grid reads it (their own entries, under
 *   row-level security), and with the running timer and the time settings the grid also needs;</li>
 *   <li>the manager's approval queue (first and next page) and another person's week opened from it;</li>
 *   <li>a project's budget figures: the project with the most entries, loaded as its screen does (header, budget lines,
 *   figures from the running totals, members);</li>
 *   <li>time reports over the last year: the manager's by project (with budgets) and by person over every entry, an
 *   employee's by month over their own.</li>
 * </ul>
 * Cold figures first (this JVM's first calls after signing in), then each operation warmed up until stable
 * ({@link Timing}) and timed; the output starts with the data size and the machine.
 */
public final class TimeBenchmark {
    private static final int QUEUE_PAGE = 50;
    /** {@code TimeSql.digits}: what every service call that shows money reads first. */
    private static final String DIGITS = "SELECT app.currency_digits(base_currency) FROM app.organizations WHERE id = ?";

    private final ServerAddress server;
    private final DataSource admin;
    private final RoleNames roles;
    private final Consumer<String> out;
    private double warmupSeconds = 3;

    public TimeBenchmark(ServerAddress server, DataSource admin, RoleNames roles, Consumer<String> out) {
        this.server = server;
        this.admin = admin;
        this.roles = roles;
        this.out = out;
    }

    /** The least warm-up per operation, in seconds (more if its figures are not yet stable). */
    public TimeBenchmark warmupSeconds(double seconds) {
        this.warmupSeconds = seconds;
        return this;
    }

    /** One measured operation and its baseline, in milliseconds. */
    public record Figure(String operation, double median, double p95, String baseline, double baselineMedian,
                         double baselineP95) {
    }

    /** What the figures work on, chosen as the owner. */
    private record Subject(String employeeEmail, UUID employee, int employeeEntries, UUID project, long projectEntries,
                           LocalDate lastWeek, LocalDate today) {
    }

    public List<Figure> run(UUID organizationId, int runs) {
        Subject subject;
        try (Connection owner = admin.getConnection()) {
            describe(owner, organizationId, runs);
            subject = subject(owner, organizationId);
        } catch (SQLException e) {
            throw DatabaseErrors.translate(e);
        }
        OrganizationProvisioning provisioning = new OrganizationProvisioning(admin, roles);
        BenchPerson manager = BenchPerson.enrol(provisioning, organizationId);
        BenchPerson employee = BenchPerson.existing(provisioning, subject.employeeEmail());
        SignInService signIn = new SignInService(roles, 2);
        long t0 = System.nanoTime();
        try (SignedInPerson managerPerson = signIn.signIn(server, manager.email(), manager.password());
             SignedInPerson employeePerson = signIn.signIn(server, employee.email(), employee.password())) {
            double signInMillis = (System.nanoTime() - t0) / 2e6;
            TenantSession managerSession = managerPerson.choose(organizationId);
            TenantSession employeeSession = employeePerson.choose(organizationId);
            cold(managerSession, employeeSession, subject, signInMillis);
            return warm(managerSession, employeeSession, manager, employee, subject, runs);
        }
    }

    /** Prints the data and the machine. */
    private void describe(Connection owner, UUID org, int runs) throws SQLException {
        try (PreparedStatement ps = owner.prepareStatement("""
                SELECT (SELECT count(*) FROM app.time_entries WHERE organization_id = ?),
                       (SELECT count(DISTINCT user_id) FROM app.time_entries WHERE organization_id = ?),
                       (SELECT count(*) FROM app.projects WHERE organization_id = ?),
                       (SELECT count(*) FROM app.project_tasks WHERE organization_id = ?),
                       (SELECT min(entry_date) || ' to ' || max(entry_date) FROM app.time_entries WHERE organization_id = ?),
                       (SELECT string_agg(status || ' ' || n, ', ' ORDER BY n DESC)
                          FROM (SELECT status, count(*) n FROM app.time_entries WHERE organization_id = ? GROUP BY status) s),
                       (SELECT count(*) FROM app.time_entries), (SELECT count(DISTINCT organization_id) FROM app.time_entries),
                       pg_size_pretty(pg_total_relation_size('app.time_entries')),
                       pg_size_pretty(pg_total_relation_size('app.time_entry_costs')),
                       (SELECT count(*) FROM app.project_time_totals WHERE organization_id = ?),
                       current_setting('server_version'), current_setting('shared_buffers')""")) {
            for (int i = 1; i <= 7; i++) {
                ps.setObject(i, org);
            }
            ResultSet rs = ps.executeQuery();
            rs.next();
            out.accept(String.format("Data: organization %s: %,d time entries of %d people (%s; %s), %,d projects, %,d tasks, "
                            + "%,d rows of project totals; %,d entries in %d organizations in all; tables with indexes: "
                            + "time entries %s, their costs %s.", org, rs.getLong(1), rs.getInt(2), rs.getString(5),
                    rs.getString(6), rs.getLong(3), rs.getLong(4), rs.getLong(11), rs.getLong(7), rs.getInt(8), rs.getString(9),
                    rs.getString(10)));
            out.accept(String.format("Machine: %d cores (%s), %s RAM; %s %s (max heap %,d MB); PostgreSQL %s, shared_buffers %s.",
                    Runtime.getRuntime().availableProcessors(), QuotingBenchmark.cpuModel(), QuotingBenchmark.memory(),
                    System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                    Runtime.getRuntime().maxMemory() / (1024 * 1024), rs.getString(12), rs.getString(13)));
        }
        out.accept(String.format("Times in ms, median / 95th percentile of %d timed runs after a warm-up of at least %.0f s "
                + "until stable. Baseline: the same statements and binds through plain JDBC as the same person, tenant set once.",
                runs, warmupSeconds));
    }

    /**
     * The generated employee with the most entries last week (the fullest week grid), the project with the most entries,
     * and the days, in the organization's time zone.
     */
    private static Subject subject(Connection owner, UUID org) throws SQLException {
        LocalDate today;
        try (PreparedStatement ps = owner.prepareStatement("SELECT timezone FROM app.organizations WHERE id = ?")) {
            ps.setObject(1, org);
            ResultSet rs = ps.executeQuery();
            if (!rs.next()) {
                throw new IllegalArgumentException("No organization " + org);
            }
            today = LocalDate.now(ZoneId.of(rs.getString(1)));
        }
        LocalDate lastWeek = today.with(DayOfWeek.MONDAY).minusWeeks(1);
        String email;
        UUID employee;
        int entries;
        try (PreparedStatement ps = owner.prepareStatement("""
                SELECT u.email, u.id, count(*)
                  FROM app.time_entries e
                  JOIN sec.users u ON u.id = e.user_id
                  JOIN sec.memberships m ON m.organization_id = e.organization_id AND m.user_id = e.user_id
                 WHERE e.organization_id = ? AND e.entry_date >= ? AND e.entry_date < ? AND m.role = 'employee'
                   AND u.email LIKE ?
                 GROUP BY u.email, u.id ORDER BY count(*) DESC, u.email LIMIT 1""")) {
            ps.setObject(1, org);
            ps.setObject(2, lastWeek);
            ps.setObject(3, lastWeek.plusDays(7));
            ps.setString(4, "%@" + TimeDataGenerator.EMAIL_DOMAIN);
            ResultSet rs = ps.executeQuery();
            if (!rs.next()) {
                throw new IllegalArgumentException("The organization has no generated employee with time last week: generate its "
                        + "time first (workline admin generate --time-entries N).");
            }
            email = rs.getString(1);
            employee = rs.getObject(2, UUID.class);
            entries = rs.getInt(3);
        }
        UUID project;
        long projectEntries;
        try (PreparedStatement ps = owner.prepareStatement("SELECT project_id, sum(entries) FROM app.project_time_totals "
                + "WHERE organization_id = ? GROUP BY project_id ORDER BY 2 DESC, 1 LIMIT 1")) {
            ps.setObject(1, org);
            ResultSet rs = ps.executeQuery();
            rs.next();
            project = rs.getObject(1, UUID.class);
            projectEntries = rs.getLong(2);
        }
        return new Subject(email, employee, entries, project, projectEntries, lastWeek, today);
    }

    private TimeReportQuery lastYear(Subject s) {
        return TimeReportQuery.between(s.today().minusYears(1).plusDays(1), s.today());
    }

    private void cold(TenantSession manager, TenantSession employee, Subject s, double signIn) {
        TimeEntryService time = Projects.of(employee).time();
        long t0 = System.nanoTime();
        TimeWeek week = time.week(null, s.lastWeek());
        long t1 = System.nanoTime();
        time.runningTimer();
        Projects.of(employee).settings().load();
        long t2 = System.nanoTime();
        ApprovalPage queue = Projects.of(manager).approvals().queue(null, QUEUE_PAGE);
        long t3 = System.nanoTime();
        Projects.of(manager).projects().figures(s.project());
        long t4 = System.nanoTime();
        List<TimeReportRow> byProject = Projects.of(manager).reports().report(lastYear(s), TimeReportGrouping.PROJECT);
        long t5 = System.nanoTime();
        Projects.of(employee).reports().report(lastYear(s), TimeReportGrouping.MONTH);
        long t6 = System.nanoTime();
        out.accept(String.format("Cold (this JVM's first calls): sign-in %.0f ms each; the employee's last week (%d entries) %.1f ms, "
                        + "then the running timer and time settings %.1f ms; the approval queue (%d weeks on the first page) %.1f ms; "
                        + "a project's budget figures (%,d entries) %.1f ms; the manager's year by project (%d rows) %.1f ms; the "
                        + "employee's year by month %.1f ms.", signIn, week.entries().size(), ms(t0, t1), ms(t1, t2),
                queue.rows().size(), ms(t2, t3), s.projectEntries(), ms(t3, t4), byProject.size(), ms(t4, t5), ms(t5, t6)));
    }

    private List<Figure> warm(TenantSession managerSession, TenantSession employeeSession, BenchPerson manager,
                              BenchPerson employee, Subject s, int runs) {
        List<Figure> figures = new ArrayList<>();
        UUID org = managerSession.organization().id();
        try (Connection managerJdbc = plain(manager, org); Connection employeeJdbc = plain(employee, org)) {
            TimeEntryService ownTime = Projects.of(employeeSession).time();
            SqlBuilder.Positional week = ownTime.weekStatement(null, s.lastWeek());
            figures.add(measure("the person's week (an employee's last week, " + s.employeeEntries() + " entries)", runs,
                    i -> ownTime.week(null, s.lastWeek()),
                    i -> query(employeeJdbc, week)));
            var settings = Projects.of(employeeSession).settings();
            figures.add(measure("the week grid's reads: week, running timer, time settings", "the week alone", runs,
                    i -> {
                        ownTime.week(null, s.lastWeek());
                        ownTime.runningTimer();
                        settings.load();
                    },
                    i -> query(employeeJdbc, week)));

            ApprovalService approvals = Projects.of(managerSession).approvals();
            SqlBuilder.Positional firstPage = approvals.queueStatement(null, QUEUE_PAGE);
            figures.add(measure("the manager's approval queue, first page (" + QUEUE_PAGE + " weeks)", runs,
                    i -> approvals.queue(null, QUEUE_PAGE),
                    i -> query(managerJdbc, firstPage)));
            ApprovalPage page = approvals.queue(null, QUEUE_PAGE);
            if (page.next() != null) {
                SqlBuilder.Positional nextPage = approvals.queueStatement(page.next(), QUEUE_PAGE);
                figures.add(measure("the approval queue, next page (keyset)", runs,
                        i -> approvals.queue(page.next(), QUEUE_PAGE),
                        i -> query(managerJdbc, nextPage)));
            }
            TimeEntryService managersView = Projects.of(managerSession).time();
            SqlBuilder.Positional othersWeek = managersView.weekStatement(s.employee(), s.lastWeek());
            figures.add(measure("a week opened from the queue (the employee's, as the manager)", runs,
                    i -> managersView.week(s.employee(), s.lastWeek()),
                    i -> query(managerJdbc, othersWeek)));

            ProjectService projects = Projects.of(managerSession).projects();
            List<SqlBuilder.Positional> load = projects.loadStatements(s.project());
            SqlBuilder.Positional digits = new SqlBuilder.Positional(DIGITS, List.of(org));
            figures.add(measure(String.format("a project's budget figures (%,d entries; the project as its screen loads it)",
                            s.projectEntries()), runs,
                    i -> projects.figures(s.project()),
                    i -> {
                        query(managerJdbc, digits);
                        for (SqlBuilder.Positional statement : load) {
                            query(managerJdbc, statement);
                        }
                    }));

            TimeReports managerReports = Projects.of(managerSession).reports();
            TimeReportQuery year = lastYear(s);
            UUID[] reportedProjects = managerReports.report(year, TimeReportGrouping.PROJECT).stream().map(TimeReportRow::key)
                    .toArray(UUID[]::new);
            SqlBuilder.Positional byProject = managerReports.reportStatement(year, TimeReportGrouping.PROJECT);
            SqlBuilder.Positional budgets = managerReports.budgetsStatement(reportedProjects);
            long yearEntries = count(managerJdbc, org, year);
            figures.add(measure(String.format("time report over a year by project, manager (%,d entries, %d projects)",
                            yearEntries, reportedProjects.length), runs,
                    i -> managerReports.report(year, TimeReportGrouping.PROJECT),
                    i -> inReport(managerJdbc, digits, byProject, budgets)));
            SqlBuilder.Positional byPerson = managerReports.reportStatement(year, TimeReportGrouping.PERSON);
            figures.add(measure("time report over a year by person, manager", runs,
                    i -> managerReports.report(year, TimeReportGrouping.PERSON),
                    i -> inReport(managerJdbc, digits, byPerson)));
            TimeReports ownReports = Projects.of(employeeSession).reports();
            SqlBuilder.Positional ownYear = ownReports.reportStatement(year, TimeReportGrouping.MONTH);
            figures.add(measure("time report over a year by month, employee (own entries)", runs,
                    i -> ownReports.report(year, TimeReportGrouping.MONTH),
                    i -> inReport(employeeJdbc, digits, ownYear)));
        } catch (SQLException e) {
            throw DatabaseErrors.translate(e);
        }
        return figures;
    }

    /** A report's statements as the service sends them: in one transaction, planned for the actual period. */
    private static void inReport(Connection c, SqlBuilder.Positional... statements) throws SQLException {
        c.setAutoCommit(false);
        try {
            try (PreparedStatement ps = c.prepareStatement(TimeReports.CUSTOM_PLANS)) {
                ps.execute();
            }
            for (SqlBuilder.Positional statement : statements) {
                query(c, statement);
            }
            c.commit();
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** A person's own connection with the organization selected for the session (once). */
    private Connection plain(BenchPerson person, UUID org) throws SQLException {
        Connection c = Connections.dataSource(server, roles.loginFor(person.email()), person.password()).getConnection();
        try (PreparedStatement s = c.prepareStatement("SELECT set_config('app.tenant_id', ?, false)")) {
            s.setString(1, org.toString());
            s.execute();
        }
        return c;
    }

    private static long count(Connection c, UUID org, TimeReportQuery period) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM app.time_entries WHERE organization_id = ? "
                + "AND entry_date BETWEEN ? AND ?")) {
            ps.setObject(1, org);
            ps.setObject(2, period.from());
            ps.setObject(3, period.to());
            ResultSet rs = ps.executeQuery();
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Binds as the services' {@code db.Jdbc} does: days as dates, id arrays as uuid[]. */
    private static PreparedStatement prepare(Connection c, SqlBuilder.Positional statement) throws SQLException {
        PreparedStatement ps = c.prepareStatement(statement.sql());
        for (int i = 0; i < statement.parameters().size(); i++) {
            Object value = statement.parameters().get(i);
            if (value instanceof LocalDate date) {
                ps.setObject(i + 1, date, java.sql.Types.DATE);
            } else if (value instanceof UUID[] ids) {
                ps.setArray(i + 1, c.createArrayOf("uuid", ids));
            } else {
                ps.setObject(i + 1, value);
            }
        }
        return ps;
    }

    /** Runs a statement and reads every column of every row. */
    private static void query(Connection c, SqlBuilder.Positional statement) throws SQLException {
        try (PreparedStatement ps = prepare(c, statement); ResultSet rs = ps.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int k = 1; k <= columns; k++) {
                    rs.getObject(k);
                }
            }
        }
    }

    private Figure measure(String operation, int runs, Timed service, Timed base) {
        return measure(operation, "plain JDBC", runs, service, base);
    }

    private Figure measure(String operation, String baseline, int runs, Timed service, Timed base) {
        double[][] figures = new Timing(warmupSeconds).measure(runs, service, base);
        Figure figure = new Figure(operation, figures[0][0], figures[0][1], baseline, figures[1][0], figures[1][1]);
        out.accept(String.format("%-72s %8.2f / %8.2f ms   %-16s %8.2f / %8.2f ms (x%.2f)", operation, figure.median(),
                figure.p95(), baseline, figure.baselineMedian(), figure.baselineP95(), figure.median() / figure.baselineMedian()));
        return figure;
    }

    private static double ms(long from, long to) {
        return (to - from) / 1e6;
    }
}
