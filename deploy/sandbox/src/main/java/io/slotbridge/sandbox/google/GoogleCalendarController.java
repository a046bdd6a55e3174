package io.slotbridge.sandbox.google;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slotbridge.sandbox.SandboxProperties;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Google Calendar v3: calendars.get, events insert/get/list/patch/update/delete/watch, channels.stop, colors. */
@RestController
@RequestMapping("/google/calendar/v3")
public class GoogleCalendarController {

    private static final MediaType JSON = MediaType.parseMediaType("application/json; charset=UTF-8");
    private static final int MAX_RESULTS = 2500;

    private final GoogleCalendarStore store;
    private final GooglePush push;
    private final Clock clock;
    private final SandboxProperties.Google settings;

    public GoogleCalendarController(
            GoogleCalendarStore store, GooglePush push, Clock clock, SandboxProperties properties) {
        this.store = store;
        this.push = push;
        this.clock = clock;
        this.settings = properties.google();
    }

    @GetMapping("/calendars/{calendarId}")
    public ResponseEntity<Object> calendar(@PathVariable String calendarId) {
        GoogleCalendar calendar = store.calendar(calendarId);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", "calendar#calendar");
        json.put("etag", "\"" + calendar.generation() + "\"");
        json.put("id", calendar.id);
        json.put("summary", calendar.summary);
        json.put("timeZone", calendar.timeZone);
        json.put("conferenceProperties", Map.of("allowedConferenceSolutionTypes", List.of("hangoutsMeet")));
        return ok(json);
    }

    @PostMapping("/calendars/{calendarId}/events")
    public ResponseEntity<Object> insert(
            @PathVariable String calendarId, @RequestBody(required = false) JsonNode body) {
        GoogleCalendar calendar = store.calendar(calendarId);
        ObjectNode event = calendar.insert(object(body), calendarId);
        push.changed(calendarId);
        return ok(event);
    }

    @GetMapping("/calendars/{calendarId}/events/{eventId}")
    public ResponseEntity<Object> get(@PathVariable String calendarId, @PathVariable String eventId) {
        return ok(store.calendar(calendarId).get(eventId));
    }

    @PatchMapping("/calendars/{calendarId}/events/{eventId}")
    public ResponseEntity<Object> patch(
            @PathVariable String calendarId,
            @PathVariable String eventId,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @RequestBody(required = false) JsonNode body) {
        ObjectNode event = store.calendar(calendarId).patch(eventId, object(body), ifMatch);
        push.changed(calendarId);
        return ok(event);
    }

    @PutMapping("/calendars/{calendarId}/events/{eventId}")
    public ResponseEntity<Object> update(
            @PathVariable String calendarId,
            @PathVariable String eventId,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @RequestBody(required = false) JsonNode body) {
        ObjectNode event = store.calendar(calendarId).update(eventId, object(body), ifMatch);
        push.changed(calendarId);
        return ok(event);
    }

    @DeleteMapping("/calendars/{calendarId}/events/{eventId}")
    public ResponseEntity<Void> delete(
            @PathVariable String calendarId,
            @PathVariable String eventId,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        store.calendar(calendarId).delete(eventId, ifMatch);
        push.changed(calendarId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/calendars/{calendarId}/events")
    public ResponseEntity<Object> list(
            @PathVariable String calendarId,
            @RequestParam(required = false) String syncToken,
            @RequestParam(required = false) String pageToken,
            @RequestParam(required = false) Integer maxResults,
            @RequestParam(required = false) Boolean showDeleted,
            @RequestParam(required = false) String timeMin,
            @RequestParam(required = false) String timeMax,
            @RequestParam(required = false) String updatedMin,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String orderBy,
            @RequestParam(required = false) List<String> privateExtendedProperty) {
        GoogleCalendar calendar = store.calendar(calendarId);
        boolean restricted = timeMin != null
                || timeMax != null
                || updatedMin != null
                || q != null
                || orderBy != null
                || privateExtendedProperty != null;
        if (syncToken != null && restricted) {
            throw GoogleErrors.invalid("Sync token cannot be used with other request restrictions.");
        }
        if (syncToken != null && Boolean.FALSE.equals(showDeleted)) {
            throw GoogleErrors.invalid("showDeleted cannot be false together with a sync token.");
        }
        int max = maxResults == null ? 250 : maxResults;
        if (max < 1 || max > MAX_RESULTS) {
            throw GoogleErrors.invalid("Invalid value for: maxResults");
        }
        GoogleCalendar.Query query = query(
                calendar,
                syncToken,
                pageToken,
                max,
                Boolean.TRUE.equals(showDeleted),
                filter(timeMin, timeMax, updatedMin, q, privateExtendedProperty));
        GoogleCalendar.Page page = calendar.list(query);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", "calendar#events");
        json.put("etag", "\"" + page.snapshotSeq() + "\"");
        json.put("summary", calendar.summary);
        json.put("description", "");
        json.put("updated", GoogleCalendar.RFC3339_MILLIS.format(page.updated()));
        json.put("timeZone", calendar.timeZone);
        json.put("accessRole", "owner");
        json.put("defaultReminders", List.of(Map.of("method", "popup", "minutes", 10)));
        if (page.more()) {
            json.put(
                    "nextPageToken",
                    SyncTokens.page(
                            calendarId,
                            new SyncTokens.PageCursor(
                                    calendar.generation(), query.fromSeq(), page.snapshotSeq(), page.lastSeq())));
        } else {
            json.put(
                    "nextSyncToken",
                    SyncTokens.sync(calendarId, calendar.generation(), page.snapshotSeq(), clock.instant()));
        }
        json.put("items", page.items());
        return ok(json);
    }

    private GoogleCalendar.Query query(
            GoogleCalendar calendar,
            String syncToken,
            String pageToken,
            int max,
            boolean showDeleted,
            Predicate<ObjectNode> filter) {
        if (pageToken != null) {
            SyncTokens.PageCursor cursor = SyncTokens.parsePage(calendar.id, pageToken);
            if (cursor == null) {
                throw GoogleErrors.invalid("Invalid page token value.");
            }
            if (cursor.generation() != calendar.generation()) {
                throw GoogleErrors.fullSyncRequired();
            }
            return new GoogleCalendar.Query(
                    cursor.fromSeq(), cursor.lastSeq(), cursor.snapshotSeq(), max, showDeleted, filter);
        }
        if (syncToken != null) {
            SyncTokens.Sync sync = SyncTokens.parseSync(calendar.id, syncToken);
            if (sync == null
                    || sync.generation() != calendar.generation()
                    || sync.seq() > calendar.currentSeq()
                    || !clock.instant().isBefore(sync.issuedAt().plus(settings.syncTokenTtl()))) {
                throw GoogleErrors.fullSyncRequired();
            }
            return new GoogleCalendar.Query(sync.seq(), sync.seq(), calendar.currentSeq(), max, true, filter);
        }
        return new GoogleCalendar.Query(-1, 0, calendar.currentSeq(), max, showDeleted, filter);
    }

    /** The restrictions of a full list: time window, updatedMin, free text, private extended properties. */
    private static Predicate<ObjectNode> filter(
            String timeMin, String timeMax, String updatedMin, String q, List<String> privateProperties) {
        Instant min = timeMin == null ? null : rfc3339(timeMin, "timeMin");
        Instant max = timeMax == null ? null : rfc3339(timeMax, "timeMax");
        Instant updated = updatedMin == null ? null : rfc3339(updatedMin, "updatedMin");
        return event -> {
            if (min != null && !GoogleCalendar.instant(event.path("end"), "end").isAfter(min)) {
                return false;
            }
            if (max != null
                    && !GoogleCalendar.instant(event.path("start"), "start").isBefore(max)) {
                return false;
            }
            if (updated != null && Instant.parse(event.path("updated").asText()).isBefore(updated)) {
                return false;
            }
            if (q != null) {
                String text = (event.path("summary").asText("") + " "
                                + event.path("description").asText("") + " "
                                + event.path("location").asText(""))
                        .toLowerCase();
                if (!text.contains(q.toLowerCase())) {
                    return false;
                }
            }
            if (privateProperties != null) {
                JsonNode properties = event.path("extendedProperties").path("private");
                for (String property : privateProperties) {
                    int eq = property.indexOf('=');
                    if (eq < 0) {
                        throw GoogleErrors.invalid("Invalid value for: privateExtendedProperty");
                    }
                    if (!properties
                            .path(property.substring(0, eq))
                            .asText("\u0000")
                            .equals(property.substring(eq + 1))) {
                        return false;
                    }
                }
            }
            return true;
        };
    }

    private static Instant rfc3339(String value, String name) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw GoogleErrors.invalid("Invalid value for: " + name);
        }
    }

    @PostMapping("/calendars/{calendarId}/events/watch")
    public ResponseEntity<Object> watch(@PathVariable String calendarId, @RequestBody(required = false) JsonNode body) {
        store.calendar(calendarId);
        ObjectNode request = object(body);
        String channelId = request.path("id").asText("");
        if (channelId.isBlank()) {
            throw GoogleErrors.required("Required channel id");
        }
        String type = request.path("type").asText("");
        if (!"web_hook".equals(type) && !"webhook".equals(type)) {
            throw GoogleErrors.invalid("Invalid value for: type (expected web_hook)");
        }
        URI address = address(request.path("address").asText(""));
        Instant now = clock.instant();
        Instant expiration = now.plus(settings.maxChannelTtl());
        if (request.path("params").hasNonNull("ttl")) {
            long ttl = request.path("params").path("ttl").asLong(-1);
            if (ttl <= 0) {
                throw GoogleErrors.invalid("Invalid value for: params.ttl");
            }
            Instant requested = now.plusSeconds(ttl);
            expiration = requested.isBefore(expiration) ? requested : expiration;
        } else if (request.hasNonNull("expiration")) {
            Instant requested = Instant.ofEpochMilli(request.get("expiration").asLong());
            expiration = requested.isBefore(expiration) ? requested : expiration;
        }
        String token = request.hasNonNull("token") ? request.get("token").asText() : null;
        GooglePush.Channel channel = push.watch(channelId, calendarId, address, token, expiration);
        if (channel == null) {
            throw GoogleErrors.error(400, "global", "channelIdNotUnique", "Channel id " + channelId + " not unique");
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", "api#channel");
        json.put("id", channel.id());
        json.put("resourceId", channel.resourceId());
        json.put("resourceUri", channel.resourceUri());
        if (token != null) {
            json.put("token", token);
        }
        json.put("expiration", String.valueOf(channel.expiration().toEpochMilli()));
        return ok(json);
    }

    @PostMapping("/channels/stop")
    public ResponseEntity<Void> stop(@RequestBody(required = false) JsonNode body) {
        ObjectNode request = object(body);
        String channelId = request.path("id").asText("");
        if (!push.stop(
                channelId,
                request.hasNonNull("resourceId") ? request.get("resourceId").asText() : null)) {
            throw GoogleErrors.error(404, "global", "notFound", "Channel '" + channelId + "' not found");
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/colors")
    public ResponseEntity<Object> colors() {
        Map<String, Object> event = new LinkedHashMap<>();
        GoogleColors.EVENT.forEach((id, color) ->
                event.put(id, Map.of("background", color.background(), "foreground", color.foreground())));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", "calendar#colors");
        json.put("updated", "2012-02-14T00:00:00.000Z");
        json.put(
                "calendar",
                Map.of(
                        "1",
                        Map.of(
                                "background", GoogleColors.CALENDAR_DEFAULT.background(),
                                "foreground", GoogleColors.CALENDAR_DEFAULT.foreground())));
        json.put("event", event);
        return ok(json);
    }

    private static URI address(String address) {
        try {
            URI uri = URI.create(address);
            if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
                throw new IllegalArgumentException(address);
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw GoogleErrors.invalid("Invalid value for: address " + address);
        }
    }

    private static ObjectNode object(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw GoogleErrors.error(400, "global", "parseError", "Parse Error");
        }
        return (ObjectNode) body;
    }

    private static ResponseEntity<Object> ok(Object body) {
        return ResponseEntity.ok().contentType(JSON).body(body);
    }
}
