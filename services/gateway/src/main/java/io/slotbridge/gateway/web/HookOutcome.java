package io.slotbridge.gateway.web;

import org.springframework.http.HttpStatus;

/** How a webhook request ended; the name is the {@code outcome} of log lines and metric tags. */
public enum HookOutcome {
    ACCEPTED("accepted", HttpStatus.OK),
    DEAD_LETTERED("dead-lettered", HttpStatus.ACCEPTED),
    UNAUTHORIZED("unauthorized", HttpStatus.UNAUTHORIZED),
    TOO_LARGE("too-large", HttpStatus.PAYLOAD_TOO_LARGE),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    KAFKA_UNAVAILABLE("kafka-unavailable", HttpStatus.SERVICE_UNAVAILABLE);

    private final String tag;
    private final HttpStatus status;

    HookOutcome(String tag, HttpStatus status) {
        this.tag = tag;
        this.status = status;
    }

    public String tag() {
        return tag;
    }

    public HttpStatus status() {
        return status;
    }
}
