package io.slotbridge.sync.domain;

/**
 * A command we issued recently. Echo snapshots name the command that wrote them; this list lets the decider tell
 * its own (possibly late) writes from a person's change even after the pending entry was superseded.
 */
public record IssuedCommand(String commandId, Aspect aspect, int meetingNumber) {}
