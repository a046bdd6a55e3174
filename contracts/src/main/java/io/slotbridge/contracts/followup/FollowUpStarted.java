package io.slotbridge.contracts.followup;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import java.util.Objects;

/** A follow-up run started for the lead (trigger: qualified-idle, client-unreachable, manual). */
@JsonTypeName("followup.started")
public record FollowUpStarted(
        String eventId,
        String tenant,
        String leadId,
        Instant occurredAt,
        String runId,
        String scenario,
        String trigger,
        Instant firstStepDueAt)
        implements FollowUpEvent {

    public FollowUpStarted {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(trigger, "trigger");
    }
}
