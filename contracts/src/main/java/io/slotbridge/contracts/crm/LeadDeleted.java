package io.slotbridge.contracts.crm;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import java.util.Objects;

/** The lead no longer exists in the CRM. */
@JsonTypeName("lead.deleted")
public record LeadDeleted(
        String eventId, String tenant, String leadId, Instant occurredAt, CrmKind crm, String causationId)
        implements LeadEvent {

    public LeadDeleted {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(crm, "crm");
    }
}
