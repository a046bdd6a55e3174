package io.slotbridge.contracts.calendar;

/**
 * Keys of the Google event's {@code extendedProperties.private} that Slotbridge writes on every slot it creates or
 * changes. They link the slot to its lead (no description parsing needed) and mark our own writes (echo suppression).
 */
public final class SlotLinkProperties {

    public static final String TENANT = "slotbridgeTenant";
    public static final String LEAD = "slotbridgeLead";
    public static final String MEETING_NUMBER = "slotbridgeMeeting";
    /** Id of the last command of ours that wrote the event. */
    public static final String LAST_COMMAND = "slotbridgeCommand";

    private SlotLinkProperties() {}
}
