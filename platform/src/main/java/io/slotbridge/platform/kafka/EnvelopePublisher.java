package io.slotbridge.platform.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.slotbridge.contracts.CloudEvents;
import io.slotbridge.contracts.Envelope;
import io.slotbridge.contracts.TopicSpec;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes contract records with their key rule and CloudEvents headers. The future completes when the broker has
 * acknowledged the write (acks=all, idempotent producer).
 */
public class EnvelopePublisher {

    private final KafkaTemplate<String, Envelope> template;
    private final String source;
    private final MeterRegistry meters;
    private final Map<String, Counter> acknowledged = new ConcurrentHashMap<>();
    private final Map<String, Counter> failed = new ConcurrentHashMap<>();

    public EnvelopePublisher(KafkaTemplate<String, Envelope> template, String source, MeterRegistry meters) {
        this.template = template;
        this.source = source;
        this.meters = meters;
    }

    public <V extends Envelope> CompletableFuture<SendResult<String, Envelope>> publish(TopicSpec<V> topic, V record) {
        return send(topic.name(), record, Map.of());
    }

    /** Publish to an explicit topic name (e.g. a dead-letter topic) with extra headers. */
    public CompletableFuture<SendResult<String, Envelope>> send(
            String topicName, Envelope record, Map<String, String> extraHeaders) {
        ProducerRecord<String, Envelope> producerRecord = new ProducerRecord<>(topicName, record.kafkaKey(), record);
        CloudEvents.headers(record, source)
                .forEach((k, v) -> producerRecord.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        extraHeaders.forEach((k, v) -> producerRecord.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        return template.send(producerRecord).whenComplete((result, error) -> published(topicName, error == null)
                .increment());
    }

    /** Looked up once per topic and outcome: a registry lookup builds and hashes the whole meter id every time. */
    private Counter published(String topicName, boolean ok) {
        return (ok ? acknowledged : failed)
                .computeIfAbsent(
                        topicName,
                        topic -> meters.counter(
                                "slotbridge.kafka.published", "topic", topic, "outcome", ok ? "ok" : "error"));
    }

    public String source() {
        return source;
    }
}
