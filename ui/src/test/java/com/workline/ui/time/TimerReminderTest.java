package com.workline.ui.time;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimerReminderTest {
    private static final Instant START = Instant.parse("2027-01-04T08:00:00Z");
    private final FakeClock clock = new FakeClock(START);
    private final List<Duration> reminders = new ArrayList<>();
    private final TimerReminder reminder = new TimerReminder(Duration.ofHours(10), clock, reminders::add);

    @Test
    void remindsOnceWhenTheTimerPassesTheLimit() {
        assertThat(reminder.check(START)).isFalse();
        clock.advance(Duration.ofHours(10).minusSeconds(1));
        assertThat(reminder.check(START)).isFalse();
        assertThat(reminders).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        assertThat(reminder.check(START)).isTrue();
        assertThat(reminders).containsExactly(Duration.ofHours(10));

        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofMinutes(30));
            assertThat(reminder.check(START)).isFalse();
        }
        // stopped and shown again (another device): still the same timer
        assertThat(reminder.check(null)).isFalse();
        assertThat(reminder.check(START)).isFalse();
        assertThat(reminders).hasSize(1);
    }

    @Test
    void aNewTimerMayRemindAgain() {
        clock.advance(Duration.ofHours(11));
        assertThat(reminder.check(START)).isTrue();
        Instant next = clock.instant();
        assertThat(reminder.check(next)).isFalse();
        clock.advance(Duration.ofHours(10));
        assertThat(reminder.check(next)).isTrue();
        assertThat(reminders).containsExactly(Duration.ofHours(11), Duration.ofHours(10));
    }

    @Test
    void aTimerAlreadyPastTheLimitAtStartUpRemindsOnTheFirstCheck() {
        // the client restarts the next morning; the timer started yesterday still runs
        FakeClock nextMorning = new FakeClock(START.plus(Duration.ofHours(25)));
        TimerReminder afterRestart = new TimerReminder(Duration.ofHours(10), nextMorning, reminders::add);
        assertThat(afterRestart.check(START)).isTrue();
        assertThat(reminders).containsExactly(Duration.ofHours(25));
    }

    @Test
    void noLimitNeverReminds() {
        TimerReminder off = new TimerReminder(Duration.ZERO, clock, reminders::add);
        clock.advance(Duration.ofDays(3));
        assertThat(off.check(START)).isFalse();
        assertThat(reminders).isEmpty();
        assertThatThrownBy(() -> new TimerReminder(Duration.ofMinutes(-1), clock, reminders::add))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
