package io.slotbridge.calendarconnector.slot.domain;

import io.slotbridge.contracts.calendar.SlotAttendee;
import io.slotbridge.contracts.calendar.SlotStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The fields of one Google Calendar event that Slotbridge reads, free of the Google client's types. A deleted event
 * seen by incremental sync may carry little more than its id and {@code CANCELLED}.
 *
 * @param colorId null when the event uses the calendar's colour
 * @param reminderMinutes the popup override, null when the event uses the calendar's default reminders
 * @param privateProperties {@code extendedProperties.private}
 */
public record CalendarEntry(
        String id,
        SlotStatus status,
        String summary,
        String description,
        Instant start,
        Instant end,
        String timeZone,
        String colorId,
        List<SlotAttendee> attendees,
        Integer reminderMinutes,
        Instant updated,
        String etag,
        Integer sequence,
        String htmlLink,
        Map<String, String> privateProperties) {

    public CalendarEntry {
        status = status == null ? SlotStatus.CONFIRMED : status;
        attendees = attendees == null ? List.of() : List.copyOf(attendees);
        privateProperties = privateProperties == null ? Map.of() : Map.copyOf(privateProperties);
    }

    public String privateProperty(String key) {
        return privateProperties.get(key);
    }
}
