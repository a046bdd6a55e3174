package io.slotbridge.contracts.crm;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import java.util.Objects;

/** Close the lead as lost with a loss reason by name (amoCRM status 143 plus pipeline_id and loss_reason_id). */
@JsonTypeName("crm.close-lead-lost")
public record CloseLeadLost(
        String commandId,
        String tenant,
        String leadId,
        Instant issuedAt,
        String issuedBy,
        String causationId,
        String lossReason,
        String pipeline)
        implements CrmCommand {

    public CloseLeadLost {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(issuedBy, "issuedBy");
        Objects.requireNonNull(lossReason, "lossReason");
    }
}
