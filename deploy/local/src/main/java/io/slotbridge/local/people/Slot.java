package io.slotbridge.local.people;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Google Calendar event as the calendar's users see it.
 *
 * @param colorId null = the calendar's default colour
 * @param popupReminderMinutes the event's own popup reminders (empty when it uses the calendar's defaults)
 */
public record Slot(
        String id,
        String status,
        String summary,
        String description,
        String colorId,
        Instant start,
        Instant end,
        List<String> attendees,
        List<Integer> popupReminderMinutes,
        Map<String, String> privateProperties,
        String etag) {

    static Slot of(JsonNode event) {
        List<String> attendees = new ArrayList<>();
        event.path("attendees").forEach(a -> attendees.add(a.path("email").asText()));
        List<Integer> popups = new ArrayList<>();
        event.path("reminders").path("overrides").forEach(r -> {
            if ("popup".equals(r.path("method").asText())) {
                popups.add(r.path("minutes").asInt());
            }
        });
        Map<String, String> properties = new LinkedHashMap<>();
        event.path("extendedProperties")
                .path("private")
                .fields()
                .forEachRemaining(e -> properties.put(e.getKey(), e.getValue().asText()));
        return new Slot(
                event.path("id").asText(),
                event.path("status").asText(),
                event.path("summary").asText(null),
                event.path("description").asText(null),
                event.hasNonNull("colorId") && !event.get("colorId").asText().isEmpty()
                        ? event.get("colorId").asText()
                        : null,
                time(event.path("start")),
                time(event.path("end")),
                attendees,
                popups,
                properties,
                event.path("etag").asText(null));
    }

    public boolean cancelled() {
        return "cancelled".equals(status);
    }

    /** Slotbridge's meeting number of the lead (1 for the first meeting), 0 when the slot carries none. */
    public int meetingNumber() {
        String number = privateProperties.get("slotbridgeMeeting");
        return number == null ? 0 : Integer.parseInt(number);
    }

    public String privateProperty(String key) {
        return privateProperties.get(key);
    }

    private static Instant time(JsonNode time) {
        return time.hasNonNull("dateTime")
                ? OffsetDateTime.parse(time.get("dateTime").asText()).toInstant()
                : null;
    }
}
