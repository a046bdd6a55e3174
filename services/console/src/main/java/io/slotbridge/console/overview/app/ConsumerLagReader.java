package io.slotbridge.console.overview.app;

import io.slotbridge.console.config.ConsoleProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Consumer lag per consumer group (one per service by convention: sync, followup, crm-connector…): the sum over its
 * partitions of the log-end offset minus the committed offset, read with the Kafka AdminClient. Readings are cached
 * briefly so many open dashboards do not multiply the load on the broker.
 */
@Component
public class ConsumerLagReader implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ConsumerLagReader.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final AdminClient admin;
    private final Clock clock;
    private final Duration cacheTtl;
    private volatile Reading cached;

    public ConsumerLagReader(KafkaAdmin kafkaAdmin, Clock clock, ConsoleProperties properties) {
        this.admin = AdminClient.create(kafkaAdmin.getConfigurationProperties());
        this.clock = clock;
        this.cacheTtl = properties.lagCacheTtl();
    }

    public synchronized Reading read() {
        Instant now = clock.instant();
        if (cached != null && cached.at().plus(cacheTtl).isAfter(now)) {
            return cached;
        }
        try {
            cached = new Reading(now, groups(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cached = new Reading(now, List.of(), "interrupted");
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            log.warn("consumer lag unavailable: {}", e.toString());
            cached = new Reading(now, List.of(), "Kafka did not answer: " + rootMessage(e));
        }
        return cached;
    }

    private List<GroupLag> groups() throws InterruptedException, ExecutionException, TimeoutException {
        Collection<ConsumerGroupListing> listings =
                admin.listConsumerGroups().all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        List<GroupLag> lags = new ArrayList<>();
        for (ConsumerGroupListing listing : listings) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(listing.groupId())
                    .partitionsToOffsetAndMetadata()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            committed.values().removeIf(java.util.Objects::isNull);
            if (committed.isEmpty()) {
                continue; // a group that never committed (a probe, a one-off tool) has no lag to speak of
            }
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(
                            committed.keySet().stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())))
                    .all()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            long total = 0;
            long worst = 0;
            String worstTopic = null;
            for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
                ListOffsetsResult.ListOffsetsResultInfo end = ends.get(entry.getKey());
                long lag = end == null
                        ? 0
                        : Math.max(0, end.offset() - entry.getValue().offset());
                total += lag;
                if (lag > worst) {
                    worst = lag;
                    worstTopic = entry.getKey().topic();
                }
            }
            lags.add(new GroupLag(listing.groupId(), total, committed.size(), worstTopic));
        }
        lags.sort(Comparator.comparing(GroupLag::group));
        return List.copyOf(lags);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(2));
    }

    /** Lag of one consumer group; {@code worstTopic} is the topic of its most lagging partition. */
    public record GroupLag(String group, long lag, int partitions, String worstTopic) {}

    /** One reading; {@code problem} says why it is empty when Kafka could not be asked. */
    public record Reading(Instant at, List<GroupLag> groups, String problem) {}
}
