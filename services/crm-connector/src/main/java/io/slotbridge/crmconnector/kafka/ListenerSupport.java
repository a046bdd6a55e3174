package io.slotbridge.crmconnector.kafka;

import io.slotbridge.platform.kafka.PoisonMessageException;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/** What both batch listeners share: poison records to the DLT by index, pauses bounded to something sane. */
final class ListenerSupport {

    private static final LogAccessor LOG = new LogAccessor(ListenerSupport.class);
    static final Duration MIN_PAUSE = Duration.ofSeconds(1);
    static final Duration MAX_PAUSE = Duration.ofMinutes(4);

    private ListenerSupport() {}

    /** The record at {@code index} goes to the dead-letter topic with {@code reason}; the rest is redelivered. */
    static BatchListenerFailedException poison(String reason, int index) {
        return new BatchListenerFailedException(reason, new PoisonMessageException(reason), index);
    }

    /** Why a record has no value: its deserialisation failure as the ErrorHandlingDeserializer recorded it. */
    static String unreadableReason(ConsumerRecord<?, ?> record) {
        DeserializationException failure = SerializationUtils.getExceptionFromHeader(
                record, SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG);
        if (failure == null) {
            return "record without a value";
        }
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        return String.valueOf(cause.getMessage());
    }

    static Duration pauseUntil(Instant retryAt, Instant now) {
        Duration pause = Duration.between(now, retryAt);
        if (pause.compareTo(MIN_PAUSE) < 0) {
            return MIN_PAUSE;
        }
        return pause.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause;
    }
}
