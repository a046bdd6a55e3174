package io.slotbridge.console.deadletter.app;

import io.slotbridge.console.audit.AuditLog;
import io.slotbridge.console.config.ConsoleProperties;
import io.slotbridge.console.deadletter.domain.DeadLetterFilter;
import io.slotbridge.platform.crypto.SecretBox;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What an operator can do with dead letters: replay one, replay a confirmed set, discard one with a reason. Only
 * letters nobody has handled yet are acted on, and every action lands in the audit log. Replays are at-least-once:
 * consumers deduplicate by message id, so a record replayed twice is still applied once.
 */
@Component
public class DeadLetterActions {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterActions.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final SecretBox secretBox;
    private final DeadLetterReplayer replayer;
    private final DeadLetters deadLetters;
    private final AuditLog audit;
    private final Clock clock;
    private final int bulkLimit;

    DeadLetterActions(
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            SecretBox secretBox,
            DeadLetterReplayer replayer,
            DeadLetters deadLetters,
            AuditLog audit,
            Clock clock,
            ConsoleProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.secretBox = secretBox;
        this.replayer = replayer;
        this.deadLetters = deadLetters;
        this.audit = audit;
        this.clock = clock;
        this.bulkLimit = properties.bulkReplayLimit();
    }

    public Outcome replay(long id, String actor) {
        Stored letter = stored(id);
        if (letter == null) {
            return Outcome.failed("dead letter " + id + " does not exist");
        }
        if (!DeadLetterFilter.NEW.equals(letter.state())) {
            return Outcome.failed("dead letter " + id + " was already " + letter.state());
        }
        String target = DeadLetter.auditTarget(id);
        try {
            byte[] value = letter.sealed() == null
                    ? null
                    : Base64.getDecoder()
                            .decode(secretBox.decrypt(
                                    letter.sealed(),
                                    DeadLetterIntake.sealContext(
                                            letter.dltTopic(), letter.dltPartition(), letter.dltOffset())));
            RecordMetadata sent = replayer.send(
                    letter.originalTopic(), letter.key(), value, StoredHeaders.fromJson(letter.headers()));
            String where = "sent to " + sent.topic() + " partition " + sent.partition() + " offset " + sent.offset();
            transactions.executeWithoutResult(status -> {
                mark(id, DeadLetterFilter.REPLAYED, actor, where);
                audit.record(actor, "dead-letter.replay", letter.tenant(), target, where);
            });
            return Outcome.done("replayed dead letter " + id + ": " + where);
        } catch (RuntimeException e) {
            log.warn("replay of dead letter {} failed: {}", id, e.getMessage());
            audit.record(actor, "dead-letter.replay-failed", letter.tenant(), target, e.getMessage());
            return Outcome.failed("replay of dead letter " + id + " failed: " + e.getMessage());
        }
    }

    /**
     * Replays the unhandled letters matching {@code filter} that existed when the operator saw the count
     * ({@code upToId}), oldest first, at most the configured bulk limit.
     */
    public Outcome replayMatching(DeadLetterFilter filter, long upToId, String actor) {
        DeadLetterFilter unhandled = filter.unhandledOnly();
        List<Long> ids = deadLetters.ids(unhandled, upToId, bulkLimit);
        int replayed = 0;
        int failed = 0;
        for (long id : ids) {
            if (replay(id, actor).ok()) {
                replayed++;
            } else {
                failed++;
            }
        }
        String summary = "replayed " + replayed + " of " + ids.size() + " dead letters"
                + (failed > 0 ? ", " + failed + " failed (see the audit log)" : "");
        audit.record(actor, "dead-letter.replay-matching", filter.tenant(), describe(unhandled), summary);
        return failed == 0 ? Outcome.done(summary) : Outcome.failed(summary);
    }

    public Outcome discard(long id, String reason, String actor) {
        if (reason == null || reason.isBlank()) {
            return Outcome.failed("say why the dead letter is discarded");
        }
        String why = reason.strip().length() > 500 ? reason.strip().substring(0, 500) : reason.strip();
        Stored letter = stored(id);
        if (letter == null) {
            return Outcome.failed("dead letter " + id + " does not exist");
        }
        Boolean changed = transactions.execute(status -> {
            if (mark(id, DeadLetterFilter.DISCARDED, actor, why) == 0) {
                return false;
            }
            audit.record(actor, "dead-letter.discard", letter.tenant(), DeadLetter.auditTarget(id), why);
            return true;
        });
        return Boolean.TRUE.equals(changed)
                ? Outcome.done("discarded dead letter " + id)
                : Outcome.failed("dead letter " + id + " was already " + letter.state());
    }

    private int mark(long id, String state, String actor, String note) {
        return jdbc.update(
                "update dead_letter set state = ?, state_changed_at = ?, state_changed_by = ?, state_note = ?"
                        + " where id = ? and state = 'new'",
                state,
                Timestamp.from(clock.instant()),
                actor,
                note,
                id);
    }

    private Stored stored(long id) {
        return jdbc
                .query(
                        "select dlt_topic, dlt_partition, dlt_offset, original_topic, tenant, record_key,"
                                + " payload_sealed, headers, state from dead_letter where id = ?",
                        (rs, i) -> new Stored(
                                rs.getString(1),
                                rs.getInt(2),
                                rs.getLong(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getBytes(6),
                                rs.getString(7),
                                rs.getString(8),
                                rs.getString(9)),
                        id)
                .stream()
                .findFirst()
                .orElse(null);
    }

    static String describe(DeadLetterFilter filter) {
        StringBuilder text = new StringBuilder("dead letters");
        if (filter.tenant() != null) {
            text.append(" tenant=").append(filter.tenant());
        }
        if (filter.topic() != null) {
            text.append(" topic=").append(filter.topic());
        }
        if (filter.state() != null) {
            text.append(" state=").append(filter.state());
        }
        if (filter.reason() != null) {
            text.append(" reason~").append(filter.reason());
        }
        return text.toString();
    }

    /** What came of an action, in a sentence for the operator. */
    public record Outcome(boolean ok, String message) {
        static Outcome done(String message) {
            return new Outcome(true, message);
        }

        static Outcome failed(String message) {
            return new Outcome(false, message);
        }
    }

    private record Stored(
            String dltTopic,
            int dltPartition,
            long dltOffset,
            String originalTopic,
            String tenant,
            byte[] key,
            String sealed,
            String headers,
            String state) {}
}
