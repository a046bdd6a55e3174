package io.slotbridge.followup.domain;

/** One line of a sequence. Actions do something on the lead; {@link Wait} only moves the clock. */
public sealed interface Step permits Step.SendTemplate, Step.CallTask, Step.Note, Step.CloseLost, Step.Wait {

    /** The DSL keyword, also the {@code action} of {@code followup.step-executed}. */
    String action();

    /** A short human name for timelines, e.g. {@code send-template Игнор}. */
    String label();

    /** Send a WhatsApp template (by its tenant-level name) to the lead's main contact. */
    record SendTemplate(String template, String label) implements Step {
        public String action() {
            return "send-template";
        }
    }

    /** Create a call task on the lead, due by the end of the working day. */
    record CallTask(String text, String label) implements Step {
        public String action() {
            return "call-task";
        }
    }

    /** Add a note to the lead. */
    record Note(String text, String label) implements Step {
        public String action() {
            return "note";
        }
    }

    /** Close the lead as lost with a loss reason (a role from the tenant's loss-reasons, or a name). */
    record CloseLost(String reason, String label) implements Step {
        public String action() {
            return "close-lost";
        }
    }

    /** Wait before the next step. */
    record Wait(WaitRule rule, String label) implements Step {
        public String action() {
            return "wait";
        }
    }
}
