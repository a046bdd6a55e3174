package io.slotbridge.console.alert.domain;

import io.slotbridge.console.alert.domain.AlertCandidate.Severity;

/** One line of an alert notification: an alert that fired, is still firing (reminder), or resolved. */
public record Notice(
        long alertId, Kind kind, String rule, String tenant, String subject, Severity severity, String message) {

    public enum Kind {
        FIRING,
        REMINDER,
        RESOLVED
    }
}
