package io.slotbridge.followup.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.Period;
import java.time.temporal.TemporalAmount;

/** When a {@link Step.Wait} ends, measured from the moment the previous step ran. */
public sealed interface WaitRule permits WaitRule.NextWorkingDayAt, WaitRule.Plus, WaitRule.SameDayPlus {

    /** The earliest moment the next step may run; the engine then moves it into working hours. */
    Instant after(Instant from, WorkingCalendar calendar);

    /** {@code until: next-working-day-at 10:00}: the next working day (after today) at that local time. */
    record NextWorkingDayAt(LocalTime time) implements WaitRule {
        @Override
        public Instant after(Instant from, WorkingCalendar calendar) {
            return calendar.nextWorkingDayAt(from, time);
        }
    }

    /** {@code plus: P2D} or {@code plus: PT4H}: calendar days (in the tenant's zone) or an exact duration. */
    record Plus(TemporalAmount amount) implements WaitRule {
        public Plus {
            if (!(amount instanceof Period) && !(amount instanceof Duration)) {
                throw new IllegalArgumentException("plus needs a Period or a Duration");
            }
        }

        @Override
        public Instant after(Instant from, WorkingCalendar calendar) {
            return from.atZone(calendar.zone()).plus(amount).toInstant();
        }
    }

    /**
     * {@code same-day-plus: PT2H}: later the same working day. If the day ends first, the step still happens that day,
     * in its last working minute, because the seed asks for both calls "в этот же день".
     */
    record SameDayPlus(Duration duration) implements WaitRule {
        @Override
        public Instant after(Instant from, WorkingCalendar calendar) {
            Instant wanted = from.plus(duration);
            if (!calendar.isWorkingTime(from)) {
                return wanted;
            }
            Instant lastMinute = calendar.lastWorkingMinuteOfDay(from);
            if (!wanted.isAfter(lastMinute)) {
                return wanted;
            }
            return lastMinute.isAfter(from) ? lastMinute : from;
        }
    }
}
