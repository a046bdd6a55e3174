package io.slotbridge.sync.domain;

/** Where a meeting stands; each status has a slot colour in the tenant's colour map (DESIGN §2). */
public enum MeetingStatus {
    /** Booked, nobody confirmed yet: the calendar default colour. */
    SCHEDULED,
    /** The client confirmed on the morning call: Banana. */
    CONFIRMED,
    /** Moved to another time: Grape. The latest meeting in this status waits for the new time. */
    RESCHEDULED,
    /** Took place: Basil. */
    HELD,
    /** Cancelled and not rescheduled: Tomato. */
    CANCELLED,
    /** The client could not be reached or did not show up: Graphite. */
    NO_CONTACT;

    /** Still going to happen (possibly at a time not known yet); CRM stage changes may still decide its fate. */
    public boolean open() {
        return this == SCHEDULED || this == CONFIRMED || this == RESCHEDULED;
    }

    /** Going to happen at its slot's time. */
    public boolean live() {
        return this == SCHEDULED || this == CONFIRMED;
    }
}
