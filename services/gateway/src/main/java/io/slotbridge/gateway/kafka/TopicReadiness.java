package io.slotbridge.gateway.kafka;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Which topics the producer can send to without blocking. {@code KafkaProducer.send} waits for metadata (up to
 * {@code max.block.ms}) only for a topic whose partitions it does not know; it knows them for every topic it recently
 * had a record acknowledged on (metadata of a topic is dropped only after {@code metadata.max.idle.ms} without use).
 * A topic counts as ready for {@code freshnessNanos} after its last acknowledgement and stops counting at its first
 * failure, so a send on a Netty event loop can never block it: when unsure, the caller takes the slow path.
 */
final class TopicReadiness {

    private final Map<String, Long> lastAckNanos = new ConcurrentHashMap<>();
    private final long freshnessNanos;
    private final LongSupplier nanoClock;

    TopicReadiness(long freshnessNanos, LongSupplier nanoClock) {
        this.freshnessNanos = freshnessNanos;
        this.nanoClock = nanoClock;
    }

    boolean allReady(Collection<String> topics) {
        long now = nanoClock.getAsLong();
        for (String topic : topics) {
            Long acked = lastAckNanos.get(topic);
            if (acked == null || now - acked > freshnessNanos) {
                return false;
            }
        }
        return true;
    }

    void acknowledged(String topic) {
        lastAckNanos.put(topic, nanoClock.getAsLong());
    }

    void failed(String topic) {
        lastAckNanos.remove(topic);
    }
}
