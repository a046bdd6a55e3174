package io.slotbridge.calendarconnector;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.slotbridge.contracts.calendar.SlotLinkProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A WireMock server standing in for {@code https://www.googleapis.com/} (one per test JVM), and Google Calendar's
 * response shapes: event resources, events-list pages, channels, error bodies (src/test/resources/google) and
 * multipart batch responses.
 */
public final class GoogleApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static WireMockServer server;

    private GoogleApi() {}

    public static synchronized WireMockServer server() {
        if (server == null) {
            WireMockServer started =
                    new WireMockServer(WireMockConfiguration.options().dynamicPort());
            started.start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "google-wiremock-stop"));
            server = started;
        }
        return server;
    }

    /** The root URL tenants are configured with (ends with a slash, like Google's). */
    public static String rootUrl() {
        return server().baseUrl() + "/";
    }

    /** A path regex for a calendar's events collection, whichever way the client escapes the {@code @}. */
    public static String eventsPath(String calendarId) {
        return "/calendar/v3/calendars/" + escapedId(calendarId) + "/events";
    }

    public static String eventPath(String calendarId, String eventId) {
        return eventsPath(calendarId) + "/" + Pattern.quote(eventId);
    }

    private static String escapedId(String calendarId) {
        return Pattern.quote(calendarId).replace("@", "\\E(?:@|%40)\\Q");
    }

    public static String error(String name) {
        try (InputStream in = GoogleApi.class.getResourceAsStream("/google/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture google/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An events-list page; the last page carries {@code nextSyncToken}, the others {@code nextPageToken}. */
    public static String eventsPage(String calendarId, List<Event> items, String nextPageToken, String nextSyncToken) {
        ObjectNode page = JSON.createObjectNode()
                .put("kind", "calendar#events")
                .put("etag", "\"p32ofplf5q6gf20g\"")
                .put("summary", calendarId)
                .put("updated", "2026-11-20T09:12:44.126Z")
                .put("timeZone", "Europe/Moscow")
                .put("accessRole", "owner");
        page.putArray("defaultReminders").addObject().put("method", "popup").put("minutes", 30);
        if (nextPageToken != null) {
            page.put("nextPageToken", nextPageToken);
        }
        if (nextSyncToken != null) {
            page.put("nextSyncToken", nextSyncToken);
        }
        ArrayNode array = page.putArray("items");
        items.forEach(item -> array.add(item.node()));
        return page.toString();
    }

    public static String channel(String id, String resourceId, String token, Instant expiration) {
        return JSON.createObjectNode()
                .put("kind", "api#channel")
                .put("id", id)
                .put("resourceId", resourceId)
                .put("resourceUri", "https://www.googleapis.com/calendar/v3/calendars/primary/events?alt=json")
                .put("token", token)
                .put("expiration", Long.toString(expiration.toEpochMilli()))
                .toString();
    }

    /** One part of a batch response. */
    public record Part(int status, String reason, String json) {}

    public static final String BATCH_BOUNDARY = "batch_pK7JBAk73-E=_AA5eFwv4m2Q=";

    /** A {@code multipart/mixed} batch response body, parts in request order (as Google answers). */
    public static String batchResponse(List<Part> parts) {
        StringBuilder body = new StringBuilder();
        int n = 0;
        for (Part part : parts) {
            n++;
            byte[] json = part.json().getBytes(StandardCharsets.UTF_8);
            body.append("--")
                    .append(BATCH_BOUNDARY)
                    .append("\r\n")
                    .append("Content-Type: application/http\r\n")
                    .append("Content-ID: response-")
                    .append(n)
                    .append("\r\n\r\n")
                    .append("HTTP/1.1 ")
                    .append(part.status())
                    .append(' ')
                    .append(part.reason())
                    .append("\r\n")
                    .append("Content-Type: application/json; charset=UTF-8\r\n")
                    .append("Content-Length: ")
                    .append(json.length)
                    .append("\r\n\r\n")
                    .append(part.json())
                    .append("\r\n");
        }
        return body.append("--").append(BATCH_BOUNDARY).append("--\r\n").toString();
    }

    public static Event event(String id) {
        return new Event(id);
    }

    /** A Google event resource, built with the fields Slotbridge reads (and a few it ignores, as Google sends). */
    public static final class Event {

        private final ObjectNode node = JSON.createObjectNode();

        private Event(String id) {
            node.put("kind", "calendar#event")
                    .put("etag", "\"3181161784712000\"")
                    .put("id", id)
                    .put("status", "confirmed")
                    .put("htmlLink", "https://www.google.com/calendar/event?eid=" + id)
                    .put("created", "2026-11-20T09:00:00.000Z")
                    .put("updated", "2026-11-20T09:00:00.356Z")
                    .put("summary", "Встреча с Семёном (категория A), 13:00 мск, (Паша)")
                    .put("iCalUID", id + "@google.com")
                    .put("sequence", 0)
                    .put("eventType", "default");
            node.putObject("creator").put("email", "calendar-bot@demo.example");
            node.putObject("organizer")
                    .put("email", "kev-demo@group.calendar.google.com")
                    .put("self", true);
            time("2026-11-25T13:00:00+03:00", "2026-11-25T14:00:00+03:00");
            ObjectNode reminders = node.putObject("reminders").put("useDefault", false);
            reminders.putArray("overrides").addObject().put("method", "popup").put("minutes", 15);
        }

        public Event etag(String etag) {
            node.put("etag", etag);
            return this;
        }

        public Event updated(String rfc3339) {
            node.put("updated", rfc3339);
            return this;
        }

        public Event status(String status) {
            node.put("status", status);
            return this;
        }

        public Event summary(String summary) {
            node.put("summary", summary);
            return this;
        }

        public Event description(String description) {
            node.put("description", description);
            return this;
        }

        public Event color(String colorId) {
            node.put("colorId", colorId);
            return this;
        }

        public Event time(String start, String end) {
            node.putObject("start").put("dateTime", start).put("timeZone", "Europe/Moscow");
            node.putObject("end").put("dateTime", end).put("timeZone", "Europe/Moscow");
            return this;
        }

        public Event attendee(String email, String responseStatus) {
            ArrayNode attendees =
                    node.has("attendees") ? (ArrayNode) node.get("attendees") : node.putArray("attendees");
            attendees.addObject().put("email", email).put("responseStatus", responseStatus);
            return this;
        }

        /** Our private extended properties: the lead link and the last command that wrote the event. */
        public Event linkedTo(String tenant, String leadId, int meeting, String lastCommand) {
            Map<String, String> properties = new java.util.LinkedHashMap<>();
            properties.put(SlotLinkProperties.TENANT, tenant);
            properties.put(SlotLinkProperties.LEAD, leadId);
            properties.put(SlotLinkProperties.MEETING_NUMBER, Integer.toString(meeting));
            if (lastCommand != null) {
                properties.put(SlotLinkProperties.LAST_COMMAND, lastCommand);
            }
            ObjectNode extended = node.putObject("extendedProperties");
            ObjectNode privateProperties = extended.putObject("private");
            properties.forEach(privateProperties::put);
            return this;
        }

        /** What incremental sync returns for a deleted event: little more than id and status. */
        public static Event deleted(String id) {
            Event event = new Event(id);
            event.node.removeAll();
            event.node
                    .put("kind", "calendar#event")
                    .put("etag", "\"3181161999000000\"")
                    .put("id", id)
                    .put("status", "cancelled");
            return event;
        }

        public ObjectNode node() {
            return node;
        }

        public String json() {
            return node.toString();
        }
    }
}
