package io.slotbridge.contracts.calendar;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import java.util.Objects;

/**
 * Change title, guest and/or description (e.g. the expert changed). Null fields are left as they are; set
 * {@code removeGuest} to drop the guest list.
 */
@JsonTypeName("slot.update-details")
public record UpdateSlotDetails(
        String commandId,
        String tenant,
        String leadId,
        Instant issuedAt,
        String issuedBy,
        String causationId,
        String calendarId,
        String slotId,
        String title,
        String guestEmail,
        boolean removeGuest,
        String description,
        String expectedEtag)
        implements CalendarCommand {

    public UpdateSlotDetails {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(issuedBy, "issuedBy");
        Objects.requireNonNull(calendarId, "calendarId");
        Objects.requireNonNull(slotId, "slotId");
    }
}
