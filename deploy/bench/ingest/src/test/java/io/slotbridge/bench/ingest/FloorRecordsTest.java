package io.slotbridge.bench.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the gateway wrote reaches the floor's JVM byte for byte: topic, key (or none), value and every header. */
class FloorRecordsTest {

    @Test
    void records_come_back_from_the_file_as_they_were_written(@TempDir Path dir) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_type", "raw-webhook-received".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_id", "e-1".getBytes(StandardCharsets.UTF_8));
        headers.add("empty", new byte[0]);
        List<ConsumerRecord<byte[], byte[]>> written = List.of(
                consumed("ingress.raw.v1", bytes("bench:amocrm"), bytes("{\"body\":\"ü\"}"), headers),
                consumed("crm.lead-hints.v1", null, bytes("{\"leadId\":\"42\"}"), new RecordHeaders()));
        Path file = dir.resolve("records.bin");

        FloorRecords.write(file, written);
        List<ProducerRecord<byte[], byte[]>> read = FloorRecords.read(file);

        assertThat(read).hasSize(2);
        for (int i = 0; i < written.size(); i++) {
            ConsumerRecord<byte[], byte[]> original = written.get(i);
            ProducerRecord<byte[], byte[]> copy = read.get(i);
            assertThat(copy.topic()).isEqualTo(original.topic());
            assertThat(copy.key()).isEqualTo(original.key());
            assertThat(copy.value()).isEqualTo(original.value());
            assertThat(copy.headers()).isEqualTo(original.headers());
            assertThat(copy.partition())
                    .as("the partitioner places the copy like the original")
                    .isNull();
        }
    }

    private static ConsumerRecord<byte[], byte[]> consumed(
            String topic, byte[] key, byte[] value, RecordHeaders headers) {
        return new ConsumerRecord<>(
                topic, 0, 0L, 0L, TimestampType.CREATE_TIME, -1, -1, key, value, headers, Optional.empty());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
