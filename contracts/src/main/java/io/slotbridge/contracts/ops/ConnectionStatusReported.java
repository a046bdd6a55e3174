package io.slotbridge.contracts.ops;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.slotbridge.contracts.Keys;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Health of one connection of one tenant, reported periodically by the service that owns it.
 *
 * @param connection {@code amocrm}, {@code bitrix24}, {@code google-calendar}, {@code wazzup}
 * @param status {@code ok}, {@code degraded}, {@code rate-limited}, {@code blocked}, {@code needs-reauth},
 *     {@code not-connected}
 * @param tokenExpiresAt access token expiry, if the connection has one
 * @param channelExpiresAt Google watch channel expiry, if any
 * @param requestsPerSecondLimit the configured budget
 * @param requestsLastMinute API calls made in the last minute
 * @param throttledLastMinute 429 (or QUERY_LIMIT_EXCEEDED) answers in the last minute
 * @param blockedLastMinute 403 block answers in the last minute
 * @param details free-form extra figures (circuit state, backlog…)
 */
@JsonTypeName("ops.connection-status")
public record ConnectionStatusReported(
        String eventId,
        String tenant,
        Instant occurredAt,
        String service,
        String instanceId,
        String connection,
        String status,
        Instant tokenExpiresAt,
        Instant channelExpiresAt,
        Double requestsPerSecondLimit,
        Long requestsLastMinute,
        Long throttledLastMinute,
        Long blockedLastMinute,
        String detail,
        Map<String, String> details)
        implements OpsReport {

    public ConnectionStatusReported {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(status, "status");
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    @Override
    public String kafkaKey() {
        return Keys.scoped(tenant, connection);
    }
}
