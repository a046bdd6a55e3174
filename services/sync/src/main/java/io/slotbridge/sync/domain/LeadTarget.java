package io.slotbridge.sync.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * What the CRM side should show, as far as sync has an opinion. A person's change of an aspect becomes the target
 * (so a late write of ours that lands after it gets corrected); a calendar-side rule sets a new target.
 *
 * @param stage the stage the lead should be in, null before the first snapshot
 * @param meetingTime the meeting-time field value, null when the field should be (or is) empty
 */
public record LeadTarget(StageTarget stage, Instant meetingTime) {

    static final LeadTarget NONE = new LeadTarget(null, null);

    /**
     * @param lost close the lead as lost (the stage name is then informative only)
     * @param lossReason loss reason by name when {@code lost}
     */
    public record StageTarget(String stage, boolean lost, String lossReason) {

        static final String LOST_KEY = "lost";

        static StageTarget move(String stage) {
            return new StageTarget(Objects.requireNonNull(stage, "stage"), false, null);
        }

        static StageTarget closeLost(String lostStage, String lossReason) {
            return new StageTarget(lostStage, true, lossReason);
        }

        String key() {
            return lost ? LOST_KEY : "stage:" + stage;
        }
    }

    LeadTarget withStage(StageTarget newStage) {
        return new LeadTarget(newStage, meetingTime);
    }

    LeadTarget withMeetingTime(Instant time) {
        return new LeadTarget(stage, time);
    }

    static String timeKey(Instant time) {
        return time == null ? "" : time.toString();
    }
}
