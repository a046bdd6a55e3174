package io.slotbridge.platform.test;

import io.slotbridge.contracts.CloudEvents;
import io.slotbridge.contracts.ContractJson;
import io.slotbridge.contracts.Envelope;
import io.slotbridge.contracts.TopicSpec;
import io.slotbridge.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Reads and writes topics of a real broker from tests, the way another service would. */
public final class KafkaProbe {

    private final String bootstrapServers;

    public KafkaProbe(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** A probe on the JVM's shared embedded broker. */
    public static KafkaProbe shared() {
        return new KafkaProbe(SharedKafka.bootstrapServers());
    }

    /** Publishes records to their catalogue topic with CloudEvents headers, and waits for the acks. */
    @SafeVarargs
    public final <V extends Envelope> void publish(TopicSpec<V> topic, V... records) {
        for (V record : records) {
            Map<String, String> headers = CloudEvents.headers(record, "test");
            sendRaw(topic.name(), record.kafkaKey(), ContractJson.toBytes(record), headers);
        }
    }

    /** Publishes arbitrary bytes (e.g. a malformed body) to any topic and waits for the ack. */
    public void sendRaw(String topic, String key, byte[] value, Map<String, String> headers) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class))) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    /**
     * Reads a topic from the beginning until {@code done} holds for the records read so far, or the timeout passes;
     * returns everything read.
     */
    public List<ConsumerRecord<String, byte[]>> read(
            String topic, Duration timeout, Predicate<List<ConsumerRecord<String, byte[]>>> done) {
        List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                "false",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                if (done.test(seen)) {
                    break;
                }
            }
        }
        return seen;
    }

    /** Contract records on a catalogue topic matching {@code filter}, waiting until at least {@code count} arrived. */
    public <V extends Envelope> List<V> await(TopicSpec<V> topic, Predicate<V> filter, int count, Duration timeout) {
        List<ConsumerRecord<String, byte[]>> records =
                read(topic.name(), timeout, seen -> parse(topic, seen, filter).size() >= count);
        return parse(topic, records, filter);
    }

    public static <V extends Envelope> List<V> parse(
            TopicSpec<V> topic, List<ConsumerRecord<String, byte[]>> records, Predicate<V> filter) {
        return records.stream()
                .map(r -> ContractJson.fromBytes(r.value(), topic.valueType()))
                .filter(filter)
                .toList();
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The dead-letter topic of a catalogue topic. */
    public static String dltOf(TopicSpec<?> topic) {
        return Topics.byName(topic.name()).orElseThrow().dlt();
    }
}
