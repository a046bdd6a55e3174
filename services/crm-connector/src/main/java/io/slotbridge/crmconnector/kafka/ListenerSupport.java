package io.slotbridge.crmconnector.kafka;

import io.slotbridge.platform.kafka.PoisonMessageException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/** What both batch listeners share: poison records go to the DLT by index, with the reason they could not be read. */
final class ListenerSupport {

    private static final LogAccessor LOG = new LogAccessor(ListenerSupport.class);

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
}
