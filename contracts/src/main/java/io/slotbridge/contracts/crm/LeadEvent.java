package io.slotbridge.contracts.crm;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.slotbridge.contracts.DomainEvent;
import io.slotbridge.contracts.LeadScoped;

/** {@code crm.lead-events.v1}: what the CRM says about a lead, re-read by the crm-connector and named by name. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(LeadSnapshotted.class),
    @JsonSubTypes.Type(LeadDeleted.class),
    @JsonSubTypes.Type(LeadNoteAdded.class)
})
public sealed interface LeadEvent extends DomainEvent, LeadScoped permits LeadSnapshotted, LeadDeleted, LeadNoteAdded {

    CrmKind crm();
}
