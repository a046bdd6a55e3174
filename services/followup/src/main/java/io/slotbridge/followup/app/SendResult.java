package io.slotbridge.followup.app;

/** How sending one template step ended, as the step executor needs it. */
public sealed interface SendResult {

    /** It went out ({@code messageId} null when Wazzup reported a repeat: sent, id unknown). */
    record Delivered(String messageId, String detail, boolean asText) implements SendResult {}

    /** It can never go out: skip the step, tell the call centre why. */
    record Skipped(String reason) implements SendResult {}

    /** The channel cannot send now: hold the run, alert operations. */
    record Held(String code, String reason) implements SendResult {}

    /** Wazzup did not answer usefully; nothing can have gone out, or the same id may still be repeated: try later. */
    record RetryLater(String reason) implements SendResult {}

    /** It may or may not have gone out and may not be repeated: a person checks the chat. */
    record Uncertain(String reason) implements SendResult {}
}
