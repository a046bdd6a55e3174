package io.slotbridge.contracts.calendar;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.slotbridge.contracts.CommandOutcome;
import java.time.Instant;
import java.util.Objects;

/** A calendar command took effect; {@code etag} and {@code updated} are the event's state after our write. */
@JsonTypeName("calendar.command-applied")
public record CalendarCommandApplied(
        String eventId,
        String tenant,
        String leadId,
        Instant occurredAt,
        String commandId,
        String commandType,
        String slotId,
        CommandOutcome outcome,
        String etag,
        Instant updated)
        implements CalendarCommandResult {

    public CalendarCommandApplied {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(commandType, "commandType");
        Objects.requireNonNull(slotId, "slotId");
        Objects.requireNonNull(outcome, "outcome");
    }
}
