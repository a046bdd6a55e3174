package io.slotbridge.followup.client;

/** What one {@code POST /v3/message} request came to, classified along research/messaging.md §1.3. */
public sealed interface SendOutcome
        permits SendOutcome.Sent,
                SendOutcome.AlreadySent,
                SendOutcome.Rejected,
                SendOutcome.ChannelProblem,
                SendOutcome.Transient {

    /** Whether the message may have gone out (then a repeat needs the same crmMessageId inside 60 s). */
    boolean maybeDelivered();

    /** 201: the message is accepted; {@code messageId} joins the status webhooks. */
    record Sent(String messageId) implements SendOutcome {
        public boolean maybeDelivered() {
            return true;
        }
    }

    /** 400 REPEATED_CRM_MESSAGE_ID: an earlier request with this crmMessageId went out; its messageId is unknown. */
    record AlreadySent(String description) implements SendOutcome {
        public boolean maybeDelivered() {
            return true;
        }
    }

    /** Refused for good (bad contact, rejected template, validation): nothing went out; skip the step. */
    record Rejected(String code, String description) implements SendOutcome {
        public boolean maybeDelivered() {
            return false;
        }
    }

    /** The channel cannot send (blocked, no money, bad key): nothing went out; alert ops, hold the run. */
    record ChannelProblem(String code, String description) implements SendOutcome {
        public boolean maybeDelivered() {
            return false;
        }
    }

    /** Try again later (5xx, 429, timeouts, Wazzup's own transient codes). */
    record Transient(String code, String description, boolean maybeDelivered) implements SendOutcome {}
}
