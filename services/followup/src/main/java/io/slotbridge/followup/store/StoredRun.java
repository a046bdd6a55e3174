package io.slotbridge.followup.store;

import io.slotbridge.followup.domain.Run;
import java.time.Instant;

/**
 * A run row: the domain state plus what only the application needs.
 *
 * @param heldReason why the run waits for its channel (Wazzup), null when it is not held
 * @param retries consecutive postponements of the current step
 */
public record StoredRun(
        Run run,
        String trigger,
        String triggerId,
        String heldReason,
        int retries,
        Instant startedAt,
        Instant updatedAt,
        Instant finishedAt) {

    public StoredRun withRun(Run next) {
        boolean sameStep = next.position() == run.position() && next.isActive();
        return new StoredRun(
                next,
                trigger,
                triggerId,
                sameStep ? heldReason : null,
                sameStep ? retries : 0,
                startedAt,
                updatedAt,
                finishedAt);
    }

    public StoredRun held(String reason) {
        return new StoredRun(run, trigger, triggerId, reason, retries + 1, startedAt, updatedAt, finishedAt);
    }

    public StoredRun retried() {
        return new StoredRun(run, trigger, triggerId, heldReason, retries + 1, startedAt, updatedAt, finishedAt);
    }
}
