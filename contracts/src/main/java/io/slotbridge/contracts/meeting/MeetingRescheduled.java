package io.slotbridge.contracts.meeting;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import java.util.Objects;

/** The meeting moved to a new time: the old slot is painted Grape and a new slot carries the new meeting number. */
@JsonTypeName("meeting.rescheduled")
public record MeetingRescheduled(
        String eventId,
        String tenant,
        String leadId,
        Instant occurredAt,
        int meetingNumber,
        String slotId,
        String causationId,
        String previousSlotId,
        Instant previousStart,
        Instant start,
        String reason)
        implements MeetingEvent {

    public MeetingRescheduled {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(slotId, "slotId");
        Objects.requireNonNull(previousSlotId, "previousSlotId");
        Objects.requireNonNull(start, "start");
    }
}
