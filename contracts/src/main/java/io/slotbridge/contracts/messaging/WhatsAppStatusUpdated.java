package io.slotbridge.contracts.messaging;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.slotbridge.contracts.Keys;
import java.time.Instant;
import java.util.Objects;

/**
 * Delivery status of one of our outgoing messages: {@code sent}, {@code delivered}, {@code read}, {@code error}.
 *
 * @param errorCode for {@code error}, Wazzup's code, e.g. {@code 24_HOURS_EXCEEDED}
 */
@JsonTypeName("messaging.status-updated")
public record WhatsAppStatusUpdated(
        String eventId,
        String tenant,
        Instant occurredAt,
        String provider,
        String messageId,
        String status,
        Instant statusAt,
        String errorCode,
        String errorDescription,
        String rawEventId)
        implements MessagingInbound {

    public WhatsAppStatusUpdated {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(status, "status");
    }

    @Override
    public String kafkaKey() {
        return Keys.scoped(tenant, messageId);
    }
}
