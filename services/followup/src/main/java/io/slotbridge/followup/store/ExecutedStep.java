package io.slotbridge.followup.store;

import java.time.Instant;

/** A step that ran: what it did and how it ended (done, skipped, uncertain). */
public record ExecutedStep(
        String runId,
        int position,
        String action,
        String label,
        String outcome,
        String detail,
        String messageId,
        Instant executedAt) {}
