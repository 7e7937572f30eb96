package com.workline.ui.time;

import com.workline.persistence.projects.Project;
import com.workline.persistence.projects.ProjectDetails;
import com.workline.persistence.projects.ProjectStatus;
import com.workline.persistence.projects.ProjectTask;
import com.workline.persistence.projects.Projects;
import com.workline.persistence.projects.RoundingDirection;
import com.workline.persistence.projects.RoundingRule;
import com.workline.persistence.projects.TimeEntry;
import com.workline.persistence.projects.TimeEntryInput;
import com.workline.persistence.projects.TimeSettings;
import com.workline.persistence.projects.TimeStatus;
import com.workline.persistence.projects.TimesheetRow;
import com.workline.persistence.session.Role;
import com.workline.persistence.session.TenantSession;
import com.workline.persistence.testing.TestDatabase;
import com.workline.persistence.testing.TestPerson;
import com.workline.ui.common.Messages;
import com.workline.ui.common.UserPreferences;
import com.workline.ui.task.BackgroundTasks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * My time's view models against the real database: the week grid (typing by locale, cells that create, change and
 * delete entries, totals against the expected hours with a Bavarian holiday, last week's rows, submit, locked cells,
 * two devices), the day view and the timer (restart, reminder, idle time).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MyTimeViewModelsTest {
    /** Friday 8 January 2027: the week of 4 January has Epiphany (6 January) in Bavaria. */
    private static final Clock FRIDAY = Clock.fixed(Instant.parse("2027-01-08T12:00:00Z"), ZoneOffset.UTC);

    private final TestDatabase db = TestDatabase.get();
    private final List<TenantSession> sessions = new ArrayList<>();
    private UUID org;
    private TestPerson employeePerson;
    private TenantSession owner;
    private TenantSession manager;
    private TenantSession employee;
    private ProjectDetails website;
    private ProjectDetails internal;
    private ProjectTask design;

    @BeforeAll
    void organization() {
        org = db.newOrganization("My time VM");
        owner = signIn(db.newPerson(org, Role.OWNER));
        manager = signIn(db.newPerson(org, Role.MANAGER));
        employeePerson = db.newPerson(org, Role.EMPLOYEE);
        employee = signIn(employeePerson);
        TimeSettings settings = Projects.of(owner).settings().load();
        Projects.of(owner).settings().save(settings.withHolidays("DE", "BY").withWeeklyWorkingMinutes(2400));
        website = Projects.of(manager).projects().create(Project.create("Website " + db.unique(), null)
                .withStatus(ProjectStatus.ACTIVE).withRounding(new RoundingRule(15, RoundingDirection.UP)));
        internal = Projects.of(manager).projects().create(Project.create("Internal " + db.unique(), null)
                .withStatus(ProjectStatus.ACTIVE));
        design = Projects.of(manager).tasks().create(ProjectTask.create(website.project().id(), null, "Design"));
    }

    @AfterAll
    void close() {
        sessions.forEach(s -> s.person().close());
    }

    private TenantSession signIn(TestPerson person) {
        TenantSession session = db.signInTo(person, org);
        sessions.add(session);
        return session;
    }

    private WeekViewModel week(TenantSession session, Locale locale, LocalDate day) {
        Projects projects = Projects.of(session);
        WeekViewModel vm = new WeekViewModel(projects.time(), projects.approvals(), projects.settings(),
                BackgroundTasks.direct(), locale, FRIDAY);
        vm.open(day);
        return vm;
    }

    private TimesheetRow websiteRow() {
        return new TimesheetRow(website.project().id(), website.project().number(), website.project().name(), null, null);
    }

    private TimesheetRow designRow() {
        return new TimesheetRow(website.project().id(), website.project().number(), website.project().name(), design.id(),
                design.name());
    }

    private TimesheetRow internalRow() {
        return new TimesheetRow(internal.project().id(), internal.project().number(), internal.project().name(), null, null);
    }

    private static WeekCell type(WeekViewModel vm, WeekCell cell, String text) {
        cell.textProperty().set(text);
        vm.commit(cell);
        return cell;
    }

    private List<TimeEntry> stored(TenantSession session, LocalDate day, UUID project) {
        return Projects.of(session).time().week(null, day).entriesOn(day).stream()
                .filter(e -> e.projectId().equals(project)).toList();
    }

    @Test
    void hoursAreTypedInThePersonsLocale() {
        LocalDate monday = LocalDate.parse("2027-02-01");
        WeekViewModel german = week(employee, Locale.GERMANY, monday);
        WeekCell cell = german.addRow(internalRow()).cell(monday);
        type(german, cell, "1,5");
        assertThat(cell.errorProperty().get()).isEmpty();
        assertThat(cell.textProperty().get()).isEqualTo("1:30");
        assertThat(stored(employee, monday, internal.project().id())).extracting(TimeEntry::rawMinutes).containsExactly(90);

        type(german, cell, "1.5"); // a German reads 1.5 as a grouped number: refused, the typing stays
        assertThat(cell.errorProperty().get()).contains("1,5");
        assertThat(cell.textProperty().get()).isEqualTo("1.5");
        assertThat(stored(employee, monday, internal.project().id())).extracting(TimeEntry::rawMinutes).containsExactly(90);
        type(german, cell, "45");
        assertThat(cell.errorProperty().get()).isEqualTo(com.workline.persistence.common.Text.of("time.duration.tooLong").localized());

        WeekViewModel english = week(employee, Locale.US, monday);
        WeekCell tuesday = english.rows().get(0).cell(monday.plusDays(1));
        type(english, tuesday, "1.25");
        assertThat(tuesday.textProperty().get()).isEqualTo("1:15");
        type(english, english.rows().get(0).cell(monday.plusDays(2)), "1h 30m");
        type(english, english.rows().get(0).cell(monday.plusDays(3)), "0:45");
        assertThat(english.totalsProperty().get().raw()).startsWith(90, 75, 90, 45);
        type(english, english.rows().get(0).cell(monday.plusDays(4)), "1,5"); // the comma groups thousands in English
        assertThat(english.rows().get(0).cell(monday.plusDays(4)).errorProperty().get()).isNotEmpty();
    }

    @Test
    void aCellCreatesChangesAndDeletesItsEntry() {
        LocalDate monday = LocalDate.parse("2027-02-08");
        WeekViewModel vm = week(employee, Locale.US, monday);
        WeekCell cell = vm.addRow(designRow()).cell(monday.plusDays(1));
        type(vm, cell, "2");
        List<TimeEntry> created = stored(employee, cell.day(), website.project().id());
        assertThat(created).hasSize(1);
        assertThat(created.get(0).taskId()).isEqualTo(design.id());
        assertThat(created.get(0).rawMinutes()).isEqualTo(120);
        assertThat(created.get(0).billable()).as("billable by the project's default").isTrue();
        assertThat(cell.textProperty().get()).isEqualTo("2:00");

        type(vm, cell, "1:10");
        List<TimeEntry> changed = stored(employee, cell.day(), website.project().id());
        assertThat(changed).extracting(TimeEntry::id).containsExactly(created.get(0).id());
        assertThat(changed.get(0).rawMinutes()).isEqualTo(70);
        assertThat(changed.get(0).billableMinutes()).as("the project rounds up to 15 minutes").isEqualTo(75);
        assertThat(cell.billableProperty().get()).isEqualTo("1:15");
        assertThat(vm.totalsProperty().get().rawWeek()).isEqualTo(70);
        assertThat(vm.totalsProperty().get().billableWeek()).isEqualTo(75);

        type(vm, cell, "");
        assertThat(stored(employee, cell.day(), website.project().id())).isEmpty();
        assertThat(cell.entries()).isEmpty();
        assertThat(vm.totalsProperty().get().rawWeek()).isZero();
    }

    @Test
    void totalsAgainstTheExpectedHoursWithAPublicHoliday() {
        LocalDate monday = LocalDate.parse("2027-01-04");
        WeekViewModel vm = week(employee, Locale.US, monday);
        assertThat(vm.days()).extracting(WeekViewModel.Day::publicHoliday)
                .containsExactly(false, false, true, false, false, false, false);
        WeekRow row = vm.addRow(internalRow());
        type(vm, row.cell(monday), "8");
        type(vm, row.cell(monday.plusDays(1)), "6:30");
        type(vm, row.cell(monday.plusDays(4)), "3");
        WeekViewModel.Totals totals = vm.totalsProperty().get();
        assertThat(totals.expected()).containsExactly(480, 480, 0, 480, 480, 0, 0);
        assertThat(totals.expectedWeek()).as("Epiphany: 32 hours").isEqualTo(1920);
        assertThat(totals.raw()).containsExactly(480, 390, 0, 0, 180, 0, 0);
        assertThat(totals.rawWeek()).isEqualTo(1050);
        assertThat(totals.missing()).as("past working days only: not the holiday, not today")
                .containsExactly(false, true, false, true, false, false, false);
        assertThat(vm.missingProperty().get()).contains("6:30 of 8:00").contains("0:00 of 8:00");
        assertThat(row.totalProperty().get()).isEqualTo("17:30");
        assertThat(vm.weekLabel()).startsWith("Week 1 ");
    }

    @Test
    void lastWeeksRowsAreCopiedWithoutHours() {
        LocalDate lastMonday = LocalDate.parse("2027-04-05");
        WeekViewModel last = week(employee, Locale.US, lastMonday);
        type(last, last.addRow(designRow()).cell(lastMonday), "1");
        type(last, last.addRow(internalRow()).cell(lastMonday.plusDays(2)), "2");

        WeekViewModel vm = week(employee, Locale.US, lastMonday.plusDays(7));
        assertThat(vm.rows()).isEmpty();
        vm.copyLastWeek();
        assertThat(vm.rows()).extracting(WeekRow::taskId).containsExactlyInAnyOrder(design.id(), null);
        assertThat(vm.rows()).allSatisfy(r -> assertThat(r.cells()).allSatisfy(c -> assertThat(c.entries()).isEmpty()));
        assertThat(vm.messageProperty().get()).isEqualTo(Messages.get("time.week.rowsCopied", 2));
        vm.copyLastWeek();
        assertThat(vm.rows()).hasSize(2);
    }

    @Test
    void submittingLocksTheWeekAndALockedCellIsRefusedWithItsReason() {
        LocalDate monday = LocalDate.parse("2027-02-22");
        WeekViewModel vm = week(employee, Locale.US, monday);
        WeekCell cell = type(vm, vm.addRow(internalRow()).cell(monday), "4");
        assertThat(vm.statusProperty().get()).isEqualTo(WeekViewModel.WeekStatus.DRAFT);
        assertThat(vm.canSubmitProperty().get()).isTrue();

        vm.submitWeek();
        assertThat(vm.messageProperty().get()).isEqualTo(Messages.get("time.week.submitted", 1));
        assertThat(vm.statusProperty().get()).isEqualTo(WeekViewModel.WeekStatus.SUBMITTED);
        assertThat(vm.canSubmitProperty().get()).isFalse();
        WeekCell locked = vm.rows().get(0).cell(monday);
        assertThat(locked.lockedProperty().get()).isEqualTo(Messages.get("time.locked.submitted"));

        type(vm, locked, "5");
        assertThat(locked.errorProperty().get()).isEqualTo(Messages.get("time.locked.submitted"));
        assertThat(locked.textProperty().get()).isEqualTo("4:00");
        assertThat(stored(employee, monday, internal.project().id())).extracting(TimeEntry::rawMinutes).containsExactly(240);

        // The manager approves: locked for good for the employee; rejected with a reason: open again, the reason shown.
        Projects.of(manager).approvals().approve(employeePerson.userId(), monday);
        vm.reload();
        assertThat(vm.statusProperty().get()).isEqualTo(WeekViewModel.WeekStatus.APPROVED);
        assertThat(vm.rows().get(0).cell(monday).lockedProperty().get()).isEqualTo(Messages.get("time.locked.approved"));
        Projects.of(manager).approvals().reject(employeePerson.userId(), monday, "Monday was a training day");
        vm.reload();
        assertThat(vm.statusProperty().get()).isEqualTo(WeekViewModel.WeekStatus.REJECTED);
        assertThat(vm.statusTextProperty().get()).contains("Monday was a training day");
        assertThat(cell.isLocked()).isFalse();
        type(vm, cell, "3");
        assertThat(stored(employee, monday, internal.project().id())).extracting(TimeEntry::rawMinutes).containsExactly(180);
    }

    @Test
    void theDatabaseRefusesACellLockedMeanwhileAndTheGridShowsWhy() {
        LocalDate monday = LocalDate.parse("2027-03-01");
        WeekViewModel laptop = week(employee, Locale.US, monday);
        type(laptop, laptop.addRow(internalRow()).cell(monday), "2");
        Projects.of(employee).approvals().submitWeek(monday); // on the other device

        WeekCell stale = laptop.rows().get(0).cell(monday);
        assertThat(stale.isLocked()).as("the laptop has not seen it yet").isFalse();
        type(laptop, stale, "3");
        assertThat(stale.errorProperty().get()).as("read again: locked, and why").isEqualTo(Messages.get("time.locked.submitted"));
        assertThat(stale.lockedProperty().get()).isEqualTo(Messages.get("time.locked.submitted"));
        assertThat(stale.conflictProperty().get()).as("nothing to keep mine over").isNull();
        assertThat(stale.textProperty().get()).as("the typing is kept").isEqualTo("3");
        assertThat(stored(employee, monday, internal.project().id())).extracting(TimeEntry::rawMinutes).containsExactly(120);
        assertThat(laptop.previousWeek()).as("not left while typed hours would be lost").isFalse();
        laptop.takeTheirs(stale);
        assertThat(stale.textProperty().get()).isEqualTo("2:00");
        assertThat(laptop.previousWeek()).isTrue();
    }

    @Test
    void daysOnOrBeforeTheLockDateAreReadOnly() {
        TimeSettings settings = Projects.of(owner).settings().load();
        LocalDate monday = LocalDate.parse("2026-12-28");
        WeekViewModel vm = week(employee, Locale.US, monday);
        WeekRow row = vm.addRow(internalRow());
        type(vm, row.cell(monday), "1");
        Projects.of(owner).settings().save(settings.withLockDate(LocalDate.parse("2026-12-31")));
        try {
            // The grid read the week before the lock: the database refuses, the grid reads again and shows why.
            WeekCell monday28 = row.cell(monday);
            type(vm, monday28, "2");
            assertThat(monday28.errorProperty().get()).isEqualTo(com.workline.persistence.common.Text
                    .of("projects.time.lockDate").localized());
            assertThat(monday28.textProperty().get()).isEqualTo("2");
            assertThat(monday28.lockedProperty().get()).startsWith("Locked: on or before the lock date");
            assertThat(stored(employee, monday, internal.project().id())).extracting(TimeEntry::rawMinutes).containsExactly(60);
            vm.takeTheirs(monday28);
            assertThat(monday28.textProperty().get()).isEqualTo("1:00");

            type(vm, monday28, "3");
            assertThat(monday28.errorProperty().get()).as("refused in the grid now").isEqualTo(monday28.lockedProperty().get());
            assertThat(monday28.textProperty().get()).isEqualTo("1:00");
            assertThat(row.cell(monday.plusDays(4)).isLocked()).as("1 January").isFalse();
            assertThat(row.cell(monday.plusDays(1)).isLocked()).as("no new time before the lock date either").isTrue();
        } finally {
            Projects.of(owner).settings().save(Projects.of(owner).settings().load().withLockDate(null));
        }
    }

    @Test
    void twoDevicesOnOneWeekShowTheConflictAndKeepTheTypedHours() {
        LocalDate monday = LocalDate.parse("2027-03-08");
        TenantSession phone = signIn(employeePerson);
        WeekViewModel laptopWeek = week(employee, Locale.US, monday);
        WeekViewModel phoneWeek = week(phone, Locale.US, monday);
        WeekCell onLaptop = laptopWeek.addRow(designRow()).cell(monday);
        WeekCell onPhone = phoneWeek.addRow(designRow()).cell(monday);

        type(laptopWeek, onLaptop, "2");
        type(phoneWeek, onPhone, "3"); // the phone still thinks the cell is empty
        assertThat(onPhone.conflictProperty().get()).isNotNull();
        assertThat(onPhone.conflictProperty().get().theirs().rawMinutes()).isEqualTo(120);
        assertThat(onPhone.errorProperty().get()).isEqualTo(Messages.get("time.cell.conflict", "2:00"));
        assertThat(onPhone.textProperty().get()).isEqualTo("3");
        assertThat(stored(employee, monday, website.project().id())).as("nothing doubled").hasSize(1);

        phoneWeek.keepMine(onPhone);
        assertThat(onPhone.conflictProperty().get()).isNull();
        assertThat(stored(employee, monday, website.project().id())).extracting(TimeEntry::rawMinutes).containsExactly(180);

        type(laptopWeek, onLaptop, "4"); // the laptop's version is stale now
        assertThat(onLaptop.conflictProperty().get().theirs().rawMinutes()).isEqualTo(180);
        assertThat(onLaptop.textProperty().get()).isEqualTo("4");
        assertThat(stored(employee, monday, website.project().id())).extracting(TimeEntry::rawMinutes).containsExactly(180);
        laptopWeek.takeTheirs(onLaptop);
        assertThat(onLaptop.textProperty().get()).isEqualTo("3:00");
        assertThat(onLaptop.errorProperty().get()).isEmpty();

        type(phoneWeek, onPhone, ""); // deleted on the phone, changed on the laptop
        type(laptopWeek, onLaptop, "1");
        assertThat(onLaptop.conflictProperty().get()).isNotNull();
        assertThat(onLaptop.conflictProperty().get().theirs()).isNull();
        assertThat(onLaptop.errorProperty().get()).isEqualTo(Messages.get("time.cell.conflictDeleted"));
        laptopWeek.keepMine(onLaptop);
        assertThat(stored(employee, monday, website.project().id())).extracting(TimeEntry::rawMinutes).containsExactly(60);
    }

    @Test
    void theDayViewEditsStartAndEndInTheLocaleAndKeepsTheFormOnAConflict() {
        LocalDate monday = LocalDate.parse("2027-03-15");
        WeekViewModel vm = week(employee, Locale.GERMANY, monday);
        DayViewModel day = new DayViewModel(Projects.of(employee).time(), vm, BackgroundTasks.direct());
        day.dayProperty().set(monday.plusDays(1));
        var choice = new ProjectTaskChoice(Projects.of(employee).projects().bookable(internal.project().name(), 5).get(0),
                null, null);
        day.newEntry(choice);
        day.startProperty().set("9:00");
        day.endProperty().set("10:30");
        day.descriptionProperty().set("Weekly planning");
        day.save();
        assertThat(day.messageProperty().get()).isEqualTo(Messages.get("time.day.saved"));
        TimeEntry saved = stored(employee, monday.plusDays(1), internal.project().id()).get(0);
        assertThat(saved.rawMinutes()).isEqualTo(90);
        assertThat(saved.startedAt().atZoneSameInstant(ZoneOffset.UTC).toLocalTime()).hasToString("09:00");
        assertThat(day.entries()).extracting(TimeEntry::id).containsExactly(saved.id());
        assertThat(vm.rows()).hasSize(1);
        assertThat(vm.totalsProperty().get().raw().get(1)).isEqualTo(90);

        day.endProperty().set("8:00");
        day.save();
        assertThat(day.errors().get("end")).isEqualTo(Messages.get("time.day.endBeforeStart"));

        // Changed on another device meanwhile: the form keeps what was typed; keep mine saves it over theirs.
        Projects.of(employee).time().update(saved.id(), saved.version(), saved.input().withDescription("Other device"));
        day.endProperty().set("11:00");
        day.save();
        assertThat(day.conflict().property().get()).isNotNull();
        assertThat(day.endProperty().get()).isEqualTo("11:00");
        day.keepMine();
        TimeEntry mine = stored(employee, monday.plusDays(1), internal.project().id()).get(0);
        assertThat(mine.rawMinutes()).isEqualTo(120);
        assertThat(mine.description()).isEqualTo("Weekly planning");
        assertThat(day.conflict().property().get()).isNull();

        day.startProperty().set("");
        day.endProperty().set("");
        day.durationProperty().set("0,75");
        day.save();
        assertThat(stored(employee, monday.plusDays(1), internal.project().id()).get(0).rawMinutes()).isEqualTo(45);
        day.delete();
        assertThat(stored(employee, monday.plusDays(1), internal.project().id())).isEmpty();
        assertThat(day.isFormOpen()).isFalse();
    }

    @Test
    void theTimerSurvivesANewSessionRemindsAndAsksAboutIdleTime() {
        TestPerson timerPerson = db.newPerson(org, Role.EMPLOYEE);
        TenantSession first = signIn(timerPerson);
        FakeClock clock = new FakeClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        UserPreferences preferences = limitedLikeTheSystemsPreferences();
        TimerViewModel timer = timer(first, clock, preferences);
        timer.load();
        assertThat(timer.isRunning()).isFalse();
        assertThat(timer.toggle()).as("no last timer yet: the view asks for a project").isFalse();

        timer.start(website.project().id(), design.id(), "Mock-ups");
        TimeEntry running = timer.runningProperty().get();
        assertThat(running.running()).isTrue();
        assertThat(timer.captionProperty().get()).endsWith("\u00b7 Design");
        int recorded = timer.recordedProperty().get();

        // A new session (the client restarted): the timer is found with its stored start.
        FakeClock later = new FakeClock(clock.instant());
        TimerViewModel again = timer(signIn(timerPerson), later, preferences);
        again.load();
        assertThat(again.runningProperty().get().id()).isEqualTo(running.id());
        later.set(running.startedAt().toInstant().plus(Duration.ofMinutes(65)).plusSeconds(9));
        again.tick();
        assertThat(again.elapsedProperty().get()).isEqualTo("1:05:09");
        assertThat(again.noticeProperty().get()).isEmpty();
        later.set(running.startedAt().toInstant().plus(Duration.ofMinutes(600)).plusSeconds(1));
        again.tick();
        assertThat(again.noticeProperty().get()).as("the organization's 600 minutes").startsWith("The timer has been running for 10:00:01");
        again.dismissNotice();
        again.tick();
        assertThat(again.noticeProperty().get()).as("once per timer").isEmpty();

        // Stop, then Ctrl+Shift+T starts the last one again.
        timer.stop();
        assertThat(timer.isRunning()).isFalse();
        assertThat(timer.recordedProperty().get()).isGreaterThan(recorded);
        assertThat(Projects.of(first).time().load(running.id()).running()).isFalse();
        assertThat(timer.toggle()).isTrue();
        TimeEntry restarted = timer.runningProperty().get();
        assertThat(restarted.projectId()).isEqualTo(website.project().id());
        assertThat(restarted.taskId()).isEqualTo(design.id());

        // Idle: 10 minutes by default; 15 minutes without input, then the person is back and discards them.
        clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(60));
        timer.input();
        Instant idleStart = clock.instant();
        clock.advance(Duration.ofMinutes(15));
        timer.input();
        assertThat(timer.idleProperty().get()).isEqualTo(new IdleDetector.IdlePeriod(idleStart, idleStart.plus(Duration.ofMinutes(15))));
        timer.discardIdle();
        TimeEntry cut = Projects.of(first).time().load(restarted.id());
        assertThat(cut.endedAt().toInstant()).as("stopped when the idle time began").isEqualTo(idleStart);
        assertThat(timer.runningProperty().get().id()).as("a new timer from now").isNotEqualTo(restarted.id());
        assertThat(timer.idleProperty().get()).isNull();

        // Idle again, booked on the internal project: an entry of exactly the idle time.
        TimeEntry beforeMeeting = timer.runningProperty().get();
        clock.advance(Duration.ofMinutes(1));
        timer.input();
        Instant meeting = clock.instant();
        clock.advance(Duration.ofMinutes(40));
        timer.input();
        timer.bookIdleElsewhere(internal.project().id(), null);
        List<TimeEntry> booked = Projects.of(first).time().week(null, meeting.atZone(ZoneOffset.UTC).toLocalDate()).entries()
                .stream().filter(e -> e.projectId().equals(internal.project().id())).toList();
        assertThat(booked).extracting(TimeEntry::rawMinutes).containsExactly(40);
        assertThat(booked.get(0).startedAt().toInstant()).isEqualTo(meeting);
        assertThat(Projects.of(first).time().load(beforeMeeting.id()).endedAt().toInstant()).isEqualTo(meeting);
        assertThat(timer.runningProperty().get().projectId()).isEqualTo(website.project().id());

        // Keep: nothing changes; the person's idle time 0 asks no more.
        clock.advance(Duration.ofMinutes(30));
        timer.input();
        assertThat(timer.idleProperty().get()).isNotNull();
        TimeEntry kept = timer.runningProperty().get();
        timer.keepIdle();
        assertThat(timer.runningProperty().get()).isEqualTo(kept);
        timer.setIdleMinutes(0);
        clock.advance(Duration.ofMinutes(30));
        timer.input();
        assertThat(timer.idleProperty().get()).isNull();
        timer.stop();
    }

    /** In memory, but refusing keys java.util.prefs refuses (at most 80 characters). */
    private static UserPreferences limitedLikeTheSystemsPreferences() {
        UserPreferences memory = UserPreferences.inMemory();
        return new UserPreferences() {
            @Override
            public java.util.Optional<String> get(String key) {
                return memory.get(key);
            }

            @Override
            public void put(String key, String value) {
                if (key.length() > java.util.prefs.Preferences.MAX_KEY_LENGTH) {
                    throw new IllegalArgumentException("Key too long: " + key);
                }
                memory.put(key, value);
            }
        };
    }

    private TimerViewModel timer(TenantSession session, Clock clock, UserPreferences preferences) {
        Projects projects = Projects.of(session);
        return new TimerViewModel(projects.time(), projects.settings(), BackgroundTasks.direct(), clock, preferences,
                session.person().login(), org);
    }

    @Test
    void thePickerOffersProjectsThatTakeTimeAndTheirOpenTasks() {
        ProjectTaskPickerViewModel picker = new ProjectTaskPickerViewModel(Projects.of(employee).projects(),
                Projects.of(employee).tasks(), BackgroundTasks.direct());
        picker.searchProperty().set(website.project().name());
        picker.find();
        assertThat(picker.projects()).extracting(p -> p.id()).containsExactly(website.project().id());
        assertThat(picker.projectProperty().get().id()).isEqualTo(website.project().id());
        assertThat(picker.tasks()).extracting(ProjectTask::id).containsExactly(design.id());
        picker.taskProperty().set(picker.tasks().get(0));
        picker.descriptionProperty().set("  Mock-ups ");
        ProjectTaskChoice choice = picker.choice();
        assertThat(choice.row()).isEqualTo(designRow());
        assertThat(choice.description()).isEqualTo("Mock-ups");
        picker.searchProperty().set("no such project " + db.unique());
        picker.find();
        assertThat(picker.projects()).isEmpty();
        assertThat(picker.projectProperty().get()).isNull();
        assertThat(picker.messageProperty().get()).isEqualTo(Messages.get("time.picker.noMatch"));
    }

    @Test
    void aTimerEntryInTheWeekIsReadOnlyWhileItRuns() {
        TestPerson person = db.newPerson(org, Role.EMPLOYEE);
        TenantSession session = signIn(person);
        Projects.of(session).time().startTimer(internal.project().id(), null, null);
        WeekViewModel vm = new WeekViewModel(Projects.of(session).time(), Projects.of(session).approvals(),
                Projects.of(session).settings(), BackgroundTasks.direct(), Locale.US, Clock.systemUTC());
        vm.thisWeek();
        WeekCell cell = vm.rows().get(0).cell(LocalDate.now(ZoneOffset.UTC));
        assertThat(cell.lockedProperty().get()).isEqualTo(Messages.get("time.locked.running"));
        assertThat(vm.statusProperty().get()).as("a running timer is not yet time").isEqualTo(WeekViewModel.WeekStatus.EMPTY);
        Projects.of(session).time().stopTimer();
        Projects.of(session).time().create(TimeEntryInput.of(cell.day(), 30, internal.project().id(), null));
        vm.reload();
        assertThat(cell.lockedProperty().get()).isEqualTo(Messages.get("time.locked.several", 2));
        assertThat(TimeStatus.DRAFT.openForItsPerson()).isTrue();
    }
}
