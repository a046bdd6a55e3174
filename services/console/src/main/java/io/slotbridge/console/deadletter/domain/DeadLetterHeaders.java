package io.slotbridge.console.deadletter.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The headers a dead letter carries: spring-kafka's {@code kafka_dlt-*} (original coordinates as binary numbers,
 * exception texts) and the platform's {@code slotbridge_reason} / {@code slotbridge_failed_by}. A replay sends the
 * original record again, so it keeps every header except these.
 */
public final class DeadLetterHeaders {

    public static final String ORIGINAL_TOPIC = "kafka_dlt-original-topic";
    public static final String ORIGINAL_PARTITION = "kafka_dlt-original-partition";
    public static final String ORIGINAL_OFFSET = "kafka_dlt-original-offset";
    public static final String EXCEPTION_FQCN = "kafka_dlt-exception-fqcn";
    public static final String EXCEPTION_CAUSE_FQCN = "kafka_dlt-exception-cause-fqcn";
    public static final String EXCEPTION_MESSAGE = "kafka_dlt-exception-message";
    public static final String EXCEPTION_STACKTRACE = "kafka_dlt-exception-stacktrace";
    public static final String REASON = "slotbridge_reason";
    public static final String FAILED_BY = "slotbridge_failed_by";

    private DeadLetterHeaders() {}

    /** True for headers the dead-lettering added; false for the record's own (CloudEvents and the like). */
    public static boolean addedByDeadLettering(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.startsWith("kafka_dlt-")
                || lower.equals(REASON)
                || lower.equals(FAILED_BY)
                || lower.startsWith("springdeserializerexception");
    }

    /** spring-kafka writes partition numbers as 4-byte and offsets as 8-byte big-endian integers. */
    public static Long number(byte[] value) {
        if (value == null) {
            return null;
        }
        if (value.length == Integer.BYTES) {
            return (long) ByteBuffer.wrap(value).getInt();
        }
        if (value.length == Long.BYTES) {
            return ByteBuffer.wrap(value).getLong();
        }
        try {
            return Long.parseLong(new String(value, StandardCharsets.UTF_8).strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public static String text(byte[] value) {
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }
}
