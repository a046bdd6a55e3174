package io.slotbridge.followup.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * Walks a sequence: which step runs next and when. Pure: the run's position, the sequence, the tenant's working
 * calendar and "now" in, a decision out. Each action step is its own durable unit, so a restart between two steps
 * resumes at the first one that did not commit.
 */
public final class SequenceEngine {

    private SequenceEngine() {}

    /** The first step of a run started at {@code now}. */
    public static NextStep start(Sequence sequence, Instant now, WorkingCalendar calendar) {
        return from(sequence, 0, now, calendar);
    }

    /** What follows once step {@code executed} ran at {@code now}. */
    public static NextStep afterStep(Sequence sequence, int executed, Instant now, WorkingCalendar calendar) {
        return from(sequence, executed + 1, now, calendar);
    }

    /**
     * What to do when a run's due time came: run the step if it is working time, else wait for the morning. A
     * service that was down overnight must not call clients at 23:00 when it comes back.
     */
    public static Decision onDue(Sequence sequence, int index, Instant now, WorkingCalendar calendar) {
        if (index >= sequence.size()) {
            return new Decision.Complete();
        }
        if (!calendar.isWorkingTime(now)) {
            return new Decision.Postpone(calendar.nextWorkingTime(now));
        }
        Step step = sequence.step(index);
        if (step instanceof Step.Wait) {
            // only reachable if a stored position points at a wait; walk past it
            NextStep next = from(sequence, index, now, calendar);
            return next instanceof NextStep.Due due
                    ? new Decision.Postpone(due.at(), due.index())
                    : new Decision.Complete();
        }
        return new Decision.Execute(step);
    }

    private static NextStep from(Sequence sequence, int index, Instant now, WorkingCalendar calendar) {
        Objects.requireNonNull(now, "now");
        Instant at = now;
        int position = index;
        while (position < sequence.size() && sequence.step(position) instanceof Step.Wait wait) {
            at = wait.rule().after(at, calendar);
            position++;
        }
        if (position >= sequence.size()) {
            return new NextStep.Finished();
        }
        return new NextStep.Due(position, calendar.nextWorkingTime(at));
    }

    /** The engine's answer when a run is due. */
    public sealed interface Decision permits Decision.Execute, Decision.Postpone, Decision.Complete {

        record Execute(Step step) implements Decision {}

        /** Not now: try again at {@code until}, at step {@code index} (-1 = same step). */
        record Postpone(Instant until, int index) implements Decision {
            public Postpone(Instant until) {
                this(until, -1);
            }
        }

        record Complete() implements Decision {}
    }
}
