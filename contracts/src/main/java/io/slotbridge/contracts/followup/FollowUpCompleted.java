package io.slotbridge.contracts.followup;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import java.util.Objects;

/** The run went through all its steps (usually ending with the lead closed lost, reason Нет контакта). */
@JsonTypeName("followup.completed")
public record FollowUpCompleted(
        String eventId, String tenant, String leadId, Instant occurredAt, String runId, String scenario, String outcome)
        implements FollowUpEvent {

    public FollowUpCompleted {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(outcome, "outcome");
    }
}
