package io.slotbridge.calendarconnector.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Service settings (tenant data lives under {@code slotbridge.tenants}, see {@link TenantDirectory}).
 *
 * @param consumerGroup Kafka consumer group of the notification and command listeners
 * @param watch push channels
 * @param sync incremental sync and the anti-entropy sweep
 * @param commands slot writes
 * @param retry back-off of rate-limited (403/429) and failed (5xx, I/O) calls
 * @param http client timeouts
 * @param reportInterval period of the ops status report per tenant; zero disables it
 * @param connectStateTtl lifetime of an OAuth {@code state} handed to Google's consent page
 * @param defaultRequestsPerSecond per-tenant budget when the tenant sets no {@code calendar.requests-per-second}
 */
@Validated
@ConfigurationProperties("slotbridge.calendar-connector")
public record CalendarConnectorProperties(
        @DefaultValue("calendar-connector") String consumerGroup,
        @DefaultValue @NotNull Watch watch,
        @DefaultValue @NotNull Sync sync,
        @DefaultValue @NotNull Commands commands,
        @DefaultValue @NotNull Retry retry,
        @DefaultValue @NotNull Http http,
        @DefaultValue("1m") Duration reportInterval,
        @DefaultValue("10m") Duration connectStateTtl,
        @DefaultValue("5") @Positive double defaultRequestsPerSecond) {

    /**
     * @param enabled open and renew channels (off where no public gateway URL exists)
     * @param ttl lifetime requested from Google ({@code params.ttl}); Google may grant less
     * @param renewBefore a channel expiring within this window is replaced (new one first, then the old one stopped)
     * @param checkInterval how often channels are checked; also checked once at startup
     */
    public record Watch(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("7d") Duration ttl,
            @DefaultValue("1d") Duration renewBefore,
            @DefaultValue("15m") Duration checkInterval) {}

    /**
     * @param sweepInterval how often every calendar is synced without a notification (anti-entropy); zero disables
     * @param pageSize {@code maxResults} of {@code events.list}
     */
    public record Sync(
            @DefaultValue("10m") Duration sweepInterval,
            @DefaultValue("250") @Min(1) @Max(2500) int pageSize) {}

    /**
     * @param maxBatchSize calls per Google batch request (Google allows 1000; fewer keeps one failure cheap)
     * @param maxPollRecords commands taken from Kafka at once; with two or three calls per command at the tenant's
     *     requests-per-second they must finish well within the consumer's {@code max.poll.interval.ms}
     */
    public record Commands(
            @DefaultValue("50") @Min(1) @Max(1000) int maxBatchSize,
            @DefaultValue("50") @Min(1) @Max(500) int maxPollRecords) {}

    /**
     * @param maxAttempts attempts per call, the first included
     * @param initialBackoff first wait, doubled each time with ±50 % jitter
     * @param maxBackoff cap of one wait
     */
    public record Retry(
            @DefaultValue("6") @Min(1) int maxAttempts,
            @DefaultValue("1s") Duration initialBackoff,
            @DefaultValue("32s") Duration maxBackoff) {}

    public record Http(
            @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue("20s") Duration readTimeout) {}
}
