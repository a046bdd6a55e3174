package io.slotbridge.followup.domain;

import java.util.Arrays;
import java.util.Optional;

/** What starts a sequence. */
public enum Trigger {
    /** The lead sat in the tenant's {@code stages.qualified} with no meeting for {@code followup.qualified-idle}. */
    QUALIFIED_IDLE("qualified-idle"),
    /** {@code meeting.client-unreachable}: the client missed the meeting or could not be reached. */
    CLIENT_UNREACHABLE("client-unreachable"),
    /** Started by a person (admin API); never automatically. */
    MANUAL("manual");

    private final String keyword;

    Trigger(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }

    public static Optional<Trigger> byKeyword(String keyword) {
        return Arrays.stream(values()).filter(t -> t.keyword.equals(keyword)).findFirst();
    }
}
