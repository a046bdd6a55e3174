package io.slotbridge.contracts.crm;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.slotbridge.contracts.Command;
import io.slotbridge.contracts.Keys;

/**
 * {@code crm.commands.v1}: writes to the CRM, by stage/field/reason <em>name</em>; the crm-connector resolves names to
 * ids. Keyed by tenant so one consumer owns an account's rate limit.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(MoveLeadToStage.class),
    @JsonSubTypes.Type(SetLeadFields.class),
    @JsonSubTypes.Type(AddNote.class),
    @JsonSubTypes.Type(CreateCallTask.class),
    @JsonSubTypes.Type(CloseLeadLost.class)
})
public sealed interface CrmCommand extends Command
        permits MoveLeadToStage, SetLeadFields, AddNote, CreateCallTask, CloseLeadLost {

    String leadId();

    /** The decision or event that made us issue this command. */
    String causationId();

    @Override
    default String kafkaKey() {
        return Keys.tenant(tenant());
    }
}
