package io.slotbridge.contracts.crm;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.slotbridge.contracts.RejectionCode;
import java.time.Instant;
import java.util.Objects;

/**
 * A CRM command could not be applied.
 *
 * @param reason a sentence a person can act on (problem+json title/detail, validation errors)
 * @param httpStatus the CRM's HTTP status, when there was one
 */
@JsonTypeName("crm.command-rejected")
public record CrmCommandRejected(
        String eventId,
        String tenant,
        String leadId,
        Instant occurredAt,
        String commandId,
        String commandType,
        RejectionCode code,
        String reason,
        boolean retryable,
        Integer httpStatus)
        implements CrmCommandResult {

    public CrmCommandRejected {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(commandType, "commandType");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(reason, "reason");
    }
}
