package io.slotbridge.sandbox.google;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Google Calendar's event colour palette as {@code GET /calendar/v3/colors} returns it (id → background,
 * foreground), with the names the Google Calendar UI shows.
 */
public final class GoogleColors {

    /** One palette entry. */
    public record Color(String name, String background, String foreground) {}

    public static final Map<String, Color> EVENT = new LinkedHashMap<>();

    /** What an event without {@code colorId} shows: the calendar's own colour (a blue). */
    public static final Color CALENDAR_DEFAULT = new Color("Calendar default", "#9fc6e7", "#1d1d1d");

    static {
        EVENT.put("1", new Color("Lavender", "#a4bdfc", "#1d1d1d"));
        EVENT.put("2", new Color("Sage", "#7ae7bf", "#1d1d1d"));
        EVENT.put("3", new Color("Grape", "#dbadff", "#1d1d1d"));
        EVENT.put("4", new Color("Flamingo", "#ff887c", "#1d1d1d"));
        EVENT.put("5", new Color("Banana", "#fbd75b", "#1d1d1d"));
        EVENT.put("6", new Color("Tangerine", "#ffb878", "#1d1d1d"));
        EVENT.put("7", new Color("Peacock", "#46d6db", "#1d1d1d"));
        EVENT.put("8", new Color("Graphite", "#e1e1e1", "#1d1d1d"));
        EVENT.put("9", new Color("Blueberry", "#5484ed", "#1d1d1d"));
        EVENT.put("10", new Color("Basil", "#51b749", "#1d1d1d"));
        EVENT.put("11", new Color("Tomato", "#dc2127", "#1d1d1d"));
    }

    private GoogleColors() {}

    public static Color of(String colorId) {
        return colorId == null || colorId.isEmpty() ? CALENDAR_DEFAULT : EVENT.getOrDefault(colorId, CALENDAR_DEFAULT);
    }
}
