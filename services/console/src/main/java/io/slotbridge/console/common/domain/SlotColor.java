package io.slotbridge.console.common.domain;

import java.util.Arrays;

/** Google Calendar event colours as people see them in the calendar (colorId → name and swatch). */
public enum SlotColor {
    CALENDAR_DEFAULT("", "Calendar default", "#039be5"),
    LAVENDER("1", "Lavender", "#7986cb"),
    SAGE("2", "Sage", "#33b679"),
    GRAPE("3", "Grape", "#8e24aa"),
    FLAMINGO("4", "Flamingo", "#e67c73"),
    BANANA("5", "Banana", "#f6bf26"),
    TANGERINE("6", "Tangerine", "#f4511e"),
    PEACOCK("7", "Peacock", "#039be5"),
    GRAPHITE("8", "Graphite", "#616161"),
    BLUEBERRY("9", "Blueberry", "#3f51b5"),
    BASIL("10", "Basil", "#0b8043"),
    TOMATO("11", "Tomato", "#d50000");

    private final String colorId;
    private final String label;
    private final String hex;

    SlotColor(String colorId, String label, String hex) {
        this.colorId = colorId;
        this.label = label;
        this.hex = hex;
    }

    /** The colour of a Google colorId; null, empty and unknown ids show as the calendar default. */
    public static SlotColor of(String colorId) {
        String id = colorId == null ? "" : colorId.strip();
        return Arrays.stream(values())
                .filter(c -> c.colorId.equals(id))
                .findFirst()
                .orElse(CALENDAR_DEFAULT);
    }

    public String colorId() {
        return colorId;
    }

    public String label() {
        return label;
    }

    public String hex() {
        return hex;
    }

    /** CSS class of the swatch (inline styles are blocked by the console's content security policy). */
    public String cssClass() {
        return "slot-c" + (colorId.isEmpty() ? "0" : colorId);
    }
}
