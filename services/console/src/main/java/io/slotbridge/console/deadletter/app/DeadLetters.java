package io.slotbridge.console.deadletter.app;

import io.slotbridge.console.common.domain.SecretMasker;
import io.slotbridge.console.deadletter.domain.DeadLetterFilter;
import io.slotbridge.console.deadletter.domain.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** Reads dead letters for the screens and the alerts. */
@Component
public class DeadLetters {

    private static final String COLUMNS =
            """
            id, dlt_topic, dlt_partition, dlt_offset, original_topic, original_partition, original_offset, tenant,
            record_key, payload_size, payload_preview, message_id, record_type, reason, failed_by, exception_class,
            exception_message, exception_trace, dead_at, state, state_changed_at, state_changed_by, state_note
            """;

    private static final RowMapper<DeadLetter> ROW = DeadLetters::map;

    private final JdbcTemplate jdbc;

    public DeadLetters(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<DeadLetter> find(DeadLetterFilter filter, int limit) {
        Where where = where(filter);
        where.args.add(limit);
        return jdbc.query(
                "select " + COLUMNS + " from dead_letter" + where.sql + " order by id desc limit ?",
                ROW,
                where.args.toArray());
    }

    public Optional<DeadLetter> get(long id) {
        return jdbc.query("select " + COLUMNS + " from dead_letter where id = ?", ROW, id).stream()
                .findFirst();
    }

    /** How many letters match and the newest id among them, so a confirmed bulk replay takes exactly that set. */
    public Selection select(DeadLetterFilter filter) {
        Where where = where(filter);
        return jdbc.queryForObject(
                "select count(*), coalesce(max(id), 0) from dead_letter" + where.sql,
                (rs, i) -> new Selection(rs.getLong(1), rs.getLong(2)),
                where.args.toArray());
    }

    public List<Long> ids(DeadLetterFilter filter, long upToId, int limit) {
        Where where = where(filter);
        where.args.add(upToId);
        where.args.add(limit);
        return jdbc.queryForList(
                "select id from dead_letter" + where.sql + (where.sql.isEmpty() ? " where" : " and")
                        + " id <= ? order by id limit ?",
                Long.class,
                where.args.toArray());
    }

    /** Unhandled letters per original topic, for a tenant (or all tenants when null). */
    public List<TopicCount> unhandledByTopic(String tenant) {
        return jdbc.query(
                "select original_topic, count(*) from dead_letter where state = 'new'"
                        + (tenant == null ? "" : " and tenant = ?")
                        + " group by original_topic order by original_topic",
                (rs, i) -> new TopicCount(rs.getString(1), rs.getLong(2)),
                tenant == null ? new Object[0] : new Object[] {tenant});
    }

    /** Letters that arrived since {@code since}, per tenant and topic, with the newest reason (for alerts). */
    public List<Arrivals> arrivedSince(java.time.Instant since) {
        return jdbc.query(
                """
                select tenant, original_topic, count(*),
                    (array_agg(coalesce(reason, exception_message) order by id desc))[1]
                from dead_letter where dead_at >= ? group by tenant, original_topic
                """,
                (rs, i) -> new Arrivals(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4)),
                Timestamp.from(since));
    }

    public List<String> topics() {
        return jdbc.queryForList("select distinct original_topic from dead_letter order by 1", String.class);
    }

    private static Where where(DeadLetterFilter filter) {
        List<String> clauses = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (filter.tenant() != null) {
            clauses.add("tenant = ?");
            args.add(filter.tenant());
        }
        if (filter.topic() != null) {
            clauses.add("original_topic = ?");
            args.add(filter.topic());
        }
        if (filter.state() != null) {
            clauses.add("state = ?");
            args.add(filter.state());
        }
        if (filter.reason() != null) {
            clauses.add(
                    "(strpos(lower(coalesce(reason, '') || ' ' || coalesce(exception_message, '')), lower(?)) > 0)");
            args.add(filter.reason());
        }
        String sql = clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
        return new Where(sql, args);
    }

    private static DeadLetter map(ResultSet rs, int row) throws SQLException {
        byte[] key = rs.getBytes("record_key");
        Timestamp changed = rs.getTimestamp("state_changed_at");
        return new DeadLetter(
                rs.getLong("id"),
                rs.getString("dlt_topic"),
                rs.getInt("dlt_partition"),
                rs.getLong("dlt_offset"),
                rs.getString("original_topic"),
                (Integer) rs.getObject("original_partition"),
                (Long) rs.getObject("original_offset"),
                rs.getString("tenant"),
                key == null ? null : SecretMasker.mask(new String(key, StandardCharsets.UTF_8)),
                rs.getInt("payload_size"),
                rs.getString("payload_preview"),
                rs.getString("message_id"),
                rs.getString("record_type"),
                rs.getString("reason"),
                rs.getString("failed_by"),
                rs.getString("exception_class"),
                rs.getString("exception_message"),
                rs.getString("exception_trace"),
                rs.getTimestamp("dead_at").toInstant(),
                rs.getString("state"),
                changed == null ? null : changed.toInstant(),
                rs.getString("state_changed_by"),
                rs.getString("state_note"));
    }

    /** Headers of a letter as a person may see them: credentials hidden, dead-letter headers marked. */
    public List<ShownHeader> headers(long id) {
        String json = jdbc.queryForObject("select headers from dead_letter where id = ?", String.class, id);
        return StoredHeaders.fromJson(json).entries().stream()
                .map(h -> {
                    byte[] bytes = h.bytes();
                    Long number = h.name().equals(DeadLetterHeaders.ORIGINAL_PARTITION)
                                    || h.name().equals(DeadLetterHeaders.ORIGINAL_OFFSET)
                                    || h.name().equals("kafka_dlt-original-timestamp")
                            ? DeadLetterHeaders.number(bytes)
                            : null;
                    String value = number != null
                            ? number.toString()
                            : bytes == null ? "" : SecretMasker.maskNamed(h.name(), DeadLetterHeaders.text(bytes));
                    if (h.name().equals(DeadLetterHeaders.EXCEPTION_STACKTRACE)) {
                        value = "(" + (bytes == null ? 0 : bytes.length) + " bytes, shown below)";
                    }
                    return new ShownHeader(h.name(), value, DeadLetterHeaders.addedByDeadLettering(h.name()));
                })
                .toList();
    }

    public record TopicCount(String topic, long count) {}

    public record Arrivals(String tenant, String topic, long count, String newestReason) {}

    public record Selection(long count, long newestId) {}

    public record ShownHeader(String name, String value, boolean addedByDeadLettering) {}

    private record Where(String sql, List<Object> args) {}
}
