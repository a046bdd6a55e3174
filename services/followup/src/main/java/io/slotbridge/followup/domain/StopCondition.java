package io.slotbridge.followup.domain;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** Contact signals that end a run at once. Every sequence stops on all of them unless its file narrows the list. */
public enum StopCondition {
    /** The client wrote on WhatsApp (not an echo of our or the operator's own message). */
    CLIENT_REPLIED("client-replied", "клиент ответил в WhatsApp"),
    /** A call note with talk time: somebody reached the client. */
    CALL_WITH_CONVERSATION("call-with-conversation", "состоялся разговор с клиентом"),
    /** A meeting was booked or moved, or the lead moved to the meeting-scheduled stage. */
    MEETING_SCHEDULED("meeting-scheduled", "назначена встреча"),
    /** The lead was closed (won or lost) by somebody. */
    LEAD_CLOSED("lead-closed", "лид закрыт"),
    /** The lead was deleted from the CRM. */
    LEAD_DELETED("lead-deleted", "лид удалён"),
    /** A person stopped the run through the admin API. */
    STOPPED_BY_ADMIN("stopped-by-admin", "остановлено администратором");

    private final String keyword;
    private final String noteText;

    StopCondition(String keyword, String noteText) {
        this.keyword = keyword;
        this.noteText = noteText;
    }

    public String keyword() {
        return keyword;
    }

    /** The reason in the words the CRM note uses. */
    public String noteText() {
        return noteText;
    }

    /** Conditions a sequence file may list (a person's stop always works). */
    public static Set<StopCondition> configurable() {
        return EnumSet.complementOf(EnumSet.of(STOPPED_BY_ADMIN));
    }

    public static Optional<StopCondition> byKeyword(String keyword) {
        return Arrays.stream(values())
                .filter(c -> c != STOPPED_BY_ADMIN && c.keyword.equals(keyword))
                .findFirst();
    }
}
