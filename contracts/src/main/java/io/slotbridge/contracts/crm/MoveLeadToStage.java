package io.slotbridge.contracts.crm;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import java.util.Objects;

/** Move the lead to a stage by name (pipeline by name, or the lead's current pipeline when null). */
@JsonTypeName("crm.move-lead-to-stage")
public record MoveLeadToStage(
        String commandId,
        String tenant,
        String leadId,
        Instant issuedAt,
        String issuedBy,
        String causationId,
        String stage,
        String pipeline)
        implements CrmCommand {

    public MoveLeadToStage {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(issuedBy, "issuedBy");
        Objects.requireNonNull(stage, "stage");
    }
}
