package io.slotbridge.crmconnector.bitrix24;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slotbridge.contracts.crm.CrmKind;
import io.slotbridge.contracts.crm.LeadChangeNoticed;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A portal's offline-event queue (research §1.5): Bitrix24 keeps the latest change per object for an application that
 * bound {@code event_type=offline}, whether or not the online handler was reached. Read in safe mode: {@code
 * event.offline.get} with {@code clear=0} reserves a packet under a {@code process_id}, which is cleared ({@code
 * event.offline.clear}) only after its changes were read back, or handed back as errors ({@code event.offline.error}).
 * Items look like {@code {ID, TIMESTAMP_X, EVENT_NAME, EVENT_DATA:{FIELDS:{ID}}, EVENT_ADDITIONAL, MESSAGE_ID}}.
 */
final class Bitrix24OfflineEvents {

    /** A reserved packet: its process id and items, empty when the queue had nothing. */
    record Packet(String processId, List<JsonNode> events) {
        List<String> messageIds() {
            List<String> ids = new ArrayList<>();
            events.forEach(e -> ids.add(e.path("MESSAGE_ID").asText()));
            return ids;
        }
    }

    private final String tenant;
    private final Bitrix24Http http;
    private final Bitrix24Entity entity;
    private final ObjectMapper json;
    private final Clock clock;

    Bitrix24OfflineEvents(String tenant, Bitrix24Http http, Bitrix24Entity entity, ObjectMapper json, Clock clock) {
        this.tenant = tenant;
        this.http = http;
        this.entity = entity;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Reserves up to {@code limit} records: waiting ones, or those marked as errors, or (with {@code processId}) the
     * ones an earlier pass reserved and did not finish.
     */
    Packet reserve(int limit, boolean errors, String processId) {
        ObjectNode params = json.createObjectNode().put("clear", 0).put("limit", limit);
        params.put("error", errors ? 1 : 0);
        if (processId != null) {
            params.put("process_id", processId);
        }
        JsonNode result = http.call("event.offline.get", params).path("result");
        List<JsonNode> events = new ArrayList<>();
        result.path("events").forEach(events::add);
        return new Packet(result.path("process_id").asText(null), events);
    }

    void clear(String processId, Collection<String> messageIds) {
        http.call("event.offline.clear", byMessageIds(processId, messageIds));
    }

    void markFailed(String processId, Collection<String> messageIds) {
        http.call("event.offline.error", byMessageIds(processId, messageIds));
    }

    /** The hint an item stands for, as the gateway makes it of the online event; empty for other events. */
    Optional<LeadChangeNoticed> hint(JsonNode event) {
        String name = event.path("EVENT_NAME").asText("").toUpperCase(Locale.ROOT);
        String prefix = entity.eventPrefix();
        String id = event.at("/EVENT_DATA/FIELDS/ID").asText("");
        if (!name.startsWith(prefix) || !id.matches("\\d{1,18}")) {
            return Optional.empty();
        }
        String action = name.substring(prefix.length()).toLowerCase(Locale.ROOT);
        String messageId = event.path("MESSAGE_ID").asText();
        return Optional.of(new LeadChangeNoticed(
                "bitrix24-offline-" + messageId + "-" + event.path("ID").asText(),
                tenant,
                id,
                occurredAt(event.path("TIMESTAMP_X").asText("")),
                CrmKind.BITRIX24,
                entity.timelineType,
                action,
                null,
                null,
                null,
                null,
                null,
                messageId));
    }

    private Instant occurredAt(String timestamp) {
        try {
            return OffsetDateTime.parse(timestamp).toInstant();
        } catch (DateTimeParseException e) {
            return clock.instant();
        }
    }

    private ObjectNode byMessageIds(String processId, Collection<String> messageIds) {
        ObjectNode params = json.createObjectNode().put("process_id", processId);
        ArrayNode ids = params.putArray("message_id");
        messageIds.forEach(ids::add);
        return params;
    }
}
