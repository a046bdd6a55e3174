package io.slotbridge.cluster;

import java.util.List;

/**
 * What the people in the demo do with a lead, and what ОП-14 / ОП-2 say the lead and its slots must look like after
 * (DESIGN §2, services/sync/README.md "The rules, as users see them"). Colours are Google colorIds, "" = default.
 */
enum Scenario {
    /** Booked in the CRM (stage 5, time, expert): one slot in the default colour. */
    BOOKED(Stage.MEETING_SCHEDULED, List.of("")),
    /** Booked, then the expert paints the slot Basil: the lead moves to "6. Встреча проведена". */
    HELD(Stage.MEETING_HELD, List.of("10")),
    /** Booked, then the manager closes the lead lost in the CRM: the slot turns Tomato. */
    CANCELLED(Stage.LOST, List.of("11")),
    /** Booked, then the meeting time changes in the CRM: old slot Grape, a second slot at the new time. */
    RESCHEDULED(Stage.MEETING_SCHEDULED, List.of("3", "")),
    /** Booked, then the expert paints the slot Graphite: "Не дозвонились" and follow-up scenario B (call tasks). */
    NO_SHOW(Stage.NO_CONTACT, List.of("8")),
    /** Qualified and left alone: follow-up scenario A sends the first WhatsApp template, once. */
    QUALIFIED(Stage.QUALIFIED, List.of());

    /** amoCRM status ids of the seeded demo pipeline (deploy/sandbox AmoSeed). */
    static final class Stage {
        static final long FIRST_CONTACT = 67_000_001;
        static final long QUALIFIED = 67_000_002;
        static final long MEETING_SCHEDULED = 67_000_003;
        static final long MEETING_HELD = 67_000_004;
        static final long NO_CONTACT = 67_000_005;
        static final long LOST = 143;

        private Stage() {}
    }

    final long stage;
    /** Colour of meeting 1, 2, … */
    final List<String> slotColours;

    Scenario(long stage, List<String> slotColours) {
        this.stage = stage;
        this.slotColours = slotColours;
    }

    static Scenario of(int leadNumber) {
        return values()[leadNumber % values().length];
    }

    boolean booked() {
        return this != QUALIFIED;
    }

    /** Whether a person acts once the first slot exists. */
    boolean actsOnSlot() {
        return this == HELD || this == CANCELLED || this == RESCHEDULED || this == NO_SHOW;
    }
}
