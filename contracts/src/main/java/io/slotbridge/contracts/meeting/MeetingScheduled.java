package io.slotbridge.contracts.meeting;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import java.util.Objects;

/** A meeting was booked and its slot requested (expert e-mail null when unknown). */
@JsonTypeName("meeting.scheduled")
public record MeetingScheduled(
        String eventId,
        String tenant,
        String leadId,
        Instant occurredAt,
        int meetingNumber,
        String slotId,
        String causationId,
        Instant start,
        Instant end,
        String expert,
        String expertEmail,
        String category,
        String bookedBy)
        implements MeetingEvent {

    public MeetingScheduled {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(slotId, "slotId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }
}
