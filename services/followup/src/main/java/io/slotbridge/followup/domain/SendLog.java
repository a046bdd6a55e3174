package io.slotbridge.followup.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * The rules of the durable send log. Wazzup is not idempotent: a repeated {@code crmMessageId} is refused only within
 * 60 s of the first request. So an intent is recorded before every request; after a crash or an unanswered request
 * the same id may be retried only while that window is open. Later the send is uncertain and goes to a person.
 */
public final class SendLog {

    private SendLog() {}

    public enum State {
        /** Intent recorded; no final answer yet. */
        SENDING,
        /** Wazzup accepted it (201), or refused a repeat of it (REPEATED_CRM_MESSAGE_ID: it went out before). */
        SENT,
        /** Wazzup refused it for good; nothing went out. */
        FAILED,
        /** It may or may not have gone out and the dedupe window has passed: a person checks the chat. */
        UNCERTAIN
    }

    public enum Verdict {
        /** Nothing can have reached Wazzup yet, or the window is open: (re)send with the same crmMessageId. */
        SEND,
        /** A request may have reached Wazzup and a repeat would no longer be recognised: never send again. */
        UNCERTAIN,
        /** The send already has its outcome: finish the step with it. */
        SETTLED
    }

    /**
     * @param maybeDeliveredAt start of the earliest request that may have reached Wazzup, null when every request
     *     certainly failed before Wazzup accepted anything (connection refused, 429, validation errors)
     * @param safeWindow how long after that a repeat is still refused (60 s minus a safety margin)
     */
    public static Verdict verdict(State state, Instant maybeDeliveredAt, Instant now, Duration safeWindow) {
        if (state != State.SENDING) {
            return Verdict.SETTLED;
        }
        if (maybeDeliveredAt == null) {
            return Verdict.SEND;
        }
        return now.isBefore(maybeDeliveredAt.plus(safeWindow)) ? Verdict.SEND : Verdict.UNCERTAIN;
    }
}
