package io.slotbridge.contracts.calendar;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import java.util.Objects;

/**
 * Create the meeting slot. The connector stores tenant, lead id, meeting number and this command id in the event's
 * private extended properties (lead link and echo marker).
 *
 * @param guestEmail the expert to invite, or null when the expert booked the meeting
 * @param colorId null for the calendar default (a new meeting)
 */
@JsonTypeName("slot.create")
public record CreateSlot(
        String commandId,
        String tenant,
        String leadId,
        Instant issuedAt,
        String issuedBy,
        String causationId,
        String calendarId,
        String slotId,
        int meetingNumber,
        String title,
        String description,
        Instant start,
        Instant end,
        String timeZone,
        String guestEmail,
        int reminderMinutes,
        String colorId)
        implements CalendarCommand {

    public CreateSlot {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(issuedBy, "issuedBy");
        Objects.requireNonNull(calendarId, "calendarId");
        Objects.requireNonNull(slotId, "slotId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(timeZone, "timeZone");
    }
}
