package io.slotbridge.calendarconnector.kafka;

import io.slotbridge.contracts.Envelope;
import io.slotbridge.platform.kafka.PoisonMessageException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * A polled batch split at its first record that can never be processed. The listener handles the readable prefix,
 * then calls {@link #rejectPoison()}: the platform error handler commits the prefix, sends the poison record (with its
 * raw bytes, restored by the dead-letter recoverer) to {@code <topic>-dlt} without retries, and redelivers the rest.
 *
 * @param <T> the record type the listener expects
 */
public final class ReadableBatch<T> {

    private final List<T> readable;
    private final ConsumerRecord<String, Envelope> poison;
    private final int poisonIndex;
    private final String poisonReason;

    private ReadableBatch(List<T> readable, ConsumerRecord<String, Envelope> poison, int index, String reason) {
        this.readable = readable;
        this.poison = poison;
        this.poisonIndex = index;
        this.poisonReason = reason;
    }

    /**
     * @param check the record as {@code T}, or throws {@link PoisonMessageException} saying why it never will be
     */
    public static <T> ReadableBatch<T> of(
            List<ConsumerRecord<String, Envelope>> records, Function<ConsumerRecord<String, Envelope>, T> check) {
        List<T> readable = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, Envelope> record = records.get(i);
            try {
                if (record.value() == null) {
                    throw new PoisonMessageException("record at " + record.topic() + "-" + record.partition() + "@"
                            + record.offset() + " is not a readable contract record");
                }
                readable.add(check.apply(record));
            } catch (PoisonMessageException e) {
                return new ReadableBatch<>(readable, record, i, e.getMessage());
            }
        }
        return new ReadableBatch<>(readable, null, -1, null);
    }

    /** The records before the first poison one (all of them when there is none). */
    public List<T> readable() {
        return readable;
    }

    /** Throws when the batch had a poison record; call after handling {@link #readable()}. */
    public void rejectPoison() {
        if (poison != null) {
            throw new BatchListenerFailedException(poisonReason, new PoisonMessageException(poisonReason), poisonIndex);
        }
    }
}
