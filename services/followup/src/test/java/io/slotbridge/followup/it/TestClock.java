package io.slotbridge.followup.it;

import io.slotbridge.platform.time.AdjustableClock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

/** One adjustable clock for every service context of the test JVM, as the local launcher shares one. */
final class TestClock {

    static final AdjustableClock CLOCK = AdjustableClock.system();
    static final ZoneId MSK = ZoneId.of("Europe/Moscow");

    private TestClock() {}

    /** Moves the clock to 10:00 Moscow time of a Monday at least a day ahead; returns that instant. */
    static Instant mondayMorning() {
        ZonedDateTime now = CLOCK.instant().atZone(MSK);
        ZonedDateTime monday =
                now.plusDays(1).with(TemporalAdjusters.next(DayOfWeek.MONDAY)).with(LocalTime.of(10, 0));
        CLOCK.advance(Duration.between(now.toInstant(), monday.toInstant()));
        return monday.toInstant();
    }

    /** Moves the clock just past {@code instant} (never backwards). */
    static void advancePast(Instant instant) {
        Duration gap = Duration.between(CLOCK.instant(), instant).plusSeconds(1);
        if (!gap.isNegative()) {
            CLOCK.advance(gap);
        }
    }
}
