package io.slotbridge.followup.domain;

import java.util.Objects;
import java.util.Optional;

/** Which lead changes count as a contact signal. */
public final class StopRules {

    private StopRules() {}

    /**
     * A stage change stops a run when the lead was closed, or when it <em>moved</em> to the meeting-scheduled stage. A
     * lead that was already there when the run started (a no-show keeps stage 5 until the manager re-books) does not
     * stop scenario B; its re-booking arrives as a meeting event instead.
     *
     * @param previousStage the stage we knew before this snapshot, null when this is the first snapshot we see
     */
    public static Optional<StopCondition> forStage(
            String previousStage, String stage, boolean closed, String meetingScheduledStage) {
        Objects.requireNonNull(stage, "stage");
        if (closed) {
            return Optional.of(StopCondition.LEAD_CLOSED);
        }
        boolean movedToMeeting = stage.equals(meetingScheduledStage)
                && previousStage != null
                && !previousStage.equals(meetingScheduledStage);
        return movedToMeeting ? Optional.of(StopCondition.MEETING_SCHEDULED) : Optional.empty();
    }
}
