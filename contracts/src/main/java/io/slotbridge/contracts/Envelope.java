package io.slotbridge.contracts;

import java.time.Instant;

/**
 * What every record on every topic has: a tenant, a unique id (event id or command id), a time, and the Kafka key
 * that keeps per-lead order. The accessor names below are not JSON getters, so they never appear on the wire.
 */
public interface Envelope {

    String tenant();

    /** The event id or command id; consumers dedupe by it. */
    String recordId();

    /** When the event happened or the command was issued. */
    Instant recordTime();

    /** The Kafka record key, derived from the topic's key rule (see {@link Topics}). */
    String kafkaKey();
}
