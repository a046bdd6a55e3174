package io.slotbridge.console.deadletter.app;

import static io.slotbridge.console.deadletter.domain.DeadLetterHeaders.number;
import static io.slotbridge.console.deadletter.domain.DeadLetterHeaders.text;

import io.micrometer.core.instrument.MeterRegistry;
import io.slotbridge.console.common.domain.SecretMasker;
import io.slotbridge.console.deadletter.domain.DeadLetterHeaders;
import io.slotbridge.console.deadletter.domain.PayloadPreview;
import io.slotbridge.contracts.CloudEvents;
import io.slotbridge.contracts.Keys;
import io.slotbridge.contracts.TopicSpec;
import io.slotbridge.platform.crypto.SecretBox;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Stores each record of a {@code <topic>-dlt} as it came: key, sealed payload bytes and every header, so a replay can
 * send exactly the original record again. Texts for people (preview, reason, exception) are masked on the way in.
 */
@Component
public class DeadLetterIntake {

    private static final int TRACE_LIMIT = 16 * 1024;

    private final JdbcTemplate jdbc;
    private final SecretBox secretBox;
    private final MeterRegistry meters;

    public DeadLetterIntake(JdbcTemplate jdbc, SecretBox secretBox, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.secretBox = secretBox;
        this.meters = meters;
    }

    public void intake(ConsumerRecord<byte[], byte[]> record) {
        Map<String, byte[]> last = new HashMap<>();
        for (Header header : record.headers()) {
            last.put(header.key(), header.value());
        }
        String originalTopic = text(last.get(DeadLetterHeaders.ORIGINAL_TOPIC));
        if (originalTopic == null) {
            originalTopic = record.topic().substring(0, record.topic().length() - TopicSpec.DLT_SUFFIX.length());
        }
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        String tenant = text(last.get(CloudEvents.TENANT));
        if (tenant == null) {
            tenant = key == null || key.isBlank() ? "unknown" : Keys.tenantOf(key);
        }
        String exceptionClass = text(last.get(DeadLetterHeaders.EXCEPTION_CAUSE_FQCN));
        if (exceptionClass == null) {
            exceptionClass = text(last.get(DeadLetterHeaders.EXCEPTION_FQCN));
        }
        String trace = SecretMasker.mask(text(last.get(DeadLetterHeaders.EXCEPTION_STACKTRACE)));
        if (trace != null && trace.length() > TRACE_LIMIT) {
            trace = trace.substring(0, TRACE_LIMIT) + "\n…";
        }
        int inserted = jdbc.update(
                """
                insert into dead_letter (dlt_topic, dlt_partition, dlt_offset, original_topic, original_partition,
                    original_offset, tenant, record_key, payload_sealed, payload_size, payload_preview, headers,
                    message_id, record_type, reason, failed_by, exception_class, exception_message, exception_trace,
                    dead_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (dlt_topic, dlt_partition, dlt_offset) do nothing
                """,
                record.topic(),
                record.partition(),
                record.offset(),
                originalTopic,
                number(last.get(DeadLetterHeaders.ORIGINAL_PARTITION)),
                number(last.get(DeadLetterHeaders.ORIGINAL_OFFSET)),
                tenant,
                record.key(),
                seal(record),
                record.value() == null ? 0 : record.value().length,
                PayloadPreview.of(record.value()),
                StoredHeaders.toJson(record.headers()),
                text(last.get(CloudEvents.ID)),
                text(last.get(CloudEvents.TYPE)),
                SecretMasker.mask(text(last.get(DeadLetterHeaders.REASON))),
                text(last.get(DeadLetterHeaders.FAILED_BY)),
                exceptionClass,
                SecretMasker.mask(text(last.get(DeadLetterHeaders.EXCEPTION_MESSAGE))),
                trace,
                Timestamp.from(Instant.ofEpochMilli(record.timestamp())));
        if (inserted == 1) {
            meters.counter("slotbridge.console.dead.letters.received", "topic", originalTopic, "tenant", tenant)
                    .increment();
        }
    }

    private String seal(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return null;
        }
        return secretBox.encrypt(
                Base64.getEncoder().encodeToString(record.value()),
                sealContext(record.topic(), record.partition(), record.offset()));
    }

    /** The associated data binding a sealed payload to its dead-letter coordinates. */
    static String sealContext(String dltTopic, int partition, long offset) {
        return "console:dead-letter:" + dltTopic + "/" + partition + "/" + offset;
    }
}
