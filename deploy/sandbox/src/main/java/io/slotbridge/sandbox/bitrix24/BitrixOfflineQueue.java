package io.slotbridge.sandbox.bitrix24;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import org.springframework.stereotype.Component;

/**
 * The offline-event queue of a portal's application (event.bind with {@code event_type=offline}), with the semantics of
 * Bitrix24's {@code b_rest_event_offline}: one record per object and event, {@code MESSAGE_ID = md5(EVENT_NAME|json
 * (EVENT_DATA))}, a new change of an object whose record waits unreserved only moves its {@code TIMESTAMP_X} (latest
 * state, not history). {@code event.offline.get} with {@code clear=0} reserves up to {@code limit} records under a new
 * {@code process_id} (hidden from other readers; {@code process_id} given re-selects them), {@code event.offline.clear}
 * deletes a process's records (all, or by {@code id} / {@code message_id}), {@code event.offline.error} puts them back
 * marked as errors, returned only to {@code error=1}.
 */
@Component
public class BitrixOfflineQueue {

    private static final class Row {
        long id;
        String timestamp;
        String eventName;
        Map<String, Object> eventData;
        Map<String, Object> eventAdditional;
        String messageId;
        String processId = "";
        boolean error;
    }

    private final Map<BitrixPortal, List<Row>> queues = new WeakHashMap<>();
    private final Map<BitrixPortal, long[]> nextIds = new WeakHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final ObjectMapper json;
    private final Clock clock;

    public BitrixOfflineQueue(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /** The changes of one REST call, for every offline handler bound to their event. */
    synchronized void record(BitrixPortal portal, List<BitrixPortal.Fired> fired, long userId) {
        for (BitrixPortal.Fired event : fired) {
            boolean bound = portal.handlers().stream()
                    .anyMatch(h -> h.offline() && h.event().equals(event.event()));
            if (bound) {
                add(portal, event.event(), Map.of("FIELDS", Map.of("ID", event.id())), userId);
            }
        }
    }

    private void add(BitrixPortal portal, String eventName, Map<String, Object> data, long userId) {
        String messageId = messageId(eventName, data);
        List<Row> rows = queue(portal);
        Row waiting = rows.stream()
                .filter(r -> r.messageId.equals(messageId) && r.processId.isEmpty())
                .findFirst()
                .orElse(null);
        if (waiting != null) {
            waiting.timestamp = now();
            return;
        }
        Row row = new Row();
        row.id = ++nextIds.computeIfAbsent(portal, p -> new long[1])[0];
        row.timestamp = now();
        row.eventName = eventName;
        row.eventData = data;
        row.eventAdditional = Map.of("user_id", String.valueOf(userId));
        row.messageId = messageId;
        rows.add(row);
    }

    synchronized Map<String, Object> get(BitrixPortal portal, BitrixParams params) {
        boolean clear = !"0".equals(params.string("clear"));
        boolean errors = "1".equals(params.string("error"));
        Long limit = BitrixParams.id(params.get("limit"));
        String processId = params.string("process_id");
        List<Row> selected = new ArrayList<>();
        for (Row row : queue(portal)) {
            boolean eligible = processId != null && !processId.isEmpty()
                    ? row.processId.equals(processId)
                    : row.processId.isEmpty() && row.error == errors;
            if (eligible && selected.size() < (limit == null || limit <= 0 ? 50 : limit)) {
                selected.add(row);
            }
        }
        String reservedBy = null;
        if (clear) {
            queue(portal).removeAll(selected);
        } else {
            reservedBy = processId != null && !processId.isEmpty() ? processId : newProcessId();
            for (Row row : selected) {
                row.processId = reservedBy;
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("process_id", reservedBy);
        result.put("events", selected.stream().map(BitrixOfflineQueue::item).toList());
        return result;
    }

    synchronized boolean clear(BitrixPortal portal, BitrixParams params) {
        String processId = requiredProcessId(params);
        Set<String> ids = strings(params.get("id"));
        Set<String> messageIds = strings(params.get("message_id"));
        queue(portal)
                .removeIf(r -> r.processId.equals(processId)
                        && (ids.isEmpty() || ids.contains(String.valueOf(r.id)))
                        && (!ids.isEmpty() || messageIds.isEmpty() || messageIds.contains(r.messageId)));
        return true;
    }

    /** The listed records of the process go back to the queue as errors; newer waiting copies give way to them. */
    synchronized boolean error(BitrixPortal portal, BitrixParams params) {
        String processId = requiredProcessId(params);
        Set<String> messageIds = strings(params.get("message_id"));
        List<Row> rows = queue(portal);
        rows.removeIf(r -> messageIds.contains(r.messageId) && !r.error && !r.processId.equals(processId));
        for (Row row : rows) {
            if (messageIds.contains(row.messageId) && row.processId.equals(processId)) {
                row.error = true;
                row.processId = "";
            }
        }
        return true;
    }

    private static Map<String, Object> item(Row row) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("ID", String.valueOf(row.id));
        item.put("TIMESTAMP_X", row.timestamp);
        item.put("EVENT_NAME", row.eventName);
        item.put("EVENT_DATA", row.eventData);
        item.put("EVENT_ADDITIONAL", row.eventAdditional);
        item.put("MESSAGE_ID", row.messageId);
        return item;
    }

    private static String requiredProcessId(BitrixParams params) {
        String processId = params.string("process_id");
        if (processId == null || processId.isBlank()) {
            throw BitrixErrors.required("Required parameter \"process_id\" is missing");
        }
        return processId;
    }

    private static Set<String> strings(Object value) {
        Set<String> values = new HashSet<>();
        BitrixParams.asList(value).forEach(v -> values.add(String.valueOf(v)));
        return values;
    }

    private String messageId(String eventName, Map<String, Object> data) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5")
                    .digest((eventName + "|" + json.writeValueAsString(data)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String newProcessId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private String now() {
        return BitrixPortal.DATE_TIME.format(
                ZonedDateTime.now(clock).withZoneSameInstant(BitrixPortal.ZONE).withNano(0));
    }

    private List<Row> queue(BitrixPortal portal) {
        return queues.computeIfAbsent(portal, p -> new ArrayList<>());
    }
}
