package io.slotbridge.contracts.meeting;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import java.util.Objects;

/** The client confirmed attendance (slot painted Banana). */
@JsonTypeName("meeting.confirmed")
public record MeetingConfirmed(
        String eventId,
        String tenant,
        String leadId,
        Instant occurredAt,
        int meetingNumber,
        String slotId,
        String causationId)
        implements MeetingEvent {

    public MeetingConfirmed {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(slotId, "slotId");
    }
}
