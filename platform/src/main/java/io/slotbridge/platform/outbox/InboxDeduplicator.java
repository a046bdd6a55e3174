package io.slotbridge.platform.outbox;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Remembers which message ids a consumer has processed, inside the consumer's own transaction: if the processing
 * rolls back, so does the mark, and a redelivered record is processed again exactly once.
 */
public class InboxDeduplicator {

    private final JdbcTemplate jdbc;

    public InboxDeduplicator(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** True the first time {@code consumer} sees {@code messageId}; false for a redelivery. */
    public boolean firstDelivery(String consumer, String messageId) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("inbox dedupe must run in the processing transaction");
        }
        return jdbc.update(
                        "insert into inbox (consumer, message_id) values (?, ?) on conflict do nothing",
                        consumer,
                        messageId)
                == 1;
    }

    /** Drops marks older than the given number of days (redeliveries come within minutes, not weeks). */
    public int forgetOlderThanDays(int days) {
        return jdbc.update("delete from inbox where processed_at < now() - make_interval(days => ?)", days);
    }
}
