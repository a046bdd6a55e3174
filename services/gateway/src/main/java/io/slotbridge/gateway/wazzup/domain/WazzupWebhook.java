package io.slotbridge.gateway.wazzup.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.slotbridge.contracts.MessageIds;
import io.slotbridge.contracts.Topics;
import io.slotbridge.contracts.messaging.WhatsAppMessageReceived;
import io.slotbridge.contracts.messaging.WhatsAppStatusUpdated;
import io.slotbridge.gateway.ingest.domain.HookRequest;
import io.slotbridge.gateway.ingest.domain.MalformedBodyException;
import io.slotbridge.gateway.ingest.domain.Outbound;
import io.slotbridge.gateway.ingest.domain.Parsed;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A Wazzup webhook: {@code messages[]} and/or {@code statuses[]} in one JSON body, or the {@code {"test": true}}
 * probe sent when the webhook is set up (which must get 200). Inbound messages become
 * {@link WhatsAppMessageReceived} ({@code isEcho} = sent from the operator's phone, not the client);
 * statuses of our outgoing messages become {@link WhatsAppStatusUpdated}.
 *
 * <p>Unquoted field names are accepted because Wazzup's documentation shows the probe as {@code {test: true }};
 * anything else that is not JSON (the docs' own examples with stray {@code ;} or {@code //} comments) is unreadable.
 */
public final class WazzupWebhook {

    public static final String PROVIDER = "wazzup";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
            .build();

    private WazzupWebhook() {}

    public static Parsed parse(HookRequest request) {
        JsonNode root;
        try {
            root = JSON.readTree(request.body());
        } catch (JsonProcessingException e) {
            return new Parsed.Unreadable("not JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            return new Parsed.Unreadable("not JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            return new Parsed.Unreadable("a Wazzup webhook is a JSON object");
        }
        List<Outbound> out = new ArrayList<>();
        for (JsonNode message : array(root, "messages")) {
            out.add(Outbound.to(Topics.MESSAGING_INBOUND, message(request, message)));
        }
        for (JsonNode status : array(root, "statuses")) {
            out.add(Outbound.to(Topics.MESSAGING_INBOUND, status(request, status)));
        }
        if (out.isEmpty()) {
            boolean probe = root.path("test").asBoolean(false);
            return new Parsed.Understood(List.of(), probe ? "webhook test probe" : "no messages or statuses");
        }
        return new Parsed.Understood(out, null);
    }

    private static Iterable<JsonNode> array(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new MalformedBodyException("'" + field + "' is not an array");
        }
        for (JsonNode item : node) {
            if (!item.isObject()) {
                throw new MalformedBodyException("an item of '" + field + "' is not an object");
            }
        }
        return node;
    }

    private static WhatsAppMessageReceived message(HookRequest request, JsonNode m) {
        String messageId = required(m, "messageId", "messages");
        String chatId = required(m, "chatId", "messages");
        boolean echo = m.path("isEcho").asBoolean(false);
        String status = text(m, "status");
        return new WhatsAppMessageReceived(
                // a redelivered webhook yields the same event id; an edit or deletion is a new event
                MessageIds.deterministic(
                        request.tenant(),
                        PROVIDER,
                        "message",
                        messageId,
                        String.valueOf(status),
                        String.valueOf(m.path("isEdited").asBoolean(false)),
                        String.valueOf(m.path("isDeleted").asBoolean(false))),
                request.tenant(),
                request.receivedAt(),
                PROVIDER,
                messageId,
                text(m, "channelId"),
                text(m, "chatType"),
                chatId,
                text(m.path("contact"), "name"),
                text(m, "type"),
                text(m, "text"),
                text(m, "contentUri"),
                echo,
                status,
                instant(text(m, "dateTime")),
                request.rawEventId());
    }

    private static WhatsAppStatusUpdated status(HookRequest request, JsonNode s) {
        String messageId = required(s, "messageId", "statuses");
        String status = required(s, "status", "statuses");
        String timestamp = text(s, "timestamp");
        JsonNode error = s.path("error");
        return new WhatsAppStatusUpdated(
                MessageIds.deterministic(
                        request.tenant(), PROVIDER, "status", messageId, status, String.valueOf(timestamp)),
                request.tenant(),
                request.receivedAt(),
                PROVIDER,
                messageId,
                status,
                instant(timestamp),
                text(error, "error"),
                text(error, "description"),
                request.rawEventId());
    }

    private static String required(JsonNode node, String field, String array) {
        String value = text(node, field);
        if (value == null) {
            throw new MalformedBodyException("an item of '" + array + "' has no " + field);
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String text = value.asText();
        return text.isBlank() ? null : text;
    }

    /** Wazzup documents {@code yyyy-mm-ddThh:mm:ss.ms}; examples end in Z, real ones sometimes do not (UTC). */
    static Instant instant(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException ignored) {
                return null;
            }
        }
    }
}
