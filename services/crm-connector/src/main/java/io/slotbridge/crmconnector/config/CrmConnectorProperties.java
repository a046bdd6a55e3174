package io.slotbridge.crmconnector.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Service settings (tenant data lives under {@code slotbridge.tenants}, see {@link TenantDirectory}).
 *
 * @param consumerGroup Kafka consumer group of both listeners
 * @param listenersEnabled false for CLI runs
 * @param hintWindow how long the broker may hold hints back to coalesce them per lead (fetch.max.wait.ms)
 * @param writeBatchSize leads per PATCH, notes/tasks per POST (amoCRM allows 250 and recommends 50)
 * @param readBatchSize leads per GET (amoCRM maximum 250)
 * @param rateSafetyMargin requests are spaced this fraction wider than 1/requests-per-second, so network jitter
 *     never puts more than the budget into any 1-second window on the CRM's side
 * @param blockedPause how long the circuit stays open after a 403 block before one probe call
 * @param retry retries of 429, 5xx and timeouts
 * @param http client timeouts
 * @param sweep anti-entropy sweep
 * @param deferred commands and hints that wait for a blocked account or a parked method
 * @param reportInterval period of the ops status report (and proactive token refresh) per tenant
 * @param metadataTtl how long pipelines, fields, users and loss reasons are cached
 * @param metadataMinRefreshInterval a cache miss refreshes metadata at most this often per tenant
 * @param tokenRefreshAhead OAuth access tokens are refreshed this long before they expire
 * @param idleRefreshAfter refresh OAuth tokens of idle accounts after this long (amoCRM refresh tokens die unused
 *     after 3 months)
 * @param connectStateTtl lifetime of an OAuth {@code state}
 * @param webhookEvents the amoCRM webhook settings we subscribe to
 * @param cli {@code install-webhooks}, {@code list-webhooks} or {@code remove-webhooks} to run once and exit
 */
@Validated
@ConfigurationProperties("slotbridge.crm-connector")
public record CrmConnectorProperties(
        @DefaultValue("crm-connector") String consumerGroup,
        @DefaultValue("true") boolean listenersEnabled,
        @DefaultValue("500ms") Duration hintWindow,
        @DefaultValue("50") @Min(1) @Max(250) int writeBatchSize,
        @DefaultValue("250") @Min(1) @Max(250) int readBatchSize,
        @DefaultValue("0.05") double rateSafetyMargin,
        @DefaultValue("10m") Duration blockedPause,
        @DefaultValue @NotNull Retry retry,
        @DefaultValue @NotNull Http http,
        @DefaultValue @NotNull Sweep sweep,
        @DefaultValue @NotNull Deferred deferred,
        @DefaultValue("1m") Duration reportInterval,
        @DefaultValue("15m") Duration metadataTtl,
        @DefaultValue("30s") Duration metadataMinRefreshInterval,
        @DefaultValue("1h") Duration tokenRefreshAhead,
        @DefaultValue("30d") Duration idleRefreshAfter,
        @DefaultValue("10m") Duration connectStateTtl,

        @DefaultValue({
            "add_lead",
            "update_lead",
            "status_lead",
            "delete_lead",
            "restore_lead",
            "responsible_lead",
            "note_lead",
            "update_contact"
        })
        List<String> webhookEvents,

        String cli) {

    /**
     * @param maxAttempts attempts per API call, the first included
     * @param initialBackoff first wait, doubled each time with ±50 % jitter
     * @param maxBackoff cap of a single wait
     */
    public record Retry(
            @DefaultValue("6") @Min(1) int maxAttempts,
            @DefaultValue("1s") Duration initialBackoff,
            @DefaultValue("30s") Duration maxBackoff) {}

    public record Http(
            @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue("20s") Duration readTimeout) {}

    /**
     * @param enabled run the periodic sweep
     * @param interval how often each tenant is swept
     * @param overlap each sweep starts this much before the previous one ended (clock skew, slow writes)
     * @param initialLookback how far back the first sweep of a tenant reads
     */
    public record Sweep(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("5m") Duration interval,
            @DefaultValue("2m") Duration overlap,
            @DefaultValue("24h") Duration initialLookback) {}

    /**
     * @param tick how often due deferred work is looked for
     * @param claimLease how long one instance holds a tenant's deferred work of a kind; longer than a batch of calls
     *     takes
     * @param batchSize deferred items of a tenant (per kind) done per tick at most
     * @param retryAfter how long they wait again after a failure of our own (not the CRM's refusal, which says when)
     */
    public record Deferred(
            @DefaultValue("1s") Duration tick,
            @DefaultValue("5m") Duration claimLease,
            @DefaultValue("500") @Min(1) int batchSize,
            @DefaultValue("30s") Duration retryAfter) {}
}
