package io.slotbridge.followup.domain;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A follow-up sequence as the tenant wrote it: what starts it, its steps in order, and which contact signals stop it.
 *
 * @param name short name used in events and run ids, e.g. {@code A}
 * @param title one line for people
 */
public record Sequence(String name, String title, Trigger trigger, List<Step> steps, Set<StopCondition> stopWhen) {

    public Sequence {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(trigger, "trigger");
        steps = List.copyOf(steps);
        stopWhen = stopWhen.isEmpty() ? EnumSet.noneOf(StopCondition.class) : EnumSet.copyOf(stopWhen);
        if (steps.stream().noneMatch(s -> !(s instanceof Step.Wait))) {
            throw new IllegalArgumentException("sequence " + name + " has no step that does something");
        }
        title = title == null ? name : title;
    }

    public Step step(int index) {
        return steps.get(index);
    }

    public int size() {
        return steps.size();
    }

    /** True when the signal ends this sequence's runs (a person's stop always does). */
    public boolean stopsOn(StopCondition condition) {
        return condition == StopCondition.STOPPED_BY_ADMIN || stopWhen.contains(condition);
    }
}
