package io.slotbridge.platform.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled run the relay (a service with a DataSource has an outbox)
 * @param pollInterval how often the relay looks for rows when nobody woke it up
 * @param batchSize rows per relay transaction
 */
@ConfigurationProperties("slotbridge.outbox")
public record OutboxProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("250ms") Duration pollInterval,
        @DefaultValue("500") int batchSize) {}
