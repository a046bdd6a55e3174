package io.slotbridge.contracts.followup;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import java.util.Objects;

/** One step of a run was executed. action: send-template, create-call-task, close-lost, note; outcome: done, skipped, failed, held, uncertain. */
@JsonTypeName("followup.step-executed")
public record FollowUpStepExecuted(
        String eventId,
        String tenant,
        String leadId,
        Instant occurredAt,
        String runId,
        String scenario,
        int stepIndex,
        String stepName,
        String action,
        String outcome,
        String detail,
        String messageId,
        Instant nextDueAt)
        implements FollowUpEvent {

    public FollowUpStepExecuted {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(stepName, "stepName");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
    }
}
