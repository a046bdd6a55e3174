package io.slotbridge.followup.dsl;

import java.util.List;

/** A sequence file that cannot be used; the message names the file, and each problem its line and reason. */
public class SequenceFileException extends RuntimeException {

    private final transient List<String> problems;

    public SequenceFileException(String source, List<String> problems) {
        super("follow-up sequence file " + source + " is invalid: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem as {@code line N: reason}. */
    public List<String> problems() {
        return problems;
    }
}
