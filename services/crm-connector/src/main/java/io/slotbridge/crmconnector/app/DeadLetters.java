package io.slotbridge.crmconnector.app;

/**
 * Where work that can no longer be read goes, with its raw bytes and the reason, so that nothing is dropped: the
 * topic's {@code -dlt}, which the console shows and can replay.
 */
public interface DeadLetters {

    /** Returns once Kafka acknowledged the record; throws when it did not. */
    void send(String topic, String key, byte[] raw, String reason);
}
