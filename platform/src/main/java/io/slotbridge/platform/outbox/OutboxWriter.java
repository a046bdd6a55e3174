package io.slotbridge.platform.outbox;

import io.slotbridge.contracts.CloudEvents;
import io.slotbridge.contracts.ContractJson;
import io.slotbridge.contracts.Envelope;
import io.slotbridge.contracts.TopicSpec;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends records to the outbox inside the caller's database transaction, so a state change and the records it
 * causes commit together or not at all. {@link OutboxRelay} publishes them after commit.
 */
public class OutboxWriter {

    private final JdbcTemplate jdbc;
    private final String source;
    private final OutboxRelay relay;

    public OutboxWriter(JdbcTemplate jdbc, String source, OutboxRelay relay) {
        this.jdbc = jdbc;
        this.source = source;
        this.relay = relay;
    }

    public <V extends Envelope> void append(TopicSpec<V> topic, V record) {
        append(topic.name(), record, Map.of());
    }

    public void append(String topicName, Envelope record, Map<String, String> extraHeaders) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("outbox append needs the caller's transaction (state and records commit "
                    + "together); none is active");
        }
        Map<String, String> headers = new java.util.LinkedHashMap<>(CloudEvents.headers(record, source));
        headers.putAll(extraHeaders);
        jdbc.update(
                "insert into outbox (topic, record_key, message_id, payload, headers) values (?, ?, ?, ?, ?)",
                topicName,
                record.kafkaKey(),
                record.recordId(),
                ContractJson.toJson(record),
                ContractJson.toJson(headers));
        if (relay != null) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    relay.wakeUp();
                }
            });
        }
    }
}
