package io.slotbridge.console.tenant.domain;

/**
 * One thing wrong with a tenant's configuration, said so an administrator can fix it.
 *
 * @param key the configuration key under {@code slotbridge.tenants.<tenant>}, e.g. {@code stages.meeting-held}
 * @param message what is wrong and what it breaks, in plain words
 */
public record ConfigProblem(Severity severity, String key, String message) {

    public enum Severity {
        ERROR,
        WARNING
    }

    public static ConfigProblem error(String key, String message) {
        return new ConfigProblem(Severity.ERROR, key, message);
    }

    public static ConfigProblem warning(String key, String message) {
        return new ConfigProblem(Severity.WARNING, key, message);
    }
}
