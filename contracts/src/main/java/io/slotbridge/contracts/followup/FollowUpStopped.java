package io.slotbridge.contracts.followup;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import java.util.Objects;

/** The run stopped early because the client made contact, the lead moved on, or a person stopped it. */
@JsonTypeName("followup.stopped")
public record FollowUpStopped(
        String eventId,
        String tenant,
        String leadId,
        Instant occurredAt,
        String runId,
        String scenario,
        String reason,
        int stepIndex)
        implements FollowUpEvent {

    public FollowUpStopped {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(reason, "reason");
    }
}
