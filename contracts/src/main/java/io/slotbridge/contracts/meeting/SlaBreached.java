package io.slotbridge.contracts.meeting;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** The meeting was booked later than the allowed time after first contact (2 days by default). */
@JsonTypeName("meeting.sla-breached")
public record SlaBreached(
        String eventId,
        String tenant,
        String leadId,
        Instant occurredAt,
        int meetingNumber,
        String slotId,
        String causationId,
        Instant firstContactAt,
        Instant bookedAt,
        Instant meetingStart,
        Duration limit)
        implements MeetingEvent {

    public SlaBreached {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(slotId, "slotId");
        Objects.requireNonNull(firstContactAt, "firstContactAt");
        Objects.requireNonNull(bookedAt, "bookedAt");
        Objects.requireNonNull(limit, "limit");
    }
}
