package io.slotbridge.followup.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The state of one follow-up run of one lead: where it is in its sequence and when its next step is due. Immutable;
 * each transition returns the next state, which the application stores in one transaction with the commands it
 * causes.
 *
 * @param position index of the next step to run (equal to the sequence size when only completion is left)
 * @param nextDueAt when that happens; null once the run is over
 * @param stopReason why it stopped, null unless {@link Status#STOPPED}
 */
public record Run(
        String runId,
        String tenant,
        String leadId,
        String scenario,
        Status status,
        int position,
        Instant nextDueAt,
        StopCondition stopReason) {

    public enum Status {
        ACTIVE,
        STOPPED,
        COMPLETED
    }

    public Run {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(status, "status");
    }

    /** A new run: its first step is due now, or at the next working moment. */
    public static Run start(
            String runId, String tenant, String leadId, Sequence sequence, Instant now, WorkingCalendar calendar) {
        Run run = new Run(runId, tenant, leadId, sequence.name(), Status.ACTIVE, 0, now, null);
        return run.moveTo(SequenceEngine.start(sequence, now, calendar), now, sequence);
    }

    public boolean isActive() {
        return status == Status.ACTIVE;
    }

    /** The step at {@link #position} ran at {@code now}: move to the next one (or finish). */
    public Run stepDone(Sequence sequence, Instant now, WorkingCalendar calendar) {
        requireActive();
        return moveTo(SequenceEngine.afterStep(sequence, position, now, calendar), now, sequence);
    }

    /** Try the same step again later (night, held channel, transient error). */
    public Run postpone(Instant until) {
        requireActive();
        return new Run(runId, tenant, leadId, scenario, status, position, until, null);
    }

    /** Jump to another position (used when a stored position points at a wait). */
    public Run postpone(Instant until, int newPosition) {
        requireActive();
        return new Run(runId, tenant, leadId, scenario, status, newPosition, until, null);
    }

    public Run complete() {
        requireActive();
        return new Run(runId, tenant, leadId, scenario, Status.COMPLETED, position, null, null);
    }

    /**
     * A contact signal arrived. Returns the stopped run, or this run unchanged when the sequence does not stop on that
     * signal, the run is already over, or every step has run and only completion is left: the last step may have
     * closed the lead itself, and its own echo must not turn a finished run into a stopped one.
     */
    public Run stop(Sequence sequence, StopCondition condition) {
        if (!isActive() || !sequence.stopsOn(condition) || position >= sequence.size()) {
            return this;
        }
        return new Run(runId, tenant, leadId, scenario, Status.STOPPED, position, null, condition);
    }

    private Run moveTo(NextStep next, Instant now, Sequence sequence) {
        if (next instanceof NextStep.Due due) {
            return new Run(runId, tenant, leadId, scenario, Status.ACTIVE, due.index(), due.at(), null);
        }
        // nothing left to do: completion is itself due now, so it gets its own event and commit
        return new Run(runId, tenant, leadId, scenario, Status.ACTIVE, sequence.size(), now, null);
    }

    private void requireActive() {
        if (!isActive()) {
            throw new IllegalStateException("run " + runId + " is " + status);
        }
    }
}
