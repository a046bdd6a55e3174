package io.slotbridge.contracts.calendar;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import java.util.Objects;

/**
 * Set the slot's colour and append a line with the reason to its description.
 *
 * @param colorId Google colour id, null for the calendar default
 * @param reasonLine appended to the description (e.g. "Перенесена: клиент попросил"), may be null
 * @param expectedEtag etag the decision was based on; the connector sends it as {@code If-Match}
 */
@JsonTypeName("slot.paint")
public record PaintSlot(
        String commandId,
        String tenant,
        String leadId,
        Instant issuedAt,
        String issuedBy,
        String causationId,
        String calendarId,
        String slotId,
        String colorId,
        String reasonLine,
        String expectedEtag)
        implements CalendarCommand {

    public PaintSlot {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(issuedBy, "issuedBy");
        Objects.requireNonNull(calendarId, "calendarId");
        Objects.requireNonNull(slotId, "slotId");
    }
}
