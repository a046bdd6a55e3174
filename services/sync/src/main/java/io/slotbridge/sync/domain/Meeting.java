package io.slotbridge.sync.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One meeting of a lead and its calendar slot. A lead's meetings are numbered from 1; a reschedule makes a new
 * meeting (and slot) and leaves the old slot painted Grape, because slots are never deleted.
 *
 * @param bookedByRole role of the person who booked it (decides whether the expert is invited)
 * @param awaitingRefresh a write of ours hit a conflict (Google 412); no slot writes until a fresh snapshot arrives
 */
public record Meeting(
        int number,
        String slotId,
        MeetingStatus status,
        Instant start,
        Instant end,
        String expert,
        String bookedByRole,
        SlotTarget target,
        SlotView observed,
        boolean awaitingRefresh) {

    public Meeting {
        Objects.requireNonNull(slotId, "slotId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(observed, "observed");
    }

    Meeting withStatus(MeetingStatus newStatus) {
        return new Meeting(
                number, slotId, newStatus, start, end, expert, bookedByRole, target, observed, awaitingRefresh);
    }

    Meeting withTime(Instant newStart, Instant newEnd) {
        return new Meeting(
                number, slotId, status, newStart, newEnd, expert, bookedByRole, target, observed, awaitingRefresh);
    }

    Meeting withExpert(String newExpert) {
        return new Meeting(
                number, slotId, status, start, end, newExpert, bookedByRole, target, observed, awaitingRefresh);
    }

    Meeting withTarget(SlotTarget newTarget) {
        return new Meeting(
                number, slotId, status, start, end, expert, bookedByRole, newTarget, observed, awaitingRefresh);
    }

    Meeting withObserved(SlotView view) {
        return new Meeting(number, slotId, status, start, end, expert, bookedByRole, target, view, awaitingRefresh);
    }

    Meeting withAwaitingRefresh(boolean awaiting) {
        return new Meeting(number, slotId, status, start, end, expert, bookedByRole, target, observed, awaiting);
    }
}
