package io.slotbridge.contracts.calendar;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.slotbridge.contracts.RejectionCode;
import java.time.Instant;
import java.util.Objects;

/** A calendar command could not be applied. On {@code CONFLICT} the connector has published a fresh snapshot. */
@JsonTypeName("calendar.command-rejected")
public record CalendarCommandRejected(
        String eventId,
        String tenant,
        String leadId,
        Instant occurredAt,
        String commandId,
        String commandType,
        String slotId,
        RejectionCode code,
        String reason,
        boolean retryable,
        Integer httpStatus)
        implements CalendarCommandResult {

    public CalendarCommandRejected {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(commandType, "commandType");
        Objects.requireNonNull(slotId, "slotId");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(reason, "reason");
    }
}
