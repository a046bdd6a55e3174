package io.slotbridge.contracts.calendar;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The current state of one calendar event that belongs to a lead.
 *
 * @param slotId the Google event id
 * @param meetingNumber our meeting number for the lead (from the event's private properties), null for slots a person
 *     created by hand
 * @param colorId Google colour id ({@code "5"} Banana, {@code "10"} Basil…); null means the calendar default
 * @param updated Google's {@code updated}; consumers ignore a snapshot older than one they already know
 * @param ownWrite true when this state is exactly what one of our commands wrote (echo of our own write)
 * @param writtenByCommandId that command, when {@code ownWrite}
 */
@JsonTypeName("slot.snapshot")
public record SlotSnapshotted(
        String eventId,
        String tenant,
        String leadId,
        Instant occurredAt,
        String calendarId,
        String slotId,
        Integer meetingNumber,
        SlotStatus status,
        String summary,
        String description,
        Instant start,
        Instant end,
        String timeZone,
        String colorId,
        List<SlotAttendee> attendees,
        Integer reminderMinutes,
        Instant updated,
        String etag,
        Integer sequence,
        boolean ownWrite,
        String writtenByCommandId,
        String htmlLink,
        String causationId)
        implements SlotEvent {

    public SlotSnapshotted {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(calendarId, "calendarId");
        Objects.requireNonNull(slotId, "slotId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(updated, "updated");
        attendees = attendees == null ? List.of() : List.copyOf(attendees);
    }
}
