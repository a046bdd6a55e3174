package io.slotbridge.contracts.crm;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** Set custom fields by field name; values use the same normalised formats as LeadSnapshotted.fields. */
@JsonTypeName("crm.set-lead-fields")
public record SetLeadFields(
        String commandId,
        String tenant,
        String leadId,
        Instant issuedAt,
        String issuedBy,
        String causationId,
        Map<String, String> fields)
        implements CrmCommand {

    public SetLeadFields {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(issuedBy, "issuedBy");
        Objects.requireNonNull(fields, "fields");
        fields = Map.copyOf(fields);
    }
}
