package io.slotbridge.followup.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * WhatsApp's 24-hour rule: free text only while the client's last own message is less than 24 h old (we keep a safety
 * margin); first contact and silent clients get approved templates only.
 */
public sealed interface MessageChoice permits MessageChoice.Template, MessageChoice.FreeText, MessageChoice.Unusable {

    record Template(String templateId, List<String> values) implements MessageChoice {}

    record FreeText(String text) implements MessageChoice {}

    /** Nothing can be sent for this template: a permanent problem, the step is skipped with a note. */
    record Unusable(String reason) implements MessageChoice {}

    /**
     * @param lastClientMessageAt when the client last wrote to us, null if never
     * @param window how long after the client's message free text is allowed (24 h minus a margin)
     * @param variables values for {@code {client}} and {@code {lead}} placeholders
     */
    static MessageChoice choose(
            TemplateSpec spec,
            Instant lastClientMessageAt,
            Instant now,
            Duration window,
            Map<String, String> variables) {
        boolean windowOpen = lastClientMessageAt != null
                && !lastClientMessageAt.isAfter(now)
                && Duration.between(lastClientMessageAt, now).compareTo(window) < 0;
        if (windowOpen && spec.hasText()) {
            return new FreeText(fill(spec.text(), variables));
        }
        if (spec.hasTemplateId()) {
            return new Template(
                    spec.templateId(),
                    spec.values().stream().map(v -> fill(v, variables)).toList());
        }
        if (spec.isPlaceholder()) {
            return new Unusable(
                    "template '" + spec.name() + "' is a placeholder: set its template-id in " + "followup.templates");
        }
        return new Unusable("template '" + spec.name() + "' has only free text, and the client has not written "
                + "within 24 h; WhatsApp allows only an approved template now");
    }

    static MessageChoice choose(TemplateSpec spec, Instant lastClientMessageAt, Instant now, Duration window) {
        return choose(spec, lastClientMessageAt, now, window, Map.of());
    }

    private static String fill(String text, Map<String, String> variables) {
        String result = text;
        for (Map.Entry<String, String> v : variables.entrySet()) {
            result = result.replace("{" + v.getKey() + "}", v.getValue() == null ? "" : v.getValue());
        }
        return result;
    }
}
