package io.slotbridge.contracts.calendar;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import java.util.Objects;

/**
 * Move the slot in time (used when the slot is the same meeting, e.g. a correction before anyone confirmed).
 *
 * @param title the new title (it contains the time), null to keep it
 */
@JsonTypeName("slot.move")
public record MoveSlot(
        String commandId,
        String tenant,
        String leadId,
        Instant issuedAt,
        String issuedBy,
        String causationId,
        String calendarId,
        String slotId,
        Instant start,
        Instant end,
        String title,
        String expectedEtag)
        implements CalendarCommand {

    public MoveSlot {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(issuedBy, "issuedBy");
        Objects.requireNonNull(calendarId, "calendarId");
        Objects.requireNonNull(slotId, "slotId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }
}
