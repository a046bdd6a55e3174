package io.slotbridge.contracts.crm;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import java.util.Objects;

/** Create a call task on the lead (amoCRM task type 1, Bitrix24 to-do). Responsible by e-mail or name; null means the lead's responsible user. */
@JsonTypeName("crm.create-call-task")
public record CreateCallTask(
        String commandId,
        String tenant,
        String leadId,
        Instant issuedAt,
        String issuedBy,
        String causationId,
        String text,
        Instant dueAt,
        String responsible)
        implements CrmCommand {

    public CreateCallTask {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(issuedBy, "issuedBy");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(dueAt, "dueAt");
    }
}
