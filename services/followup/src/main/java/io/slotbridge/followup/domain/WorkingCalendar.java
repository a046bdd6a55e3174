package io.slotbridge.followup.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The call centre's working days and hours in the tenant's time zone. Hours are the half-open interval
 * {@code [from, to)}: a step may run at 09:00 but not at 20:00.
 */
public final class WorkingCalendar {

    private static final int MAX_DAYS_AHEAD = 14;

    private final ZoneId zone;
    private final Set<DayOfWeek> days;
    private final LocalTime from;
    private final LocalTime to;

    public WorkingCalendar(ZoneId zone, Set<DayOfWeek> days, LocalTime from, LocalTime to) {
        this.zone = Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(days, "days");
        if (days.isEmpty()) {
            throw new IllegalArgumentException("working days must not be empty");
        }
        this.days = EnumSet.copyOf(days);
        this.from = Objects.requireNonNull(from, "from");
        this.to = Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("working hours must start before they end: " + from + "-" + to);
        }
    }

    /** Moscow, Monday to Friday, 09:00-20:00. */
    public static WorkingCalendar moscowOfficeHours() {
        return new WorkingCalendar(
                ZoneId.of("Europe/Moscow"),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                LocalTime.of(9, 0),
                LocalTime.of(20, 0));
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean isWorkingTime(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        LocalTime time = local.toLocalTime();
        return days.contains(local.getDayOfWeek()) && !time.isBefore(from) && time.isBefore(to);
    }

    /** The instant itself when it is working time, else the opening of the next working day. */
    public Instant nextWorkingTime(Instant instant) {
        if (isWorkingTime(instant)) {
            return instant;
        }
        ZonedDateTime local = instant.atZone(zone);
        LocalDate date = local.toLocalDate();
        if (days.contains(local.getDayOfWeek()) && local.toLocalTime().isBefore(from)) {
            return date.atTime(from).atZone(zone).toInstant();
        }
        return nextWorkingDate(date).atTime(from).atZone(zone).toInstant();
    }

    /** The first working day after the instant's local date, at {@code time} (moved into working hours). */
    public Instant nextWorkingDayAt(Instant instant, LocalTime time) {
        LocalDate date = nextWorkingDate(instant.atZone(zone).toLocalDate());
        return nextWorkingTime(date.atTime(time).atZone(zone).toInstant());
    }

    /** The last minute of working time on the instant's local date (a call task is due by then). */
    public Instant lastWorkingMinuteOfDay(Instant instant) {
        LocalDate date = instant.atZone(zone).toLocalDate();
        return date.atTime(to.minusMinutes(1)).atZone(zone).toInstant();
    }

    /** When the working day that contains (or follows) the instant closes. */
    public Instant closingOfWorkingDay(Instant instant) {
        Instant working = nextWorkingTime(instant);
        return working.atZone(zone).toLocalDate().atTime(to).atZone(zone).toInstant();
    }

    private LocalDate nextWorkingDate(LocalDate after) {
        LocalDate date = after.plusDays(1);
        for (int i = 0; i < MAX_DAYS_AHEAD && !days.contains(date.getDayOfWeek()); i++) {
            date = date.plusDays(1);
        }
        return date;
    }

    @Override
    public String toString() {
        return "WorkingCalendar[" + zone + " " + days + " " + from + "-" + to + "]";
    }
}
