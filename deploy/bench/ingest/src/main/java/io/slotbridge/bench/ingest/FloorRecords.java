package io.slotbridge.bench.ingest;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The records the gateway wrote for one request, handed from the bench to the floor's JVM in a file: topic, key,
 * value and headers, byte for byte.
 */
final class FloorRecords {

    private FloorRecords() {}

    static void write(Path file, List<ConsumerRecord<byte[], byte[]>> records) {
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            for (ConsumerRecord<byte[], byte[]> record : records) {
                out.writeUTF(record.topic());
                bytes(out, record.key());
                bytes(out, record.value());
                Header[] headers = record.headers().toArray();
                out.writeInt(headers.length);
                for (Header header : headers) {
                    out.writeUTF(header.key());
                    bytes(out, header.value());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<ProducerRecord<byte[], byte[]>> read(Path file) {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            while (true) {
                String topic;
                try {
                    topic = in.readUTF();
                } catch (EOFException end) {
                    return records;
                }
                byte[] key = bytes(in);
                byte[] value = bytes(in);
                RecordHeaders headers = new RecordHeaders();
                int count = in.readInt();
                for (int i = 0; i < count; i++) {
                    headers.add(in.readUTF(), bytes(in));
                }
                records.add(new ProducerRecord<>(topic, null, key, value, headers));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void bytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes == null ? -1 : bytes.length);
        if (bytes != null) {
            out.write(bytes);
        }
    }

    private static byte[] bytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        return length < 0 ? null : in.readNBytes(length);
    }
}
