package io.slotbridge.sandbox.google;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** A week of each emulated calendar, Monday to Sunday in Moscow time, slots in their Google colours. */
@Component
public class CalendarWeeks {

    private static final ZoneId ZONE = ZoneId.of("Europe/Moscow");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE dd.MM", new Locale("ru"));
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

    /** One slot. */
    public record Slot(
            String time, String summary, String background, String colorName, boolean cancelled, String guests) {}

    public record Day(String label, boolean today, List<Slot> slots) {}

    public record Week(String calendarId, String summary, String range, List<Day> days) {}

    private final GoogleCalendarStore store;
    private final Clock clock;

    public CalendarWeeks(GoogleCalendarStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The week {@code offset} weeks from the current one. */
    public List<Week> weeks(int offset) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZONE);
        LocalDate monday =
                today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(offset);
        List<Week> weeks = new ArrayList<>();
        for (GoogleCalendar calendar : store.all()) {
            List<ObjectNode> events = calendar.all();
            List<Day> days = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                LocalDate date = monday.plusDays(i);
                Instant from = date.atStartOfDay(ZONE).toInstant();
                Instant to = date.plusDays(1).atStartOfDay(ZONE).toInstant();
                List<ObjectNode> onDay = events.stream()
                        .filter(e -> {
                            Instant start = GoogleCalendar.instant(e.path("start"), "start");
                            return !start.isBefore(from) && start.isBefore(to);
                        })
                        .sorted(Comparator.comparing(e -> GoogleCalendar.instant(e.path("start"), "start")))
                        .toList();
                days.add(new Day(
                        DAY.format(date),
                        date.equals(today),
                        onDay.stream().map(CalendarWeeks::slot).toList()));
            }
            weeks.add(new Week(
                    calendar.id, calendar.summary, DAY.format(monday) + " – " + DAY.format(monday.plusDays(6)), days));
        }
        return weeks;
    }

    private static Slot slot(ObjectNode event) {
        ZonedDateTime start =
                GoogleCalendar.instant(event.path("start"), "start").atZone(ZONE);
        ZonedDateTime end = GoogleCalendar.instant(event.path("end"), "end").atZone(ZONE);
        GoogleColors.Color color = GoogleColors.of(event.path("colorId").asText(null));
        List<String> guests = new ArrayList<>();
        for (JsonNode attendee : event.path("attendees")) {
            guests.add(attendee.path("email").asText() + " ("
                    + attendee.path("responseStatus").asText() + ")");
        }
        return new Slot(
                HOUR.format(start) + "–" + HOUR.format(end),
                event.path("summary").asText("(без названия)"),
                color.background(),
                color.name(),
                "cancelled".equals(event.path("status").asText()),
                String.join(", ", guests));
    }
}
