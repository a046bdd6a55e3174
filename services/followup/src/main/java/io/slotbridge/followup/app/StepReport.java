package io.slotbridge.followup.app;

/**
 * How a step ended, for the step log, the {@code followup.step-executed} event and the note on the lead.
 *
 * @param outcome done, skipped, held, uncertain
 * @param detail a sentence for the timeline (English, for operators)
 * @param note the note on the lead (Russian, for the call centre), null when the step needs none
 * @param messageId Wazzup's messageId of a sent message
 */
public record StepReport(String action, String label, String outcome, String detail, String note, String messageId) {

    public static final String DONE = "done";
    public static final String SKIPPED = "skipped";
    public static final String HELD = "held";
    public static final String UNCERTAIN = "uncertain";
}
