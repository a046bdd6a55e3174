package io.slotbridge.contracts.meeting;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import java.util.Objects;

/** The meeting took place (slot Basil, lead in the held stage). */
@JsonTypeName("meeting.held")
public record MeetingHeld(
        String eventId,
        String tenant,
        String leadId,
        Instant occurredAt,
        int meetingNumber,
        String slotId,
        String causationId)
        implements MeetingEvent {

    public MeetingHeld {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(slotId, "slotId");
    }
}
