package io.slotbridge.sync.domain;

import java.util.Objects;

/**
 * What a meeting's slot should show.
 *
 * @param colorId null for the calendar default
 * @param colourReason the line our next paint appends to the description (why the colour changed); null when none
 * @param guest the expert's e-mail when invited, null for no guest
 */
public record SlotTarget(String colorId, String colourReason, String title, String guest) {

    SlotTarget withColour(String colour, String reason) {
        return new SlotTarget(colour, reason, title, guest);
    }

    SlotTarget withDetails(String newTitle, String newGuest) {
        return new SlotTarget(colorId, colourReason, newTitle, newGuest);
    }

    String colourKey() {
        return colorId == null ? "" : colorId;
    }

    /** Title and guest as one comparable value (stored in PostgreSQL jsonb, so no NUL characters). */
    String detailsKey() {
        return title + "\n guest: " + (guest == null ? "-" : guest);
    }

    boolean detailsShownBy(SlotView view) {
        boolean guestShown = guest == null ? view.attendees().isEmpty() : view.hasGuest(guest);
        return Objects.equals(title, view.title()) && guestShown;
    }
}
