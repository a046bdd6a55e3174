package io.slotbridge.sync.domain;

import io.slotbridge.contracts.RejectionCode;
import io.slotbridge.contracts.calendar.CalendarCommandRejected;
import io.slotbridge.contracts.calendar.CalendarCommandResult;
import io.slotbridge.contracts.crm.CrmCommandRejected;
import io.slotbridge.contracts.crm.CrmCommandResult;
import java.util.Objects;

/**
 * Outcomes of our commands. An applied command stays pending until a snapshot shows its effect; a refused one is
 * dropped: a conflict means "the target changed, a fresh snapshot follows, decide again"; anything else is
 * remembered as a failure so the same write is not repeated blindly.
 */
final class ResultRules {

    private ResultRules() {}

    static void onCalendarResult(DecisionRun run, CalendarCommandResult result) {
        PendingCommand pending = run.pendingById(result.commandId()).orElse(null);
        if (pending == null || !(result instanceof CalendarCommandRejected rejected)) {
            return;
        }
        run.dropPendingById(pending.commandId());
        if (rejected.code() == RejectionCode.CONFLICT) {
            Meeting meeting = run.state.meeting(pending.meetingNumber()).orElse(null);
            if (meeting != null && Objects.equals(meeting.observed().etag(), pending.expectedEtag())) {
                // we have not seen the version that beat us yet; deciding now would conflict again
                run.put(meeting.withAwaitingRefresh(true));
                run.rule("calendar.conflict->await-snapshot");
            } else {
                run.rule("calendar.conflict->re-decide");
            }
            return;
        }
        refused(run, pending, rejected.code(), rejected.reason(), "calendar.command-refused");
    }

    static void onCrmResult(DecisionRun run, CrmCommandResult result) {
        PendingCommand pending = run.pendingById(result.commandId()).orElse(null);
        if (pending == null || !(result instanceof CrmCommandRejected rejected)) {
            return;
        }
        run.dropPendingById(pending.commandId());
        if (rejected.code() == RejectionCode.CONFLICT) {
            run.rule("crm.conflict->re-decide");
            return;
        }
        refused(run, pending, rejected.code(), rejected.reason(), "crm.command-refused");
    }

    /** Remembered so the same value is not asked for again until a newer snapshot of that side arrives. */
    private static void refused(
            DecisionRun run, PendingCommand pending, RejectionCode code, String reason, String rule) {
        run.fail(new CommandFailure(
                pending.aspect(), pending.meetingNumber(), pending.requested(), code.name(), reason, run.now));
        run.rule(rule);
    }
}
