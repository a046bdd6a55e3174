package io.slotbridge.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.slotbridge.contracts.CloudEvents;
import io.slotbridge.contracts.ContractSamples;
import io.slotbridge.contracts.Envelope;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;

class EnvelopePublisherTest {

    private final MockProducer<String, Envelope> producer =
            new MockProducer<>(false, new StringSerializer(), new ContractSerializer());
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final EnvelopePublisher publisher =
            new EnvelopePublisher(new KafkaTemplate<>(new MockProducerFactory<>(() -> producer)), "gateway", meters);

    @Test
    void counts_acknowledged_and_failed_writes_per_topic() {
        CompletableFuture<?> first = publisher.send("a.v1", ContractSamples.leadSnapshotted(), Map.of());
        CompletableFuture<?> second = publisher.send("a.v1", ContractSamples.leadSnapshotted(), Map.of());
        CompletableFuture<?> refused = publisher.send("b.v1", ContractSamples.leadSnapshotted(), Map.of());
        producer.completeNext();
        producer.completeNext();
        producer.errorNext(new IllegalStateException("broker said no"));

        assertThat(first).isCompleted();
        assertThat(second).isCompleted();
        assertThat(refused).isCompletedExceptionally();
        assertThat(count("a.v1", "ok")).isEqualTo(2);
        assertThat(count("a.v1", "error")).isZero();
        assertThat(count("b.v1", "error")).isEqualTo(1);
        assertThat(count("b.v1", "ok")).isZero();
    }

    @Test
    void writes_the_key_rule_cloud_events_and_extra_headers() {
        Envelope record = ContractSamples.leadSnapshotted();
        publisher.send("a.v1", record, Map.of("x-reason", "because"));

        var sent = producer.history().get(0);
        assertThat(sent.key()).isEqualTo(record.kafkaKey());
        CloudEvents.headers(record, "gateway").forEach((name, value) -> assertThat(
                        new String(sent.headers().lastHeader(name).value(), StandardCharsets.UTF_8))
                .as(name)
                .isEqualTo(value));
        assertThat(new String(sent.headers().lastHeader("x-reason").value(), StandardCharsets.UTF_8))
                .isEqualTo("because");
    }

    private double count(String topic, String outcome) {
        var counter = meters.find("slotbridge.kafka.published")
                .tags("topic", topic, "outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
