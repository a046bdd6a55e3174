package io.slotbridge.sync.domain;

import io.slotbridge.contracts.calendar.SlotAttendee;
import io.slotbridge.contracts.calendar.SlotSnapshotted;
import io.slotbridge.contracts.calendar.SlotStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The slot as the calendar last showed it. Before the first snapshot it holds what our create asked for
 * ({@code seen == false}), so every later snapshot is compared with something.
 *
 * @param colorId null for the calendar default
 * @param updated Google's {@code updated} of the last snapshot; null while unseen
 */
public record SlotView(
        boolean seen,
        boolean deleted,
        String colorId,
        Instant start,
        Instant end,
        String title,
        List<SlotAttendee> attendees,
        Instant updated,
        String etag) {

    public SlotView {
        attendees = attendees == null ? List.of() : List.copyOf(attendees);
        colorId = colorId == null || colorId.isBlank() ? null : colorId;
    }

    static SlotView requested(SlotTarget target, Instant start, Instant end) {
        List<SlotAttendee> guests =
                target.guest() == null ? List.of() : List.of(new SlotAttendee(target.guest(), "needsAction"));
        return new SlotView(false, false, target.colorId(), start, end, target.title(), guests, null, null);
    }

    static SlotView of(SlotSnapshotted snapshot) {
        return new SlotView(
                true,
                snapshot.status() == SlotStatus.CANCELLED,
                snapshot.colorId(),
                snapshot.start(),
                snapshot.end(),
                snapshot.summary(),
                snapshot.attendees(),
                snapshot.updated(),
                snapshot.etag());
    }

    String colourKey() {
        return colorId == null ? "" : colorId;
    }

    boolean hasGuest(String email) {
        return attendees.stream().anyMatch(a -> a.email() != null && a.email().equalsIgnoreCase(email));
    }

    /** The guest in the comparable sense of {@link SlotTarget#guest()}: the wanted one if present, else the first. */
    String guestLike(String wanted) {
        if (wanted != null && hasGuest(wanted)) {
            return wanted;
        }
        return attendees.isEmpty() ? null : attendees.get(0).email();
    }

    String responseOf(String email) {
        return attendees.stream()
                .filter(a -> Objects.equals(a.email(), email))
                .map(SlotAttendee::responseStatus)
                .findFirst()
                .orElse(null);
    }
}
