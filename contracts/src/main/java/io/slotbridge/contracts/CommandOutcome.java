package io.slotbridge.contracts;

/** How a successfully handled command ended. */
public enum CommandOutcome {
    /** The write was made now. */
    APPLIED,
    /** The command id was applied before (ledger hit, or the target already had the desired state). */
    ALREADY_APPLIED
}
