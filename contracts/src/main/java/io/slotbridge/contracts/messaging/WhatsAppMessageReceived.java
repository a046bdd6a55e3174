package io.slotbridge.contracts.messaging;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.slotbridge.contracts.Keys;
import java.time.Instant;
import java.util.Objects;

/**
 * A message appeared in a chat. {@code echo} true means it was sent from the operator's phone or another client of
 * the channel, not by the client: it is recorded, but it is not the client answering.
 *
 * @param chatId for WhatsApp the client's phone, digits only
 * @param status Wazzup's status of the message; {@code inbound} for client messages
 * @param sentAt Wazzup's {@code dateTime}
 */
@JsonTypeName("messaging.message-received")
public record WhatsAppMessageReceived(
        String eventId,
        String tenant,
        Instant occurredAt,
        String provider,
        String messageId,
        String channelId,
        String chatType,
        String chatId,
        String contactName,
        String messageType,
        String text,
        String contentUri,
        boolean echo,
        String status,
        Instant sentAt,
        String rawEventId)
        implements MessagingInbound {

    public WhatsAppMessageReceived {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(chatId, "chatId");
    }

    /** The client wrote to us (not an echo of our or the operator's own message). */
    @JsonIgnore
    public boolean isFromClient() {
        return !echo && "inbound".equals(status);
    }

    @Override
    public String kafkaKey() {
        return Keys.scoped(tenant, chatId);
    }
}
