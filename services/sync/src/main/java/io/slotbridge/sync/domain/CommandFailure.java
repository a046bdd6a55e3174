package io.slotbridge.sync.domain;

import java.time.Instant;

/**
 * A command the connector refused for good (not a conflict). The same value is not requested again until a newer
 * snapshot of that side arrives, so a misconfigured stage name cannot make a loop.
 */
public record CommandFailure(
        Aspect aspect, int meetingNumber, String requested, String code, String reason, Instant at) {}
