package io.slotbridge.console.it;

import io.slotbridge.contracts.CloudEvents;
import io.slotbridge.contracts.ContractJson;
import io.slotbridge.contracts.Envelope;
import io.slotbridge.platform.kafka.PlatformKafkaAutoConfiguration;
import io.slotbridge.platform.kafka.PoisonMessageException;
import io.slotbridge.platform.test.SharedKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

/**
 * Dead-letters records exactly as a failing service would: spring-kafka's DeadLetterPublishingRecoverer writes
 * {@code <topic>-dlt} with its binary {@code kafka_dlt-*} headers, plus the platform's reason and failed-by headers.
 */
public final class DeadLetterFixture {

    private DeadLetterFixture() {}

    /** Dead-letters a contract record that "failed" at {@code topic}/{@code partition}@{@code offset}. */
    public static void deadLetter(
            String topic, int partition, long offset, Envelope record, String failedBy, String reason) {
        RecordHeaders headers = new RecordHeaders();
        CloudEvents.headers(record, "test")
                .forEach((k, v) -> headers.add(new RecordHeader(k, v.getBytes(StandardCharsets.UTF_8))));
        deadLetterBytes(
                topic,
                partition,
                offset,
                record.kafkaKey().getBytes(StandardCharsets.UTF_8),
                ContractJson.toBytes(record),
                headers,
                failedBy,
                reason);
    }

    public static void deadLetterBytes(
            String topic,
            int partition,
            long offset,
            byte[] key,
            byte[] value,
            Iterable<Header> headers,
            String failedBy,
            String reason) {
        DefaultKafkaProducerFactory<byte[], byte[]> producers = new DefaultKafkaProducerFactory<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        SharedKafka.bootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all"),
                new ByteArraySerializer(),
                new ByteArraySerializer());
        try {
            DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(new KafkaTemplate<>(producers));
            recoverer.setFailIfSendResultIsError(true);
            recoverer.setWaitForSendResultTimeout(Duration.ofSeconds(10));
            recoverer.setHeadersFunction((rec, ex) -> new RecordHeaders(new Header[] {
                new RecordHeader(
                        PlatformKafkaAutoConfiguration.FAILED_BY_HEADER, failedBy.getBytes(StandardCharsets.UTF_8)),
                new RecordHeader(PlatformKafkaAutoConfiguration.REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8))
            }));
            RecordHeaders copy = new RecordHeaders();
            headers.forEach(copy::add);
            ConsumerRecord<byte[], byte[]> failed = new ConsumerRecord<>(
                    topic,
                    partition,
                    offset,
                    System.currentTimeMillis(),
                    TimestampType.CREATE_TIME,
                    key == null ? -1 : key.length,
                    value == null ? -1 : value.length,
                    key,
                    value,
                    copy,
                    Optional.empty());
            recoverer.accept(
                    failed,
                    new ListenerExecutionFailedException("Listener failed", new PoisonMessageException(reason)));
        } finally {
            producers.destroy();
        }
    }
}
