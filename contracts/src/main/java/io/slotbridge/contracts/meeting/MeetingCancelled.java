package io.slotbridge.contracts.meeting;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import java.util.Objects;

/** The meeting was cancelled and not rescheduled (slot Tomato, lead closed lost). */
@JsonTypeName("meeting.cancelled")
public record MeetingCancelled(
        String eventId,
        String tenant,
        String leadId,
        Instant occurredAt,
        int meetingNumber,
        String slotId,
        String causationId,
        String reason)
        implements MeetingEvent {

    public MeetingCancelled {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(slotId, "slotId");
    }
}
