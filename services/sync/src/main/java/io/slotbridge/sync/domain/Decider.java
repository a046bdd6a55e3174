package io.slotbridge.sync.domain;

import io.slotbridge.contracts.ContractTypes;
import io.slotbridge.contracts.Envelope;
import io.slotbridge.contracts.calendar.CalendarCommandResult;
import io.slotbridge.contracts.calendar.SlotSnapshotted;
import io.slotbridge.contracts.crm.CrmCommandResult;
import io.slotbridge.contracts.crm.LeadDeleted;
import io.slotbridge.contracts.crm.LeadSnapshotted;
import java.time.Instant;

/**
 * The rules of ОП-14 as a pure function: (a lead's meeting state, one input, the tenant's policy, the time) → the
 * new state, the commands to send, the meeting events to publish, the rules that fired. No I/O, no clock.
 *
 * <p>Rules fire on what a person changed (CRM → calendar in {@link CrmRules}, calendar → CRM in {@link
 * CalendarRules}); they only move targets. {@link Convergence} then sends a command for every target the observed
 * state does not show yet, so inputs that change nothing send nothing, and our own echoes converge to silence.
 */
public final class Decider {

    /**
     * @param input {@link LeadSnapshotted}, {@link LeadDeleted}, {@link SlotSnapshotted}, {@link CrmCommandResult}
     *     or {@link CalendarCommandResult} of the state's lead
     * @param now the decision time: commands' {@code issuedAt} and events' {@code occurredAt}
     */
    public Decision decide(MeetingState state, Envelope input, TenantPolicy policy, Instant now) {
        DecisionRun run = new DecisionRun(state, input, policy, now);
        if (input instanceof LeadSnapshotted snapshot) {
            CrmRules.onSnapshot(run, snapshot);
        } else if (input instanceof LeadDeleted deleted) {
            CrmRules.onDeleted(run, deleted);
        } else if (input instanceof SlotSnapshotted snapshot) {
            CalendarRules.onSnapshot(run, snapshot);
        } else if (input instanceof CalendarCommandResult result) {
            ResultRules.onCalendarResult(run, result);
        } else if (input instanceof CrmCommandResult result) {
            ResultRules.onCrmResult(run, result);
        } else {
            throw new IllegalArgumentException("the decider does not take " + ContractTypes.typeName(input));
        }
        if (!run.settled()) {
            Convergence.converge(run);
        }
        return run.finish();
    }

    /** Whether the decider takes this kind of record at all (notes, for example, are not its business). */
    public static boolean decides(Envelope input) {
        return input instanceof LeadSnapshotted
                || input instanceof LeadDeleted
                || input instanceof SlotSnapshotted
                || input instanceof CalendarCommandResult
                || input instanceof CrmCommandResult;
    }
}
