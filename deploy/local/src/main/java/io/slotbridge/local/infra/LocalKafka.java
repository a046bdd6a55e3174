package io.slotbridge.local.infra;

import io.slotbridge.contracts.TopicSpec;
import io.slotbridge.contracts.Topics;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.utils.Exit;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real single-node KRaft Kafka inside the launcher's JVM, with every catalogue topic and its dead-letter topic
 * created up front. Its log lives in a temporary directory: Kafka starts empty every time (the services keep their
 * state in PostgreSQL and their outboxes resend what was not yet published).
 */
public final class LocalKafka implements AutoCloseable {

    /**
     * Kafka's test kit registers JVM shutdown hooks that delete its log directories; on Ctrl-C they would run while
     * the broker is still serving the services being stopped. They are kept here and run after the broker stopped.
     */
    private static final List<Runnable> DEFERRED_CLEAN_UPS = new CopyOnWriteArrayList<>();

    private final EmbeddedKafkaKraftBroker broker;

    private LocalKafka(EmbeddedKafkaKraftBroker broker) {
        this.broker = broker;
    }

    /** @param port the listener port, 0 for any free one */
    public static LocalKafka start(int port, int partitions) {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(
                1, partitions, Topics.allNamesWithDlts().toArray(String[]::new));
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("auto.create.topics.enable", "false");
        properties.put("group.initial.rebalance.delay.ms", "0");
        properties.put("log.flush.interval.messages", "100000");
        // the KRaft test kit ignores kafkaPorts(); its listeners setting is only a default, so a fixed port goes here
        properties.put("listeners", "EXTERNAL://localhost:" + port + ",CONTROLLER://localhost:0");
        broker.brokerProperties(properties);
        Exit.setShutdownHookAdder((name, hook) -> DEFERRED_CLEAN_UPS.add(hook));
        try {
            broker.afterPropertiesSet();
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "Kafka did not start"
                            + (port > 0
                                    ? " on port " + port + " (is another Kafka running there?"
                                            + " choose one with --slotbridge.local.kafka-port=…)"
                                    : "")
                            + ": " + rootMessage(e),
                    e);
        }
        compactTheCompactedTopics(broker.getBrokersAsString());
        return new LocalKafka(broker);
    }

    /** The test kit creates every topic with the broker's defaults; the catalogue's compacted ones are set here. */
    private static void compactTheCompactedTopics(String bootstrapServers) {
        Map<ConfigResource, Collection<AlterConfigOp>> changes = new LinkedHashMap<>();
        Topics.ALL.stream()
                .filter(TopicSpec::compacted)
                .forEach(spec -> changes.put(
                        new ConfigResource(ConfigResource.Type.TOPIC, spec.name()),
                        List.of(new AlterConfigOp(
                                new ConfigEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT),
                                AlterConfigOp.OpType.SET))));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.incrementalAlterConfigs(changes).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not make the compacted topics compacted: " + rootMessage(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while configuring topics", e);
        }
    }

    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    @Override
    public void close() {
        try {
            broker.destroy();
        } finally {
            DEFERRED_CLEAN_UPS.forEach(Runnable::run);
            DEFERRED_CLEAN_UPS.clear();
        }
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
