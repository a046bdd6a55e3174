package io.slotbridge.crmconnector.store;

import io.slotbridge.contracts.ContractJson;
import io.slotbridge.contracts.Envelope;
import io.slotbridge.contracts.TopicSpec;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Work of one kind (commands, hints) waiting per tenant and lead in arrival order (see {@code V3__deferred_work.sql}).
 * An item (by its record id) is kept once: a redelivery of something that already waits changes nothing.
 */
public class DeferredStore<T extends Envelope> {

    private final JdbcTemplate jdbc;
    private final String kind;
    private final TopicSpec<? super T> topic;
    private final Class<T> type;
    private final Function<T, String> lead;

    /**
     * @param kind what waits ({@code command}, {@code hint})
     * @param topic where the items came from: an unreadable one goes to its dead-letter topic
     */
    public DeferredStore(
            JdbcTemplate jdbc, String kind, TopicSpec<? super T> topic, Class<T> type, Function<T, String> lead) {
        this.jdbc = jdbc;
        this.kind = kind;
        this.topic = topic;
        this.type = type;
        this.lead = lead;
    }

    /** A waiting item: its row id gives the arrival order. */
    public record Deferred<T>(long id, String leadId, T item, Instant notBefore) {}

    /** A waiting item that can no longer be read (e.g. a type this version does not know): for the dead letters. */
    public record Unreadable(long id, String recordKey, String payload, String problem) {}

    /** A tenant's waiting items, oldest first, and those that can no longer be read. */
    public record Claimed<T>(List<Deferred<T>> items, List<Unreadable> unreadable) {}

    public String kind() {
        return kind;
    }

    public String deadLetterTopic() {
        return topic.dlt();
    }

    public String leadOf(T item) {
        return lead.apply(item);
    }

    /** Keeps the items, in the given order (one batch of inserts, so ids follow it), until {@code notBefore}. */
    public void defer(List<T> items, Instant notBefore, String reason, Instant now) {
        if (items.isEmpty()) {
            return;
        }
        List<Object[]> rows = items.stream()
                .map(item -> new Object[] {
                    kind,
                    item.tenant(),
                    lead.apply(item),
                    item.recordId(),
                    item.kafkaKey(),
                    ContractJson.toJson(item),
                    Timestamp.from(notBefore),
                    reason,
                    Timestamp.from(now)
                })
                .toList();
        jdbc.batchUpdate(
                "insert into deferred_work (kind, tenant, lead_id, item_id, record_key, payload, not_before,"
                        + " reason, deferred_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict (kind, item_id) do nothing",
                rows);
    }

    /** Which of these leads of the tenant have work waiting: their new work must queue behind it. */
    public Set<String> leadsWaiting(String tenant, Collection<String> leadIds) {
        Set<String> waiting = new HashSet<>();
        if (leadIds.isEmpty()) {
            return waiting;
        }
        jdbc.query(
                "select distinct lead_id from deferred_work where kind = ? and tenant = ? and lead_id = any (?)",
                rs -> {
                    waiting.add(rs.getString(1));
                },
                kind,
                tenant,
                leadIds.toArray(String[]::new));
        return waiting;
    }

    /** Tenants with at least one item due by {@code now} and no live claim by another instance. */
    public List<String> tenantsDue(Instant now) {
        return jdbc.queryForList(
                "select distinct d.tenant from deferred_work d"
                        + " left join deferred_claim c on c.kind = d.kind and c.tenant = d.tenant"
                        + " where d.kind = ? and d.not_before <= ? and (c.claimed_until is null or c.claimed_until <= ?)",
                String.class,
                kind,
                Timestamp.from(now),
                Timestamp.from(now));
    }

    /**
     * Claims the tenant's waiting items for this instance until {@code now + lease}; empty when another instance
     * holds a live claim. The items are returned oldest first, at most {@code limit}.
     */
    public Optional<Claimed<T>> claim(String tenant, Instant now, Duration lease, int limit) {
        jdbc.update("insert into deferred_claim (kind, tenant) values (?, ?) on conflict do nothing", kind, tenant);
        int claimed = jdbc.update(
                "update deferred_claim set claimed_until = ? where kind = ? and tenant = ?"
                        + " and (claimed_until is null or claimed_until <= ?)",
                Timestamp.from(now.plus(lease)),
                kind,
                tenant,
                Timestamp.from(now));
        if (claimed == 0) {
            return Optional.empty();
        }
        List<Deferred<T>> items = new ArrayList<>();
        List<Unreadable> unreadable = new ArrayList<>();
        jdbc.query(
                "select id, lead_id, payload, not_before, record_key from deferred_work where kind = ? and tenant = ?"
                        + " order by id limit ?",
                rs -> {
                    String payload = rs.getString(3);
                    try {
                        items.add(new Deferred<>(
                                rs.getLong(1),
                                rs.getString(2),
                                ContractJson.fromJson(payload, type),
                                rs.getTimestamp(4).toInstant()));
                    } catch (RuntimeException e) {
                        unreadable.add(new Unreadable(rs.getLong(1), rs.getString(5), payload, e.getMessage()));
                    }
                },
                kind,
                tenant,
                limit);
        return Optional.of(new Claimed<>(items, unreadable));
    }

    public void release(String tenant) {
        jdbc.update("update deferred_claim set claimed_until = null where kind = ? and tenant = ?", kind, tenant);
    }

    /** The items were done: they wait no more. */
    public void done(Collection<Long> ids) {
        if (!ids.isEmpty()) {
            jdbc.update("delete from deferred_work where id = any (?)", (Object) ids.toArray(Long[]::new));
        }
    }

    /** The items still cannot be done: they wait until {@code notBefore}. */
    public void postpone(Collection<Long> ids, Instant notBefore, String reason) {
        if (!ids.isEmpty()) {
            jdbc.update(
                    "update deferred_work set not_before = ?, reason = ?, attempts = attempts + 1 where id = any (?)",
                    Timestamp.from(notBefore),
                    reason,
                    ids.toArray(Long[]::new));
        }
    }

    /** How many items of this kind the tenant has waiting. */
    public long count(String tenant) {
        Long count = jdbc.queryForObject(
                "select count(*) from deferred_work where kind = ? and tenant = ?", Long.class, kind, tenant);
        return count == null ? 0 : count;
    }

    /** How many items of this kind wait, over all tenants. */
    public long count() {
        Long count = jdbc.queryForObject("select count(*) from deferred_work where kind = ?", Long.class, kind);
        return count == null ? 0 : count;
    }
}
