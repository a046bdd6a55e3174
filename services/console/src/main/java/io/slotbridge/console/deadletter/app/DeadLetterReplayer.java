package io.slotbridge.console.deadletter.app;

import io.slotbridge.console.deadletter.domain.DeadLetterHeaders;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends a dead letter's original bytes back to its original topic with its original key and its own headers (the
 * dead-lettering headers dropped), so the consumer that failed processes it again. Keyed partitioning puts it on
 * the partition its key belongs to today, next to the rest of the lead's records.
 */
@Component
class DeadLetterReplayer implements DisposableBean {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(15);

    private final DefaultKafkaProducerFactory<byte[], byte[]> producers;
    private final KafkaTemplate<byte[], byte[]> template;

    DeadLetterReplayer(KafkaProperties kafka) {
        Map<String, Object> config = new LinkedHashMap<>(kafka.buildProducerProperties(null));
        this.producers =
                new DefaultKafkaProducerFactory<>(config, new ByteArraySerializer(), new ByteArraySerializer());
        this.template = new KafkaTemplate<>(producers);
    }

    /** Sends and waits for the broker's acknowledgement (acks=all). */
    RecordMetadata send(String topic, byte[] key, byte[] value, StoredHeaders headers) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, key, value);
        headers.entries().stream()
                .filter(h -> !DeadLetterHeaders.addedByDeadLettering(h.name()))
                .forEach(h -> record.headers().add(new RecordHeader(h.name(), h.bytes())));
        try {
            return template.send(record)
                    .get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .getRecordMetadata();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReplayFailedException("interrupted while waiting for Kafka", e);
        } catch (ExecutionException e) {
            throw new ReplayFailedException(
                    "Kafka refused the record: " + e.getCause().getMessage(), e);
        } catch (TimeoutException e) {
            throw new ReplayFailedException("Kafka did not acknowledge within " + ACK_TIMEOUT.toSeconds() + " s", e);
        }
    }

    @Override
    public void destroy() {
        producers.destroy();
    }

    static class ReplayFailedException extends RuntimeException {
        ReplayFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
