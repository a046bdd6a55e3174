package io.slotbridge.contracts.meeting;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import java.util.Objects;

/** The invited expert accepted, declined or tentatively accepted the invitation. */
@JsonTypeName("meeting.expert-responded")
public record ExpertResponded(
        String eventId,
        String tenant,
        String leadId,
        Instant occurredAt,
        int meetingNumber,
        String slotId,
        String causationId,
        String expertEmail,
        String response)
        implements MeetingEvent {

    public ExpertResponded {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(slotId, "slotId");
        Objects.requireNonNull(expertEmail, "expertEmail");
        Objects.requireNonNull(response, "response");
    }
}
