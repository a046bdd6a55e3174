package io.slotbridge.console.alert.domain;

/**
 * A condition that holds right now. Candidates with the same key are the same alert: it fires once and stays open
 * while the condition keeps holding.
 *
 * @param tenant the tenant, or {@code *} for conditions of the whole installation (consumer lag)
 * @param subject what it is about: a topic, a connection, a consumer group
 */
public record AlertCandidate(String rule, String tenant, String subject, Severity severity, String message) {

    public enum Severity {
        CRITICAL,
        WARNING
    }

    public String key() {
        return rule + "|" + tenant + "|" + subject;
    }
}
