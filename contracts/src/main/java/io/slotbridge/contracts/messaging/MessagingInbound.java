package io.slotbridge.contracts.messaging;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.slotbridge.contracts.DomainEvent;

/** {@code messaging.inbound.v1}: what Wazzup told us: messages in chats and statuses of our outgoing messages. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(WhatsAppMessageReceived.class), @JsonSubTypes.Type(WhatsAppStatusUpdated.class)})
public sealed interface MessagingInbound extends DomainEvent permits WhatsAppMessageReceived, WhatsAppStatusUpdated {}
