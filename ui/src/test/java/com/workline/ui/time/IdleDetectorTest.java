package com.workline.ui.time;

import com.workline.ui.time.IdleDetector.IdlePeriod;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdleDetectorTest {
    private static final Instant NINE = Instant.parse("2027-01-04T09:00:00Z");
    private final FakeClock clock = new FakeClock(NINE);
    private final IdleDetector detector = new IdleDetector(Duration.ofMinutes(5), clock);

    @Test
    void inputWithinTheThresholdIsNoIdleTime() {
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofMinutes(4));
            assertThat(detector.input()).isEmpty();
        }
        // exactly the threshold is not yet away
        clock.advance(Duration.ofMinutes(5));
        assertThat(detector.input()).isEmpty();
        assertThat(detector.lastInput()).isEqualTo(NINE.plus(Duration.ofMinutes(45)));
    }

    @Test
    void aLongerGapIsReportedFromTheLastInputToTheOneThatEndsIt() {
        clock.advance(Duration.ofMinutes(1));
        detector.input();
        Instant lastBeforeLunch = clock.instant();
        clock.advance(Duration.ofMinutes(47));
        assertThat(detector.idleSince()).contains(lastBeforeLunch);
        clock.advance(Duration.ofSeconds(30));

        assertThat(detector.input()).contains(new IdlePeriod(lastBeforeLunch, clock.instant()));
        assertThat(detector.idleSince()).isEmpty();
        // the next input right after is no idle time again
        clock.advance(Duration.ofSeconds(2));
        assertThat(detector.input()).isEmpty();
    }

    @Test
    void countingStartsAtConstructionAndAfterReset() {
        clock.advance(Duration.ofMinutes(6));
        assertThat(detector.input()).contains(new IdlePeriod(NINE, NINE.plus(Duration.ofMinutes(6))));

        clock.advance(Duration.ofMinutes(30));
        detector.reset();   // e.g. the idle dialog was answered
        clock.advance(Duration.ofMinutes(1));
        assertThat(detector.input()).isEmpty();
    }

    @Test
    void inputFedWithItsOwnTimestampsAndOutOfOrder() {
        Instant t1 = NINE.plus(Duration.ofMinutes(2));
        Instant t2 = NINE.plus(Duration.ofMinutes(20));
        assertThat(detector.input(t1)).isEmpty();
        assertThat(detector.input(t2)).map(IdlePeriod::duration).contains(Duration.ofMinutes(18));
        // an event stamped before the last one changes nothing
        assertThat(detector.input(t1.plusSeconds(10))).isEmpty();
        assertThat(detector.lastInput()).isEqualTo(t2);
        assertThat(detector.input(t2)).isEmpty();
    }

    @Test
    void theThresholdCanChange() {
        clock.advance(Duration.ofMinutes(3));
        detector.setThreshold(Duration.ofMinutes(2));
        assertThat(detector.threshold()).isEqualTo(Duration.ofMinutes(2));
        assertThat(detector.input()).map(IdlePeriod::duration).contains(Duration.ofMinutes(3));
        assertThatThrownBy(() -> detector.setThreshold(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IdleDetector(Duration.ofSeconds(-1), clock)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theIdlePartAfterATimersStart() {
        IdlePeriod away = new IdlePeriod(NINE, NINE.plus(Duration.ofHours(1)));
        assertThat(away.from(NINE.minusSeconds(60))).contains(away);
        assertThat(away.from(NINE.plus(Duration.ofMinutes(20))))
                .contains(new IdlePeriod(NINE.plus(Duration.ofMinutes(20)), NINE.plus(Duration.ofHours(1))));
        assertThat(away.from(NINE.plus(Duration.ofHours(1)))).isEmpty();
        assertThat(away.duration()).isEqualTo(Duration.ofHours(1));
        assertThatThrownBy(() -> new IdlePeriod(NINE, NINE.minusSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
