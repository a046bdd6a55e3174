package io.slotbridge.bench.ingest;

import static org.springframework.web.reactive.function.server.RequestPredicates.POST;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The floor under any gateway that meets issue #3: the bare endpoint plus the Kafka writes it must have acknowledged
 * before it may answer. It replays, byte for byte, the records the gateway wrote for one real request (same topics,
 * keys, CloudEvents headers and JSON bodies, already serialised) with the gateway's own producer settings, and answers
 * when the broker acknowledged them. No parsing, authentication, serialisation, logging or metrics: what separates the
 * gateway from this floor is the gateway's own work, what separates the floor from the ceiling is Kafka's.
 */
final class KafkaFloor implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;
    private final List<ProducerRecord<byte[], byte[]>> records;
    private final DisposableServer server;

    private KafkaFloor(Map<String, Object> producerConfig, List<ProducerRecord<byte[], byte[]>> records) {
        Map<String, Object> config = new HashMap<>(producerConfig);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "bench-floor");
        this.producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
        this.records = records;
        RouterFunction<ServerResponse> route =
                RouterFunctions.route(POST("/floor"), request -> request.bodyToMono(byte[].class)
                        .flatMap(body -> Mono.fromFuture(sendAll()))
                        .then(ServerResponse.ok().bodyValue("{\"status\":\"accepted\"}")));
        ReactorHttpHandlerAdapter adapter = new ReactorHttpHandlerAdapter(RouterFunctions.toHttpHandler(route));
        this.server =
                HttpServer.create().host("127.0.0.1").port(0).handle(adapter).bindNow();
    }

    /**
     * Replays these records (the gateway's, as {@link FloorRecords} hands them over) for every request.
     *
     * @param producerConfig the gateway's producer settings (serialisers are replaced)
     */
    static KafkaFloor replaying(Map<String, Object> producerConfig, List<ProducerRecord<byte[], byte[]>> records) {
        return new KafkaFloor(producerConfig, records);
    }

    /** Every record in the given topics: call it when the gateway has answered exactly one request. */
    static List<ConsumerRecord<byte[], byte[]>> written(String bootstrap, List<String> topics) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = topics.stream()
                    .flatMap(topic ->
                            consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())))
                    .toList();
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read back what the gateway wrote");
                }
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
            return records;
        }
    }

    int port() {
        return server.port();
    }

    private CompletableFuture<Void> sendAll() {
        CompletableFuture<?>[] acks = new CompletableFuture<?>[records.size()];
        for (int i = 0; i < acks.length; i++) {
            CompletableFuture<Void> ack = new CompletableFuture<>();
            producer.send(records.get(i), (metadata, error) -> {
                if (error == null) {
                    ack.complete(null);
                } else {
                    ack.completeExceptionally(error);
                }
            });
            acks[i] = ack;
        }
        return CompletableFuture.allOf(acks);
    }

    @Override
    public void close() {
        server.disposeNow();
        producer.close();
    }
}
