package io.slotbridge.contracts.crm;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.slotbridge.contracts.DomainEvent;
import io.slotbridge.contracts.LeadScoped;

/** {@code crm.command-results.v1}: the outcome of each {@link CrmCommand}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(CrmCommandApplied.class), @JsonSubTypes.Type(CrmCommandRejected.class)})
public sealed interface CrmCommandResult extends DomainEvent, LeadScoped permits CrmCommandApplied, CrmCommandRejected {

    String commandId();

    /** Logical type of the command, e.g. {@code crm.add-note}. */
    String commandType();
}
