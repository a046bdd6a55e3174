package io.slotbridge.calendarconnector.slot.domain;

/** Appending reason lines to a slot description ("Перенесена: клиент попросил"). */
public final class DescriptionLines {

    private DescriptionLines() {}

    /** The description with {@code line} as its last line; unchanged when that line is already last (a retry). */
    public static String append(String description, String line) {
        if (line == null || line.isBlank()) {
            return description;
        }
        String trimmedLine = line.strip();
        if (description == null || description.isBlank()) {
            return trimmedLine;
        }
        String body = description.stripTrailing();
        int lastBreak = body.lastIndexOf('\n');
        String lastLine = body.substring(lastBreak + 1).strip();
        if (lastLine.equals(trimmedLine)) {
            return description;
        }
        return body + "\n" + trimmedLine;
    }
}
