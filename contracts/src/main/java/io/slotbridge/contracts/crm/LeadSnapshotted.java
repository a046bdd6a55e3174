package io.slotbridge.contracts.crm;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The current state of a lead (amoCRM lead or Bitrix24 deal/lead), with every id resolved to its name.
 *
 * @param version monotonically growing per lead (the CRM's modification time in epoch seconds, or a counter);
 *     consumers ignore a snapshot whose version is lower than one they already know
 * @param pipeline pipeline (category) name
 * @param stage stage/status name, e.g. {@code 5. Встреча назначена}
 * @param lossReason loss reason name when the lead is lost and the CRM knows a reason
 * @param fields custom fields by field name. Values are normalised: date-time as ISO-8601 with offset, select as
 *     the option label, multi-select as labels joined by {@code "; "}, numbers as plain decimals
 * @param cardUrl link to the lead's card in the CRM UI
 * @param echoOfCommandIds commands of ours whose effect this snapshot shows (empty when a person or robot changed
 *     the lead); downstream uses this to suppress echo loops
 * @param causationId the hint or sweep that caused this re-read
 */
@JsonTypeName("lead.snapshot")
public record LeadSnapshotted(
        String eventId,
        String tenant,
        String leadId,
        Instant occurredAt,
        CrmKind crm,
        long version,
        String name,
        String pipeline,
        String stage,
        StageSemantic stageSemantic,
        String lossReason,
        CrmUser responsible,
        CrmUser modifiedBy,
        Instant createdAt,
        Instant updatedAt,
        Map<String, String> fields,
        LeadContact contact,
        String cardUrl,
        List<String> echoOfCommandIds,
        String causationId)
        implements LeadEvent {

    public LeadSnapshotted {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(crm, "crm");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(stageSemantic, "stageSemantic");
        fields = fields == null ? Map.of() : Map.copyOf(fields);
        echoOfCommandIds = echoOfCommandIds == null ? List.of() : List.copyOf(echoOfCommandIds);
    }

    /** A custom field by name, or null. */
    public String field(String fieldName) {
        return fields.get(fieldName);
    }

    /** True when this snapshot only reflects writes we made ourselves. */
    @JsonIgnore
    public boolean isEcho() {
        return !echoOfCommandIds.isEmpty();
    }
}
