package io.slotbridge.contracts.calendar;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import java.util.Objects;

/**
 * Bring back a slot someone deleted (slots are never deleted: they are statistics), paint it and note why.
 *
 * @param colorId colour after restoring (Tomato by default rules)
 */
@JsonTypeName("slot.restore")
public record RestoreSlot(
        String commandId,
        String tenant,
        String leadId,
        Instant issuedAt,
        String issuedBy,
        String causationId,
        String calendarId,
        String slotId,
        String colorId,
        String reasonLine)
        implements CalendarCommand {

    public RestoreSlot {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(issuedBy, "issuedBy");
        Objects.requireNonNull(calendarId, "calendarId");
        Objects.requireNonNull(slotId, "slotId");
    }
}
