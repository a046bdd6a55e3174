package io.slotbridge.sync.config;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Service settings of sync (tenant data lives under {@code slotbridge.tenants}, see {@link TenantDirectory}).
 *
 * @param consumerGroup Kafka consumer group of the listeners
 * @param listenersEnabled start the Kafka listeners (off for tools that only need the database)
 * @param historyShown decisions the admin API shows per lead, newest first
 * @param inboxRetentionDays processed input ids are remembered this long (redeliveries come within minutes; the
 *     decider also ignores stale inputs by version, so forgetting old ids is safe)
 */
@Validated
@ConfigurationProperties("slotbridge.sync")
public record SyncProperties(
        @DefaultValue("sync") String consumerGroup,
        @DefaultValue("true") boolean listenersEnabled,
        @DefaultValue("20") @Min(1) int historyShown,
        @DefaultValue("14") @Min(1) int inboxRetentionDays) {}
