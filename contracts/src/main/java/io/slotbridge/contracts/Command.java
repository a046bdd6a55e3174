package io.slotbridge.contracts;

import java.time.Instant;

/**
 * An imperative request to the owner of a command topic. Command ids are deterministic where the issuer can make them
 * so (same decision, same id), which lets the executor apply each command at most once.
 */
public interface Command extends Envelope {

    String commandId();

    Instant issuedAt();

    /** Which service issued the command (sync, followup, console). */
    String issuedBy();

    @Override
    default String recordId() {
        return commandId();
    }

    @Override
    default Instant recordTime() {
        return issuedAt();
    }
}
