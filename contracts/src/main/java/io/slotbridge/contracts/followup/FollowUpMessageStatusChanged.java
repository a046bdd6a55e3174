package io.slotbridge.contracts.followup;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import java.util.Objects;

/** Delivery status of a WhatsApp message the run sent (sent, delivered, read, error). */
@JsonTypeName("followup.message-status")
public record FollowUpMessageStatusChanged(
        String eventId,
        String tenant,
        String leadId,
        Instant occurredAt,
        String runId,
        String scenario,
        String messageId,
        String status,
        String errorCode)
        implements FollowUpEvent {

    public FollowUpMessageStatusChanged {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(status, "status");
    }
}
