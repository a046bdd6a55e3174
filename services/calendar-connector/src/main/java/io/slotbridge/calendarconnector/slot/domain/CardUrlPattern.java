package io.slotbridge.calendarconnector.slot.domain;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a lead id in free text by the tenant's CRM card link template, e.g.
 * {@code https://demo.amocrm.ru/leads/detail/{leadId}} matches {@code https://demo.amocrm.ru/leads/detail/1001}
 * anywhere in an event description (plain text or the HTML Google Calendar stores).
 */
public final class CardUrlPattern {

    private static final String PLACEHOLDER = "{leadId}";

    private final Pattern pattern;

    private CardUrlPattern(Pattern pattern) {
        this.pattern = pattern;
    }

    /** A pattern for the template; a template without {@code {leadId}} is a configuration error. */
    public static CardUrlPattern of(String template) {
        int at = template == null ? -1 : template.indexOf(PLACEHOLDER);
        if (at < 0) {
            throw new IllegalArgumentException("crm.card-url-template must contain " + PLACEHOLDER + ": " + template);
        }
        String before = template.substring(0, at);
        String after = template.substring(at + PLACEHOLDER.length());
        return new CardUrlPattern(Pattern.compile(Pattern.quote(before) + "([0-9A-Za-z_-]+)"
                + (after.isEmpty() ? "" : "(?:" + Pattern.quote(after) + ")?")));
    }

    /** A pattern that never matches, for tenants without a card link template. */
    public static CardUrlPattern none() {
        return new CardUrlPattern(null);
    }

    public Optional<String> findLeadId(String text) {
        if (pattern == null || text == null) {
            return Optional.empty();
        }
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
