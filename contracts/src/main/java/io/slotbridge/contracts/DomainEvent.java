package io.slotbridge.contracts;

import java.time.Instant;

/** A fact that happened. Past-tense records implement this through their topic's sealed interface. */
public interface DomainEvent extends Envelope {

    String eventId();

    Instant occurredAt();

    @Override
    default String recordId() {
        return eventId();
    }

    @Override
    default Instant recordTime() {
        return occurredAt();
    }
}
