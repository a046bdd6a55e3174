package io.slotbridge.console.projection.domain;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the expert from a slot title written by the meeting rule
 * {@code Встреча с {client} (категория {A|B|C}), {HH:mm} мск, ({expert})}, for slots whose guest is unknown.
 */
public final class SlotTitles {

    private static final Pattern TRAILING_PARENTHESES = Pattern.compile(",\\s*\\(([^()]+)\\)\\s*$");

    private SlotTitles() {}

    public static Optional<String> expertOf(String summary) {
        if (summary == null) {
            return Optional.empty();
        }
        Matcher matcher = TRAILING_PARENTHESES.matcher(summary);
        return matcher.find() ? Optional.of(matcher.group(1).strip()) : Optional.empty();
    }
}
