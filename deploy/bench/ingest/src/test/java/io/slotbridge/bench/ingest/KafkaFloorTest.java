package io.slotbridge.bench.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** The floor must write what the gateway wrote, byte for byte, and answer only once the broker acknowledged it. */
class KafkaFloorTest {

    static final List<String> TOPICS = List.of("archive.v1", "hints.v1");

    static EmbeddedKafkaKraftBroker kafka;

    @BeforeAll
    static void broker() {
        kafka = new EmbeddedKafkaKraftBroker(1, 3, TOPICS.toArray(String[]::new));
        kafka.afterPropertiesSet();
    }

    @AfterAll
    static void stopBroker() {
        kafka.destroy();
    }

    @Test
    void replays_each_written_record_with_its_key_headers_and_value_for_every_request(@TempDir Path dir)
            throws Exception {
        Map<String, Object> producerConfig = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.getBrokersAsString(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true);
        try (KafkaProducer<String, String> gateway =
                new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> archived = new ProducerRecord<>("archive.v1", "t:amocrm", "{\"raw\":1}");
            archived.headers().add("ce_type", "raw-webhook-received".getBytes(StandardCharsets.UTF_8));
            gateway.send(archived).get();
            gateway.send(new ProducerRecord<>("hints.v1", "t:42", "{\"hint\":42}"))
                    .get();
        }
        List<ConsumerRecord<byte[], byte[]>> written = KafkaFloor.written(kafka.getBrokersAsString(), TOPICS);
        assertThat(written).hasSize(2);

        // as the bench hands them to the floor's JVM
        Path file = dir.resolve("records.bin");
        FloorRecords.write(file, written);
        try (KafkaFloor floor = KafkaFloor.replaying(producerConfig, FloorRecords.read(file))) {
            HttpClient http = HttpClient.newHttpClient();
            for (int request = 0; request < 3; request++) {
                HttpResponse<String> answer = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + floor.port() + "/floor"))
                                .POST(HttpRequest.BodyPublishers.ofString("leads[status][0][id]=42"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).isEqualTo(200);
            }
        }

        // what the floor answered for was acknowledged, so it is all there: the original and three replays of each
        List<ConsumerRecord<byte[], byte[]>> all = KafkaFloor.written(kafka.getBrokersAsString(), TOPICS);
        assertThat(all).hasSize(8);
        for (ConsumerRecord<byte[], byte[]> original : written) {
            assertThat(all)
                    .filteredOn(record -> record.topic().equals(original.topic())
                            && record.partition() == original.partition()
                            && new String(record.key(), StandardCharsets.UTF_8)
                                    .equals(new String(original.key(), StandardCharsets.UTF_8))
                            && new String(record.value(), StandardCharsets.UTF_8)
                                    .equals(new String(original.value(), StandardCharsets.UTF_8))
                            && record.headers().equals(original.headers()))
                    .as("copies of the record on %s", original.topic())
                    .hasSize(4);
        }
    }
}
