package io.slotbridge.console.projection.domain;

/**
 * How one record reads in a timeline, and the ids that link it to other records.
 *
 * @param outcome {@code ok}, {@code failed}, {@code warning} or {@code info}; the timeline colours lines by it
 * @param causationId the record that caused this one (decision input, hint, notification)
 * @param rawEventId the {@code ingress.raw.v1} webhook this record was parsed from
 * @param commandId the command this record is or answers
 * @param messageRef a WhatsApp message id, linking follow-up steps to delivery statuses
 */
public record Description(
        String title,
        String detail,
        String outcome,
        String causationId,
        String rawEventId,
        String commandId,
        String messageRef) {

    public static final String OK = "ok";
    public static final String FAILED = "failed";
    public static final String WARNING = "warning";
    public static final String INFO = "info";

    static Description of(String title, String detail, String outcome) {
        return new Description(title, detail, outcome, null, null, null, null);
    }

    Description causedBy(String id) {
        return new Description(title, detail, outcome, id, rawEventId, commandId, messageRef);
    }

    Description rawEvent(String id) {
        return new Description(title, detail, outcome, causationId, id, commandId, messageRef);
    }

    Description command(String id) {
        return new Description(title, detail, outcome, causationId, rawEventId, id, messageRef);
    }

    Description message(String id) {
        return new Description(title, detail, outcome, causationId, rawEventId, commandId, id);
    }
}
