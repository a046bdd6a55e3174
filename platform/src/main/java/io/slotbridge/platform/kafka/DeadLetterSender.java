package io.slotbridge.platform.kafka;

import io.slotbridge.contracts.Envelope;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;

/**
 * The one way a service writes dead letters: the listeners' recoverer (a record that failed) and code that finds
 * work it can no longer read (raw bytes) both go through this producer, with the same {@code slotbridge_reason} and
 * {@code slotbridge_failed_by} headers, so the console shows and replays them alike. Its producer closes with the
 * application.
 */
public class DeadLetterSender implements DisposableBean {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);

    private final DefaultKafkaProducerFactory<Object, Object> producers;
    private final KafkaTemplate<Object, Object> template;
    private final String service;

    /**
     * @param producerConfig the service's producer settings (serialisers are chosen here)
     * @param service the name written in the failed-by header
     */
    public DeadLetterSender(Map<String, Object> producerConfig, String service) {
        // dead letters carry either the raw bytes of an unreadable record or the contract record that failed
        Map<Class<?>, Serializer<?>> values = new LinkedHashMap<>();
        values.put(byte[].class, new ByteArraySerializer());
        values.put(Envelope.class, new ContractSerializer());
        values.put(String.class, new StringSerializer());
        Map<Class<?>, Serializer<?>> keys = new LinkedHashMap<>();
        keys.put(String.class, new StringSerializer());
        keys.put(byte[].class, new ByteArraySerializer());
        this.producers = new DefaultKafkaProducerFactory<>(
                new LinkedHashMap<>(producerConfig),
                new DelegatingByTypeSerializer(keys, true),
                new DelegatingByTypeSerializer(values, true));
        this.template = new KafkaTemplate<>(producers);
        this.service = service;
    }

    /** For the listeners' {@code DeadLetterPublishingRecoverer}. */
    public KafkaTemplate<Object, Object> template() {
        return template;
    }

    /** The service named in the failed-by header. */
    public String service() {
        return service;
    }

    /**
     * Writes raw bytes to a dead-letter topic with the reason and this service as the one that gave up; returns once
     * Kafka acknowledged them, throws when it did not (the caller keeps the work).
     */
    public void sendRaw(String topic, String key, byte[] raw, String reason) {
        ProducerRecord<Object, Object> record = new ProducerRecord<>(topic, key, raw);
        record.headers()
                .add(PlatformKafkaAutoConfiguration.REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8))
                .add(PlatformKafkaAutoConfiguration.FAILED_BY_HEADER, service.getBytes(StandardCharsets.UTF_8));
        try {
            template.send(record).get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not dead-letter to " + topic + ": " + e, e);
        }
    }

    @Override
    public void destroy() {
        producers.destroy();
    }
}
