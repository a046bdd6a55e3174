package io.slotbridge.sync.domain;

import io.slotbridge.contracts.CommandOutcome;
import io.slotbridge.contracts.ContractTypes;
import io.slotbridge.contracts.RejectionCode;
import io.slotbridge.contracts.calendar.CalendarCommand;
import io.slotbridge.contracts.calendar.CalendarCommandApplied;
import io.slotbridge.contracts.calendar.CalendarCommandRejected;
import io.slotbridge.contracts.calendar.CalendarCommandResult;
import io.slotbridge.contracts.calendar.CreateSlot;
import io.slotbridge.contracts.calendar.PaintSlot;
import io.slotbridge.contracts.calendar.RestoreSlot;
import io.slotbridge.contracts.calendar.SlotAttendee;
import io.slotbridge.contracts.calendar.SlotSnapshotted;
import io.slotbridge.contracts.calendar.SlotStatus;
import io.slotbridge.contracts.calendar.UpdateSlotDetails;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Google calendar as the calendar-connector shows it: every change bumps {@code updated} and the etag; a write
 * with a stale {@code If-Match} etag is refused (412 → CONFLICT) and a fresh snapshot follows; a deleted event is
 * {@code cancelled} and can be restored.
 */
final class CalendarModel {

    static final class Slot {
        final String id;
        final int meetingNumber;
        SlotStatus status = SlotStatus.CONFIRMED;
        String colorId;
        String summary;
        String description;
        Instant start;
        Instant end;
        List<SlotAttendee> attendees = new ArrayList<>();
        Instant updated;
        int etag;
        String lastCommand;

        Slot(String id, int meetingNumber) {
            this.id = id;
            this.meetingNumber = meetingNumber;
        }

        String etag() {
            return "\"" + etag + "\"";
        }
    }

    final String leadId;
    final Map<String, Slot> slots = new LinkedHashMap<>();
    private int clock;
    private int snapshots;

    CalendarModel(String leadId) {
        this.leadId = leadId;
    }

    Optional<Slot> slot(int meetingNumber) {
        return slots.values().stream()
                .filter(s -> s.meetingNumber == meetingNumber)
                .findFirst();
    }

    Optional<Slot> latest() {
        return slots.values().stream().reduce((a, b) -> b);
    }

    // ---- a person in Google Calendar -----------------------------------------------------------------------------

    SlotSnapshotted personPaints(Slot slot, String colorId) {
        slot.colorId = colorId;
        return personChanged(slot);
    }

    SlotSnapshotted personMoves(Slot slot, Instant start) {
        java.time.Duration length = java.time.Duration.between(slot.start, slot.end);
        slot.start = start;
        slot.end = start.plus(length);
        return personChanged(slot);
    }

    SlotSnapshotted personDeletes(Slot slot) {
        slot.status = SlotStatus.CANCELLED;
        return personChanged(slot);
    }

    SlotSnapshotted personAnswers(Slot slot, String email, String answer) {
        slot.attendees = slot.attendees.stream()
                .map(a -> a.email().equals(email) ? new SlotAttendee(email, answer) : a)
                .toList();
        return personChanged(slot);
    }

    SlotSnapshotted personRetitles(Slot slot, String title) {
        slot.summary = title;
        return personChanged(slot);
    }

    private SlotSnapshotted personChanged(Slot slot) {
        touch(slot);
        slot.lastCommand = null;
        return snapshot(slot, false);
    }

    // ---- the calendar-connector executing our commands -----------------------------------------------------------

    /** Applies a command; returns its result and the snapshots the connector publishes after it. */
    Executed execute(CalendarCommand command, Instant at) {
        Slot slot = slots.get(command.slotId());
        if (command instanceof CreateSlot create) {
            if (slot != null) {
                return new Executed(applied(command, slot, CommandOutcome.ALREADY_APPLIED, at), List.of());
            }
            slot = new Slot(create.slotId(), create.meetingNumber());
            slot.colorId = create.colorId();
            slot.summary = create.title();
            slot.description = create.description();
            slot.start = create.start();
            slot.end = create.end();
            if (create.guestEmail() != null) {
                slot.attendees = List.of(new SlotAttendee(create.guestEmail(), "needsAction"));
            }
            slots.put(slot.id, slot);
            return written(command, slot, at);
        }
        if (slot == null) {
            return new Executed(rejected(command, RejectionCode.NOT_FOUND, at), List.of());
        }
        String expected = command instanceof PaintSlot paint
                ? paint.expectedEtag()
                : command instanceof UpdateSlotDetails details ? details.expectedEtag() : null;
        if (expected != null && !expected.equals(slot.etag())) {
            return new Executed(rejected(command, RejectionCode.CONFLICT, at), List.of(snapshot(slot, false)));
        }
        if (command instanceof PaintSlot paint) {
            slot.colorId = paint.colorId();
            appendReason(slot, paint.reasonLine());
        } else if (command instanceof UpdateSlotDetails details) {
            if (details.title() != null) {
                slot.summary = details.title();
            }
            if (details.removeGuest()) {
                slot.attendees = List.of();
            } else if (details.guestEmail() != null) {
                slot.attendees = List.of(new SlotAttendee(details.guestEmail(), "needsAction"));
            }
        } else if (command instanceof RestoreSlot restore) {
            slot.status = SlotStatus.CONFIRMED;
            slot.colorId = restore.colorId();
            appendReason(slot, restore.reasonLine());
        } else {
            throw new IllegalArgumentException("sync does not send " + command);
        }
        return written(command, slot, at);
    }

    record Executed(CalendarCommandResult result, List<SlotSnapshotted> snapshots) {}

    private Executed written(CalendarCommand command, Slot slot, Instant at) {
        touch(slot);
        slot.lastCommand = command.commandId();
        return new Executed(applied(command, slot, CommandOutcome.APPLIED, at), List.of(snapshot(slot, true)));
    }

    private static void appendReason(Slot slot, String reasonLine) {
        if (reasonLine != null) {
            slot.description = (slot.description == null ? "" : slot.description + "\n") + reasonLine;
        }
    }

    private void touch(Slot slot) {
        clock++;
        slot.updated = Demo.FIRST_CONTACT.plusSeconds(clock);
        slot.etag++;
    }

    private CalendarCommandApplied applied(CalendarCommand command, Slot slot, CommandOutcome outcome, Instant at) {
        return new CalendarCommandApplied(
                "cal-result-" + command.commandId(),
                Demo.TENANT,
                leadId,
                at,
                command.commandId(),
                ContractTypes.typeName(command),
                command.slotId(),
                outcome,
                slot.etag(),
                slot.updated);
    }

    private CalendarCommandRejected rejected(CalendarCommand command, RejectionCode code, Instant at) {
        return new CalendarCommandRejected(
                "cal-result-" + command.commandId(),
                Demo.TENANT,
                leadId,
                at,
                command.commandId(),
                ContractTypes.typeName(command),
                command.slotId(),
                code,
                code == RejectionCode.CONFLICT ? "412 Precondition Failed: the event changed" : "404 Not Found",
                false,
                code == RejectionCode.CONFLICT ? 412 : 404);
    }

    /** What the connector publishes when it reads the slot now. */
    SlotSnapshotted snapshot(Slot slot, boolean ownWrite) {
        snapshots++;
        return new SlotSnapshotted(
                "slot-" + slot.id + "-snap-" + snapshots,
                Demo.TENANT,
                leadId,
                slot.updated,
                Demo.CALENDAR,
                slot.id,
                slot.meetingNumber,
                slot.status,
                slot.summary,
                slot.description,
                slot.start,
                slot.end,
                "Europe/Moscow",
                slot.colorId,
                List.copyOf(slot.attendees),
                15,
                slot.updated,
                slot.etag(),
                slot.etag,
                ownWrite,
                ownWrite ? slot.lastCommand : null,
                "https://calendar.google.com/event?eid=" + slot.id,
                "push");
    }
}
