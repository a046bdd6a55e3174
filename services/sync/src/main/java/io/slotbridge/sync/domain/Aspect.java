package io.slotbridge.sync.domain;

/** One thing Slotbridge writes, tracked separately so each converges on its own. */
public enum Aspect {
    SLOT_CREATE(Side.CALENDAR),
    SLOT_RESTORE(Side.CALENDAR),
    SLOT_COLOUR(Side.CALENDAR),
    SLOT_DETAILS(Side.CALENDAR),
    LEAD_STAGE(Side.CRM),
    LEAD_MEETING_TIME(Side.CRM),
    /** Notes are written once per fact and never compared. */
    LEAD_NOTE(Side.CRM);

    public enum Side {
        CRM,
        CALENDAR
    }

    private final Side side;

    Aspect(Side side) {
        this.side = side;
    }

    public Side side() {
        return side;
    }
}
