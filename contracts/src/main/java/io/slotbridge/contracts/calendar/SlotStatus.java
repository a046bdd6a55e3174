package io.slotbridge.contracts.calendar;

/** Google event status. A deleted event is {@code CANCELLED}. */
public enum SlotStatus {
    CONFIRMED,
    TENTATIVE,
    CANCELLED
}
