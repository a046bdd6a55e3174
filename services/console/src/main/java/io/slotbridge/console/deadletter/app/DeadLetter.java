package io.slotbridge.console.deadletter.app;

import java.time.Instant;

/** A dead letter as the console shows it; secrets in every text field are already masked. */
public record DeadLetter(
        long id,
        String dltTopic,
        int dltPartition,
        long dltOffset,
        String originalTopic,
        Integer originalPartition,
        Long originalOffset,
        String tenant,
        String key,
        int payloadSize,
        String payloadPreview,
        String messageId,
        String recordType,
        String reason,
        String failedBy,
        String exceptionClass,
        String exceptionMessage,
        String exceptionTrace,
        Instant deadAt,
        String state,
        Instant stateChangedAt,
        String stateChangedBy,
        String stateNote) {

    public boolean isNew() {
        return "new".equals(state);
    }

    /** The exception's simple class name, for lists. */
    public String exceptionShortName() {
        if (exceptionClass == null) {
            return null;
        }
        return exceptionClass.substring(exceptionClass.lastIndexOf('.') + 1);
    }

    public String auditTarget() {
        return auditTarget(id);
    }

    public static String auditTarget(long id) {
        return "dead-letter:" + id;
    }
}
