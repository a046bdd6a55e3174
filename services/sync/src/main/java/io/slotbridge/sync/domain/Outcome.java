package io.slotbridge.sync.domain;

/** How the decider treated one input; the wire form is {@link #label()} (DecisionRecorded.outcome). */
public enum Outcome {
    /** Commands or meeting events came out. */
    APPLIED("applied"),
    /** The input was current but asked for nothing. */
    NO_CHANGE("no-change"),
    /** The input only showed our own writes. */
    ECHO_SUPPRESSED("echo-suppressed"),
    /** The input was older than what we know. */
    STALE_IGNORED("stale-ignored"),
    /** The input was delivered before (inbox). */
    DUPLICATE("duplicate"),
    /** Not ours to decide: a slot we did not create, another pipeline, a lead we never saw. */
    IGNORED("ignored");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
