package io.slotbridge.platform.test;

import io.slotbridge.contracts.Topics;
import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One embedded KRaft Kafka broker per test JVM (real Kafka, not a fake), with every catalogue topic and its DLT
 * pre-created with {@link #PARTITIONS} partitions. Started on first use, stopped when the JVM exits.
 */
public final class SharedKafka {

    public static final int PARTITIONS = 2;

    private static EmbeddedKafkaKraftBroker broker;

    private SharedKafka() {}

    public static synchronized String bootstrapServers() {
        if (broker == null) {
            EmbeddedKafkaKraftBroker started = new EmbeddedKafkaKraftBroker(
                    1, PARTITIONS, Topics.allNamesWithDlts().toArray(String[]::new));
            started.brokerProperties(Map.of(
                    "auto.create.topics.enable", "false",
                    "group.initial.rebalance.delay.ms", "0",
                    "log.flush.interval.messages", "100000"));
            started.afterPropertiesSet();
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroy, "shared-kafka-stop"));
            broker = started;
        }
        return broker.getBrokersAsString();
    }

    /** The broker itself, for tests that need admin access beyond the bootstrap address. */
    public static synchronized EmbeddedKafkaKraftBroker broker() {
        bootstrapServers();
        return broker;
    }
}
