package io.slotbridge.console.deadletter.domain;

/**
 * Which dead letters a list or a bulk replay covers. Empty parts match everything.
 *
 * @param topic the original topic, e.g. {@code crm.lead-events.v1}
 * @param state {@code new}, {@code replayed} or {@code discarded}
 * @param reason text the reason must contain (case-insensitive)
 */
public record DeadLetterFilter(String tenant, String topic, String state, String reason) {

    public static final String NEW = "new";
    public static final String REPLAYED = "replayed";
    public static final String DISCARDED = "discarded";

    public DeadLetterFilter {
        tenant = blankToNull(tenant);
        topic = blankToNull(topic);
        state = blankToNull(state);
        reason = blankToNull(reason);
    }

    /** Bulk replays only ever take letters nobody has handled yet. */
    public DeadLetterFilter unhandledOnly() {
        return new DeadLetterFilter(tenant, topic, NEW, reason);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
