package io.slotbridge.sandbox.google;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One emulated Google calendar. Every change stamps the event with the calendar's next change number; sync tokens
 * and page tokens are positions in that sequence, so an incremental list returns exactly what changed since, deleted
 * (cancelled) events included. Events are never removed: deleting sets {@code status: cancelled}.
 */
public final class GoogleCalendar {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final DateTimeFormatter RFC3339_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** Fields Google manages; a client's values for them are ignored. */
    private static final Set<String> SERVER_FIELDS = Set.of(
            "kind", "etag", "id", "htmlLink", "created", "updated", "iCalUID", "creator", "organizer", "sequence");

    private record Stored(ObjectNode resource, long changeSeq) {}

    /** One page of a list: items plus either the next page's or the next sync's position. */
    record Page(List<ObjectNode> items, long lastSeq, boolean more, long snapshotSeq, Instant updated) {}

    /** What a list asks for; {@code fromSeq} is -1 for a full list. */
    record Query(
            long fromSeq,
            long afterSeq,
            long snapshotSeq,
            int maxResults,
            boolean showDeleted,
            Predicate<ObjectNode> filter) {}

    final String id;
    final String summary;
    final String timeZone;
    private final String baseUrl;
    private final Clock clock;
    private final Map<String, Stored> events = new LinkedHashMap<>();
    private long seq;
    private long generation;

    GoogleCalendar(String id, String summary, String timeZone, String baseUrl, Clock clock, long generation) {
        this.id = id;
        this.summary = summary;
        this.timeZone = timeZone;
        this.baseUrl = baseUrl;
        this.clock = clock;
        this.generation = generation;
    }

    synchronized long generation() {
        return generation;
    }

    synchronized long currentSeq() {
        return seq;
    }

    /** Every sync token issued so far stops working (410 on next use). */
    public synchronized void invalidateSyncTokens() {
        generation++;
    }

    synchronized ObjectNode insert(ObjectNode body, String creator) {
        String eventId = body.path("id").asText("");
        if (eventId.isEmpty()) {
            eventId = GoogleIds.newEventId();
        } else if (!GoogleIds.isValidEventId(eventId)) {
            throw GoogleErrors.invalid("Invalid resource id value.");
        }
        if (events.containsKey(eventId)) {
            throw GoogleErrors.error(409, "global", "duplicate", "The requested identifier already exists.");
        }
        String now = now();
        ObjectNode event = MAPPER.createObjectNode();
        event.put("kind", "calendar#event");
        event.put("etag", "");
        event.put("id", eventId);
        event.put("status", "confirmed");
        event.put("htmlLink", baseUrl + "/google/calendar/event?eid=" + eventId);
        event.put("created", now);
        event.put("updated", now);
        copyClientFields(body, event);
        event.set("creator", MAPPER.createObjectNode().put("email", creator));
        event.set(
                "organizer",
                MAPPER.createObjectNode()
                        .put("email", id)
                        .put("displayName", summary)
                        .put("self", true));
        event.put("iCalUID", eventId + "@google.com");
        event.put("sequence", 0);
        return store(validated(event));
    }

    synchronized ObjectNode get(String eventId) {
        return stored(eventId).resource().deepCopy();
    }

    /** PATCH: objects merge, arrays and scalars replace, {@code null} removes. */
    synchronized ObjectNode patch(String eventId, ObjectNode body, String ifMatch) {
        ObjectNode current = checkedForWrite(eventId, ifMatch);
        ObjectNode next = current.deepCopy();
        body.fields().forEachRemaining(field -> {
            if (!SERVER_FIELDS.contains(field.getKey())) {
                merge(next, field.getKey(), field.getValue());
            }
        });
        return store(bumpSequence(current, validated(next)));
    }

    /** PUT: the client's fields replace all of the event's (server-managed fields stay). */
    synchronized ObjectNode update(String eventId, ObjectNode body, String ifMatch) {
        ObjectNode current = checkedForWrite(eventId, ifMatch);
        ObjectNode next = MAPPER.createObjectNode();
        current.fields().forEachRemaining(field -> {
            if (SERVER_FIELDS.contains(field.getKey())) {
                next.set(field.getKey(), field.getValue());
            }
        });
        next.put("status", "confirmed");
        copyClientFields(body, next);
        return store(bumpSequence(current, validated(next)));
    }

    synchronized void delete(String eventId, String ifMatch) {
        ObjectNode current = checkedForWrite(eventId, ifMatch);
        if ("cancelled".equals(current.path("status").asText())) {
            throw GoogleErrors.error(410, "global", "deleted", "Resource has been deleted");
        }
        ObjectNode next = current.deepCopy();
        next.put("status", "cancelled");
        store(next);
    }

    synchronized Page list(Query query) {
        List<Stored> candidates = new ArrayList<>();
        long after = Math.max(query.fromSeq(), query.afterSeq());
        for (Stored stored : events.values()) {
            if (stored.changeSeq() <= after || stored.changeSeq() > query.snapshotSeq()) {
                continue;
            }
            boolean cancelled =
                    "cancelled".equals(stored.resource().path("status").asText());
            boolean incremental = query.fromSeq() >= 0;
            if (cancelled && !incremental && !query.showDeleted()) {
                continue;
            }
            if (!incremental && !query.filter().test(stored.resource())) {
                continue;
            }
            candidates.add(stored);
        }
        candidates.sort(Comparator.comparingLong(Stored::changeSeq));
        List<Stored> page = candidates.subList(0, Math.min(query.maxResults(), candidates.size()));
        long lastSeq = page.isEmpty() ? after : page.get(page.size() - 1).changeSeq();
        Instant updated = events.values().stream()
                .map(s -> Instant.parse(s.resource().path("updated").asText()))
                .max(Comparator.naturalOrder())
                .orElse(clock.instant());
        return new Page(
                page.stream().map(s -> s.resource().deepCopy()).toList(),
                lastSeq,
                candidates.size() > page.size(),
                query.snapshotSeq(),
                updated);
    }

    /** All events, cancelled included (for the sandbox page). */
    synchronized List<ObjectNode> all() {
        return events.values().stream().map(s -> s.resource().deepCopy()).toList();
    }

    private Stored stored(String eventId) {
        Stored stored = events.get(eventId);
        if (stored == null) {
            throw GoogleErrors.notFound();
        }
        return stored;
    }

    private ObjectNode checkedForWrite(String eventId, String ifMatch) {
        ObjectNode current = stored(eventId).resource();
        if (ifMatch != null && !ifMatch.isBlank() && !"*".equals(ifMatch.strip())) {
            if (!bare(ifMatch).equals(bare(current.path("etag").asText()))) {
                throw GoogleErrors.preconditionFailed();
            }
        }
        return current;
    }

    private static String bare(String etag) {
        String value = etag.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        return value.replace("\"", "");
    }

    private ObjectNode store(ObjectNode event) {
        long changeSeq = ++seq;
        Instant now = clock.instant();
        event.put("updated", RFC3339_MILLIS.format(now));
        // Unique per write even when the clock stands still (tests freeze it).
        event.put("etag", "\"" + (now.toEpochMilli() * 1000 + changeSeq % 1000) + "\"");
        events.put(event.get("id").asText(), new Stored(event, changeSeq));
        return event.deepCopy();
    }

    private static ObjectNode bumpSequence(ObjectNode before, ObjectNode after) {
        if (!before.path("start").equals(after.path("start"))
                || !before.path("end").equals(after.path("end"))) {
            after.put("sequence", before.path("sequence").asInt() + 1);
        }
        return after;
    }

    private static void copyClientFields(ObjectNode body, ObjectNode target) {
        body.fields().forEachRemaining(field -> {
            if (!SERVER_FIELDS.contains(field.getKey()) && !field.getValue().isNull()) {
                target.set(field.getKey(), field.getValue().deepCopy());
            }
        });
    }

    private static void merge(ObjectNode target, String key, JsonNode value) {
        if (value.isNull()) {
            target.remove(key);
        } else if (value.isObject() && target.path(key).isObject()) {
            ObjectNode child = (ObjectNode) target.get(key);
            value.fields().forEachRemaining(field -> merge(child, field.getKey(), field.getValue()));
        } else {
            target.set(key, value.deepCopy());
        }
    }

    /** Google's checks on a written event, plus its defaults for attendees and reminders. */
    private static ObjectNode validated(ObjectNode event) {
        Instant start = instant(event.path("start"), "start");
        Instant end = instant(event.path("end"), "end");
        if (end.isBefore(start)) {
            throw GoogleErrors.error(400, "calendar", "timeRangeEmpty", "The specified time range is empty.");
        }
        String colorId = event.path("colorId").asText("");
        if (!colorId.isEmpty() && !GoogleColors.EVENT.containsKey(colorId)) {
            throw GoogleErrors.invalid("Invalid value for: colorId");
        }
        String status = event.path("status").asText("confirmed");
        if (!Set.of("confirmed", "tentative", "cancelled").contains(status)) {
            throw GoogleErrors.invalid("Invalid value for: status");
        }
        if (event.path("attendees").isArray()) {
            for (Iterator<JsonNode> it = event.get("attendees").elements(); it.hasNext(); ) {
                JsonNode attendee = it.next();
                if (!attendee.hasNonNull("email")) {
                    throw GoogleErrors.required("Missing attendee email.");
                }
                if (attendee.isObject() && !attendee.has("responseStatus")) {
                    ((ObjectNode) attendee).put("responseStatus", "needsAction");
                }
            }
        } else if (event.has("attendees") && !(event.get("attendees") instanceof ArrayNode)) {
            throw GoogleErrors.invalid("Invalid value for: attendees");
        }
        if (!event.has("reminders")) {
            event.set("reminders", MAPPER.createObjectNode().put("useDefault", true));
        }
        if (!event.has("eventType")) {
            event.put("eventType", "default");
        }
        return event;
    }

    /** The instant of {@code start}/{@code end}: {@code dateTime} with offset, or an all-day {@code date}. */
    static Instant instant(JsonNode time, String name) {
        try {
            if (time.hasNonNull("dateTime")) {
                return OffsetDateTime.parse(time.get("dateTime").asText()).toInstant();
            }
            if (time.hasNonNull("date")) {
                return LocalDate.parse(time.get("date").asText())
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant();
            }
        } catch (DateTimeParseException e) {
            throw GoogleErrors.invalid("Invalid value for: " + name + " " + e.getParsedString());
        }
        throw GoogleErrors.required("Missing " + name + " time.");
    }

    private String now() {
        return RFC3339_MILLIS.format(clock.instant());
    }
}
