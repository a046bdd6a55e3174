package io.slotbridge.followup.domain;

import java.time.Instant;

/** What the engine says comes next for a run. */
public sealed interface NextStep permits NextStep.Due, NextStep.Finished {

    /** Step {@code index} runs at {@code at} (always inside working hours). */
    record Due(int index, Instant at) implements NextStep {}

    /** Nothing is left: the run is complete. */
    record Finished() implements NextStep {}
}
