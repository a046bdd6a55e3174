package io.slotbridge.console.meeting.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * A week of meetings as a grid: one row per expert, one column per day (Monday first) in the tenant's time zone,
 * each cell the expert's slots of that day in time order. Slots without a known expert share one row at the end.
 */
public record WeekBoard<T>(LocalDate monday, ZoneId zone, List<LocalDate> days, List<Row<T>> rows) {

    public static final String NO_EXPERT = "(no expert)";

    public static LocalDate mondayOf(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** The week's bounds as instants, for the query. */
    public static Instant start(LocalDate monday, ZoneId zone) {
        return monday.atStartOfDay(zone).toInstant();
    }

    public static Instant end(LocalDate monday, ZoneId zone) {
        return monday.plusDays(7).atStartOfDay(zone).toInstant();
    }

    public static <T> WeekBoard<T> of(
            List<T> slots, Function<T, Instant> start, Function<T, String> expert, LocalDate monday, ZoneId zone) {
        List<LocalDate> days = IntStream.range(0, 7).mapToObj(monday::plusDays).toList();
        Map<String, List<List<T>>> byExpert = new TreeMap<>(expertOrder());
        slots.stream().sorted(Comparator.comparing(start)).forEach(slot -> {
            LocalDate day = start.apply(slot).atZone(zone).toLocalDate();
            int column = (int) (day.toEpochDay() - monday.toEpochDay());
            if (column < 0 || column > 6) {
                return;
            }
            String name = expert.apply(slot);
            List<List<T>> cells =
                    byExpert.computeIfAbsent(name == null || name.isBlank() ? NO_EXPERT : name, k -> emptyWeek());
            cells.get(column).add(slot);
        });
        List<Row<T>> rows = byExpert.entrySet().stream()
                .map(e -> new Row<>(e.getKey(), e.getValue()))
                .toList();
        return new WeekBoard<>(monday, zone, days, rows);
    }

    private static <T> List<List<T>> emptyWeek() {
        List<List<T>> week = new ArrayList<>(7);
        for (int i = 0; i < 7; i++) {
            week.add(new ArrayList<>());
        }
        return week;
    }

    private static Comparator<String> expertOrder() {
        return Comparator.comparing((String name) -> name.equals(NO_EXPERT)).thenComparing(Comparator.naturalOrder());
    }

    public LocalDate previousWeek() {
        return monday.minusWeeks(1);
    }

    public LocalDate nextWeek() {
        return monday.plusWeeks(1);
    }

    public record Row<T>(String expert, List<List<T>> days) {}
}
