package io.slotbridge.platform.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Kafka conventions shared by every service.
 *
 * @param service the producing service's name, used as CloudEvents {@code ce_source}; defaults to
 *     {@code spring.application.name}
 * @param createTopics declare every catalogue topic and its DLT at startup (off where a one-shot job creates them)
 * @param replicationFactor replication factor for created topics (3 on a real cluster)
 * @param partitions overrides the catalogue's partition count when set (tests, tiny installs)
 * @param retryAttempts attempts after the first failure before a record goes to its dead-letter topic
 * @param retryInitialInterval first back-off between attempts, doubled each time
 * @param retryMaxInterval cap of the back-off
 */
@ConfigurationProperties("slotbridge.kafka")
public record PlatformKafkaProperties(
        String service,
        @DefaultValue("true") boolean createTopics,
        @DefaultValue("1") short replicationFactor,
        Integer partitions,
        @DefaultValue("4") int retryAttempts,
        @DefaultValue("500ms") Duration retryInitialInterval,
        @DefaultValue("5s") Duration retryMaxInterval) {}
