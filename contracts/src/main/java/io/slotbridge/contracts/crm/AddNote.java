package io.slotbridge.contracts.crm;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import java.util.Objects;

/** Add a plain note to the lead (amoCRM common note, Bitrix24 timeline comment). */
@JsonTypeName("crm.add-note")
public record AddNote(
        String commandId,
        String tenant,
        String leadId,
        Instant issuedAt,
        String issuedBy,
        String causationId,
        String text)
        implements CrmCommand {

    public AddNote {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(issuedBy, "issuedBy");
        Objects.requireNonNull(text, "text");
    }
}
