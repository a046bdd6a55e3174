package io.slotbridge.contracts.crm;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.slotbridge.contracts.CommandOutcome;
import java.time.Instant;
import java.util.Objects;

/**
 * A CRM command took effect.
 *
 * @param createdEntityId id of the note or task the command created, when it created one
 */
@JsonTypeName("crm.command-applied")
public record CrmCommandApplied(
        String eventId,
        String tenant,
        String leadId,
        Instant occurredAt,
        String commandId,
        String commandType,
        CommandOutcome outcome,
        String createdEntityId)
        implements CrmCommandResult {

    public CrmCommandApplied {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(commandType, "commandType");
        Objects.requireNonNull(outcome, "outcome");
    }
}
