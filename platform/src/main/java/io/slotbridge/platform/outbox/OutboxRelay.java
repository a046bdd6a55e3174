package io.slotbridge.platform.outbox;

import com.fasterxml.jackson.core.type.TypeReference;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.slotbridge.contracts.ContractJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves committed outbox rows to Kafka in id order and deletes them once the broker acknowledged every one.
 *
 * <p>Only one relay per schema runs at a time (a transaction-scoped advisory lock), so per-key order survives
 * several replicas. A crash between send and delete re-sends those rows: delivery is at-least-once and consumers
 * dedupe by message id. A row whose transaction commits after a higher id was already published goes out in the next
 * round.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final KafkaTemplate<String, byte[]> kafka;
    private final Duration pollInterval;
    private final int batchSize;
    private final long lockKey;
    private final Semaphore wakeUps = new Semaphore(0);
    private final Counter published;
    private final AtomicLong backlog = new AtomicLong();
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            KafkaTemplate<String, byte[]> kafka,
            Duration pollInterval,
            int batchSize,
            String lockName,
            MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.kafka = kafka;
        this.pollInterval = pollInterval;
        this.batchSize = batchSize;
        this.lockKey = lockName.hashCode();
        this.published = meters.counter("slotbridge.outbox.published");
        meters.gauge("slotbridge.outbox.backlog", backlog);
    }

    /** Called after a transaction that appended records commits: publish now rather than at the next poll. */
    public void wakeUp() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    /** Publishes what is committed now; returns how many records went out. Used by the worker and by tests. */
    public int relayOnce() {
        Integer sent = transactions.execute(status -> {
            Boolean locked = jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, lockKey);
            if (!Boolean.TRUE.equals(locked)) {
                return 0;
            }
            List<Row> rows = jdbc.query(
                    "select id, topic, record_key, payload, headers from outbox order by id limit ?",
                    (rs, i) ->
                            new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                    batchSize);
            if (rows.isEmpty()) {
                return 0;
            }
            List<CompletableFuture<?>> acks = new ArrayList<>(rows.size());
            for (Row row : rows) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                        row.topic(), row.key(), row.payload().getBytes(StandardCharsets.UTF_8));
                readHeaders(row.headers())
                        .forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
                acks.add(kafka.send(record));
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();
            // Exactly the rows sent, never a range: ids are taken at insert but rows become visible at commit, so a
            // lower id can commit while this batch is in flight; a range would delete it unsent.
            Long[] ids = rows.stream().map(Row::id).toArray(Long[]::new);
            jdbc.update(
                    "delete from outbox where id = any(?)",
                    statement -> statement.setArray(1, statement.getConnection().createArrayOf("bigint", ids)));
            return rows.size();
        });
        int count = sent == null ? 0 : sent;
        published.increment(count);
        return count;
    }

    /** Rows committed but not yet published. */
    public long backlog() {
        Long count = jdbc.queryForObject("select count(*) from outbox", Long.class);
        long value = count == null ? 0 : count;
        backlog.set(value);
        return value;
    }

    private static Map<String, String> readHeaders(String json) {
        try {
            return ContractJson.mapper().readValue(json, HEADERS);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("corrupt outbox headers: " + json, e);
        }
    }

    private void loop() {
        long lastBacklogCheck = 0;
        while (running) {
            try {
                int sent;
                do {
                    sent = relayOnce();
                } while (running && sent == batchSize);
                if (System.currentTimeMillis() - lastBacklogCheck > 5_000) {
                    backlog();
                    lastBacklogCheck = System.currentTimeMillis();
                }
                wakeUps.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("outbox relay failed, rows stay in the outbox and are retried: {}", e.toString());
                sleepQuietly(Math.max(1_000, pollInterval.toMillis()));
            }
        }
    }

    private void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // stop after the listeners (which stop at Integer.MAX_VALUE - 100), start before them
        return Integer.MAX_VALUE - 200;
    }

    private record Row(long id, String topic, String key, String payload, String headers) {}
}
