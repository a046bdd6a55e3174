package io.slotbridge.gateway.ingest.domain;

/** A body that cannot be read as what its source sends; the message says why, for the dead-letter record. */
public class MalformedBodyException extends RuntimeException {

    public MalformedBodyException(String message) {
        super(message);
    }

    public MalformedBodyException(String message, Throwable cause) {
        super(message, cause);
    }
}
