package io.slotbridge.local.people;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Someone with the meeting calendar open in Google Calendar (the sandbox's, through the public v3 API with the
 * {@code sandbox-admin} token): finds a lead's slots, paints them, drags them to another time, deletes them.
 */
public final class CalendarPerson {

    public static final String BANANA = "5";
    public static final String BASIL = "10";
    public static final String TOMATO = "11";
    public static final String GRAPE = "3";
    public static final String GRAPHITE = "8";

    private final String calendarId;
    private final SandboxHttp http;

    public CalendarPerson(String sandboxUrl, String calendarId) {
        this.calendarId = calendarId;
        this.http = new SandboxHttp(
                sandboxUrl + "/google/calendar/v3/calendars/" + encode(calendarId),
                () -> "sandbox-admin",
                Duration.ofMillis(50),
                12);
    }

    public String calendarId() {
        return calendarId;
    }

    /** Every slot Slotbridge linked to the lead (deleted ones too), oldest start first. */
    public List<Slot> slotsOf(String tenant, long leadId) {
        List<Slot> slots = new ArrayList<>();
        for (Slot slot : list("privateExtendedProperty=" + encode("slotbridgeLead=" + leadId))) {
            if (tenant.equals(slot.privateProperty("slotbridgeTenant"))) {
                slots.add(slot);
            }
        }
        slots.sort(Comparator.comparing(Slot::start, Comparator.nullsLast(Comparator.naturalOrder())));
        return slots;
    }

    /** Every slot Slotbridge wrote for the tenant that changed since {@code since} (one call per page). */
    public List<Slot> slotsUpdatedSince(String tenant, Instant since) {
        return list("updatedMin=" + encode(since.toString()) + "&privateExtendedProperty="
                + encode("slotbridgeTenant=" + tenant));
    }

    /** {@code events.list} with deleted events, all pages. */
    private List<Slot> list(String filters) {
        List<Slot> slots = new ArrayList<>();
        String pageToken = null;
        do {
            String path = "/events?showDeleted=true&maxResults=2500&" + filters
                    + (pageToken == null ? "" : "&pageToken=" + encode(pageToken));
            JsonNode page = http.expectOk("GET", path, null);
            page.path("items").forEach(event -> slots.add(Slot.of(event)));
            pageToken =
                    page.hasNonNull("nextPageToken") ? page.get("nextPageToken").asText() : null;
        } while (pageToken != null);
        return slots;
    }

    /** The slot of the lead's latest meeting (the highest meeting number Slotbridge wrote on it). */
    public Optional<Slot> latestSlotOf(String tenant, long leadId) {
        return slotsOf(tenant, leadId).stream().max(Comparator.comparingInt(Slot::meetingNumber));
    }

    public Slot get(String eventId) {
        return Slot.of(http.expectOk("GET", "/events/" + encode(eventId), null));
    }

    /** Picks a colour for the event, as in the event's colour menu. */
    public void paint(String eventId, String colorId) {
        http.expectOk("PATCH", "/events/" + encode(eventId), Map.of("colorId", colorId));
    }

    /** Drags the event to another time, keeping its length. */
    public void move(String eventId, Instant start, Instant end) {
        http.expectOk(
                "PATCH",
                "/events/" + encode(eventId),
                Map.of("start", Map.of("dateTime", start.toString()), "end", Map.of("dateTime", end.toString())));
    }

    /**
     * The invited person answers ({@code accepted}, {@code declined}, {@code tentative}): their response status on the
     * event, as Google shows it in this calendar once they clicked in their invitation.
     */
    public void answer(String eventId, String email, String responseStatus) {
        JsonNode event = http.expectOk("GET", "/events/" + encode(eventId), null);
        ArrayNode attendees = event.path("attendees").deepCopy();
        boolean invited = false;
        for (JsonNode attendee : attendees) {
            if (email.equalsIgnoreCase(attendee.path("email").asText())) {
                ((ObjectNode) attendee).put("responseStatus", responseStatus);
                invited = true;
            }
        }
        if (!invited) {
            throw new IllegalStateException(email + " is not invited to " + eventId + ": " + event.path("attendees"));
        }
        http.expectOk("PATCH", "/events/" + encode(eventId), Map.of("attendees", attendees));
    }

    public void delete(String eventId) {
        SandboxHttp.Answer answer = http.delete("/events/" + encode(eventId));
        if (!answer.ok() && answer.status() != 410) {
            throw new IllegalStateException("delete of " + eventId + " answered " + answer.status());
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
