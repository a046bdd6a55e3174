package io.slotbridge.platform.kafka;

/**
 * A record that can never be processed (invalid for business reasons). Listeners throw it to send the record
 * straight to its dead-letter topic without retries; the message becomes the {@code kafka_dlt-exception-message}.
 */
public class PoisonMessageException extends RuntimeException {

    public PoisonMessageException(String message) {
        super(message);
    }

    public PoisonMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
