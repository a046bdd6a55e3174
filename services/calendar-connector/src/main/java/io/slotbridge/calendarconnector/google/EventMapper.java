package io.slotbridge.calendarconnector.google;

import com.google.api.client.util.DateTime;
import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.EventAttendee;
import com.google.api.services.calendar.model.EventDateTime;
import com.google.api.services.calendar.model.EventReminder;
import io.slotbridge.calendarconnector.slot.domain.CalendarEntry;
import io.slotbridge.calendarconnector.slot.domain.SlotEdit;
import io.slotbridge.contracts.calendar.CreateSlot;
import io.slotbridge.contracts.calendar.SlotAttendee;
import io.slotbridge.contracts.calendar.SlotLinkProperties;
import io.slotbridge.contracts.calendar.SlotStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Between Google's {@link Event} and our {@link CalendarEntry}, and from commands to events. */
public final class EventMapper {

    private static final String POPUP = "popup";

    private EventMapper() {}

    /** @param zone the tenant's zone, for all-day events (which have a date but no time) */
    public static CalendarEntry toEntry(Event event, ZoneId zone) {
        Event.ExtendedProperties extended = event.getExtendedProperties();
        return new CalendarEntry(
                event.getId(),
                status(event.getStatus()),
                event.getSummary(),
                event.getDescription(),
                instant(event.getStart(), zone),
                instant(event.getEnd(), zone),
                event.getStart() == null ? null : event.getStart().getTimeZone(),
                event.getColorId(),
                attendees(event.getAttendees()),
                popupMinutes(event.getReminders()),
                event.getUpdated() == null
                        ? null
                        : Instant.ofEpochMilli(event.getUpdated().getValue()),
                event.getEtag(),
                event.getSequence(),
                event.getHtmlLink(),
                extended == null ? null : extended.getPrivate());
    }

    /**
     * The event a {@code CreateSlot} inserts. Its id is the command's slot id (deterministic, base32hex), and the
     * private properties link it to the lead and mark it as written by this command.
     */
    public static Event newEvent(CreateSlot command) {
        Map<String, String> link = new HashMap<>();
        link.put(SlotLinkProperties.TENANT, command.tenant());
        link.put(SlotLinkProperties.LEAD, command.leadId());
        link.put(SlotLinkProperties.MEETING_NUMBER, Integer.toString(command.meetingNumber()));
        link.put(SlotLinkProperties.LAST_COMMAND, command.commandId());
        Event event = new Event()
                .setId(command.slotId())
                .setSummary(command.title())
                .setDescription(command.description())
                .setStart(dateTime(command.start(), command.timeZone()))
                .setEnd(dateTime(command.end(), command.timeZone()))
                .setReminders(new Event.Reminders()
                        .setUseDefault(false)
                        .setOverrides(
                                List.of(new EventReminder().setMethod(POPUP).setMinutes(command.reminderMinutes()))))
                .setExtendedProperties(new Event.ExtendedProperties().setPrivate(link));
        if (command.guestEmail() != null && !command.guestEmail().isBlank()) {
            event.setAttendees(
                    List.of(new EventAttendee().setEmail(command.guestEmail().strip())));
        }
        if (command.colorId() != null && !command.colorId().isBlank()) {
            event.setColorId(command.colorId());
        }
        return event;
    }

    /**
     * Applies an edit to the event as read, for a full update. Guests who stay keep their response status, and the
     * private properties are kept with our command id as the last writer.
     */
    public static Event applyEdit(Event current, SlotEdit edit, String commandId) {
        Event event = current.clone();
        event.setSummary(edit.summary());
        event.setDescription(edit.description());
        // an absent colorId in a full update means the calendar's colour
        event.setColorId(edit.colorId());
        event.setStatus(edit.status().name().toLowerCase(Locale.ROOT));
        String zone = current.getStart() == null ? null : current.getStart().getTimeZone();
        if (edit.start() != null && !edit.start().equals(instant(current.getStart(), ZoneId.of("UTC")))) {
            event.setStart(dateTime(edit.start(), zone));
        }
        if (edit.end() != null && !edit.end().equals(instant(current.getEnd(), ZoneId.of("UTC")))) {
            event.setEnd(dateTime(edit.end(), zone));
        }
        event.setAttendees(guests(current.getAttendees(), edit.guestEmails()));
        Map<String, String> properties = new HashMap<>();
        if (current.getExtendedProperties() != null
                && current.getExtendedProperties().getPrivate() != null) {
            properties.putAll(current.getExtendedProperties().getPrivate());
        }
        properties.put(SlotLinkProperties.LAST_COMMAND, commandId);
        Event.ExtendedProperties extended = current.getExtendedProperties() == null
                ? new Event.ExtendedProperties()
                : current.getExtendedProperties().clone();
        event.setExtendedProperties(extended.setPrivate(properties));
        return event;
    }

    private static List<EventAttendee> guests(List<EventAttendee> current, List<String> emails) {
        List<EventAttendee> result = new ArrayList<>();
        for (String email : emails) {
            EventAttendee kept = current == null
                    ? null
                    : current.stream()
                            .filter(a -> email.equalsIgnoreCase(a.getEmail()))
                            .findFirst()
                            .orElse(null);
            result.add(kept != null ? kept : new EventAttendee().setEmail(email));
        }
        return result;
    }

    static EventDateTime dateTime(Instant instant, String zone) {
        int offsetMinutes =
                zone == null ? 0 : ZoneId.of(zone).getRules().getOffset(instant).getTotalSeconds() / 60;
        return new EventDateTime()
                .setDateTime(new DateTime(false, instant.toEpochMilli(), offsetMinutes))
                .setTimeZone(zone);
    }

    private static Instant instant(EventDateTime value, ZoneId zone) {
        if (value == null) {
            return null;
        }
        if (value.getDateTime() != null) {
            return Instant.ofEpochMilli(value.getDateTime().getValue());
        }
        if (value.getDate() != null) {
            return LocalDate.parse(value.getDate().toStringRfc3339())
                    .atStartOfDay(zone)
                    .toInstant();
        }
        return null;
    }

    private static SlotStatus status(String status) {
        if (status == null) {
            return SlotStatus.CONFIRMED;
        }
        return switch (status) {
            case "cancelled" -> SlotStatus.CANCELLED;
            case "tentative" -> SlotStatus.TENTATIVE;
            default -> SlotStatus.CONFIRMED;
        };
    }

    private static List<SlotAttendee> attendees(List<EventAttendee> attendees) {
        if (attendees == null) {
            return List.of();
        }
        return attendees.stream()
                .filter(a -> a.getEmail() != null)
                .map(a -> new SlotAttendee(a.getEmail(), a.getResponseStatus()))
                .toList();
    }

    private static Integer popupMinutes(Event.Reminders reminders) {
        if (reminders == null || Boolean.TRUE.equals(reminders.getUseDefault()) || reminders.getOverrides() == null) {
            return null;
        }
        return reminders.getOverrides().stream()
                .filter(r -> POPUP.equals(r.getMethod()))
                .map(EventReminder::getMinutes)
                .findFirst()
                .orElse(null);
    }
}
