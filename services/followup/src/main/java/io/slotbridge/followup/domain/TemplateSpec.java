package io.slotbridge.followup.domain;

import java.util.List;
import java.util.Objects;

/**
 * A WhatsApp template as the tenant configured it ({@code followup.templates.<name>}).
 *
 * @param templateId Wazzup's {@code templateGuid} of the approved WABA template; blank while the admin has not filled it
 * @param text free text for clients who wrote within 24 h (optional)
 * @param values template variables in {@code {{1}}, {{2}}} order; {@code {client}} and {@code {lead}} are replaced
 */
public record TemplateSpec(String name, String templateId, String text, List<String> values) {

    public TemplateSpec {
        Objects.requireNonNull(name, "name");
        templateId = templateId == null ? "" : templateId.strip();
        text = text == null ? "" : text;
        values = values == null ? List.of() : List.copyOf(values);
    }

    public boolean hasTemplateId() {
        return !templateId.isEmpty();
    }

    public boolean hasText() {
        return !text.isBlank();
    }

    /** Neither an id nor a text: the placeholder the admin still has to fill in. */
    public boolean isPlaceholder() {
        return !hasTemplateId() && !hasText();
    }
}
