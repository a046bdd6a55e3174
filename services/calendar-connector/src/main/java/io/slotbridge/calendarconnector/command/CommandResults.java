package io.slotbridge.calendarconnector.command;

import io.slotbridge.calendarconnector.google.GoogleFailure;
import io.slotbridge.contracts.CommandOutcome;
import io.slotbridge.contracts.ContractTypes;
import io.slotbridge.contracts.MessageIds;
import io.slotbridge.contracts.RejectionCode;
import io.slotbridge.contracts.calendar.CalendarCommand;
import io.slotbridge.contracts.calendar.CalendarCommandApplied;
import io.slotbridge.contracts.calendar.CalendarCommandRejected;
import io.slotbridge.contracts.calendar.CalendarCommandResult;
import java.time.Instant;

/** Builds command results; the result's event id is derived from the command id, so consumers dedupe re-sends. */
final class CommandResults {

    private CommandResults() {}

    static CalendarCommandApplied applied(
            CalendarCommand command, CommandOutcome outcome, String etag, Instant updated, Instant now) {
        return new CalendarCommandApplied(
                resultId(command),
                command.tenant(),
                command.leadId(),
                now,
                command.commandId(),
                type(command),
                command.slotId(),
                outcome,
                etag,
                updated);
    }

    static CalendarCommandRejected rejected(
            CalendarCommand command,
            RejectionCode code,
            String reason,
            boolean retryable,
            Integer status,
            Instant now) {
        return new CalendarCommandRejected(
                resultId(command),
                command.tenant(),
                command.leadId(),
                now,
                command.commandId(),
                type(command),
                command.slotId(),
                code,
                reason,
                retryable,
                status);
    }

    static CalendarCommandRejected rejected(CalendarCommand command, GoogleFailure failure, Instant now) {
        return rejected(command, codeOf(failure), failure.getMessage(), failure.retryable(), failure.httpStatus(), now);
    }

    /**
     * Whether the answer is final for this command id. Retryable rejections (rate limit or outage past the retry
     * budget) are not: the issuer may send the same command again and it must then be tried again.
     */
    static boolean isFinal(CalendarCommandResult result) {
        return !(result instanceof CalendarCommandRejected rejected && rejected.retryable());
    }

    static RejectionCode codeOf(GoogleFailure failure) {
        return switch (failure.kind()) {
            case RATE_LIMITED, QUOTA_EXCEEDED -> RejectionCode.RATE_LIMITED;
            case UNAVAILABLE -> RejectionCode.UNAVAILABLE;
            case NOT_FOUND -> RejectionCode.NOT_FOUND;
            case FORBIDDEN -> RejectionCode.FORBIDDEN;
            case INVALID -> RejectionCode.INVALID;
            case DUPLICATE, PRECONDITION_FAILED -> RejectionCode.CONFLICT;
            case GONE, UNKNOWN -> RejectionCode.UNKNOWN;
        };
    }

    private static String resultId(CalendarCommand command) {
        return MessageIds.deterministic("calendar-command-result", command.tenant(), command.commandId());
    }

    private static String type(CalendarCommand command) {
        return ContractTypes.typeName(command);
    }
}
