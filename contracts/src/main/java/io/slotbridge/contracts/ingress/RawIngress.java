package io.slotbridge.contracts.ingress;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.slotbridge.contracts.DomainEvent;

/** {@code ingress.raw.v1}: the archive of every authenticated webhook, exactly as received (secrets removed). */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(RawWebhookReceived.class)})
public sealed interface RawIngress extends DomainEvent permits RawWebhookReceived {}
