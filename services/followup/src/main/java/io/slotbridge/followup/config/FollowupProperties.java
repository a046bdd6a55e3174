package io.slotbridge.followup.config;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The follow-up service's own settings ({@code slotbridge.followup.*}); tenant data lives under
 * {@code slotbridge.tenants}.
 *
 * @param consumerGroup Kafka consumer group of the listeners
 * @param pollInterval how often the scheduler looks for due steps (it asks the Clock bean what time it is)
 * @param claimTtl how long a worker owns a due run before another replica may take it over
 * @param sweepInterval how often leads idle in the qualified stage are looked for (scenario A trigger)
 * @param holdRetry when a held run (channel problem) tries its step again
 * @param transientRetry first delay before a step whose Wazzup request failed transiently is tried again (doubles)
 * @param wazzup the Wazzup client
 */
@Validated
@ConfigurationProperties("slotbridge.followup")
public record FollowupProperties(
        @DefaultValue("followup") String consumerGroup,
        @DefaultValue("1s") @NotNull Duration pollInterval,
        @DefaultValue("2m") @NotNull Duration claimTtl,
        @DefaultValue("1m") @NotNull Duration sweepInterval,
        @DefaultValue("15m") @NotNull Duration holdRetry,
        @DefaultValue("1m") @NotNull Duration transientRetry,
        @DefaultValue @NotNull Wazzup wazzup) {

    /**
     * @param connectTimeout TCP connect timeout; a refused or timed-out connect certainly sent nothing
     * @param requestTimeout whole-request timeout; a timeout after connecting may have sent the message
     * @param dedupeWindow how long Wazzup refuses a repeated crmMessageId (60 s, documented)
     * @param safetyMargin we stop repeating this long before the window closes
     * @param attempts requests per step execution before the step is postponed
     * @param backoff first pause between requests (exponential, times 2)
     * @param maxBackoff longest pause between requests
     * @param requestsPerPeriod client-side limit below Wazzup's 500 requests / 5 s
     * @param period the limit's period
     * @param freeTextWindow free text is sent only this soon after the client's last message (24 h minus a margin)
     * @param templateCacheTtl how long the list of WABA templates (approval status) is cached
     */
    public record Wazzup(
            @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue("15s") Duration requestTimeout,
            @DefaultValue("60s") Duration dedupeWindow,
            @DefaultValue("10s") Duration safetyMargin,
            @DefaultValue("5") @Min(1) int attempts,
            @DefaultValue("1s") Duration backoff,
            @DefaultValue("8s") Duration maxBackoff,
            @DefaultValue("450") @Min(1) int requestsPerPeriod,
            @DefaultValue("5s") Duration period,
            @DefaultValue("1430m") Duration freeTextWindow,
            @DefaultValue("10m") Duration templateCacheTtl) {

        /** Repeats with the same crmMessageId are safe this long after the first request that may have arrived. */
        public Duration safeRepeatWindow() {
            return dedupeWindow.minus(safetyMargin);
        }
    }
}
