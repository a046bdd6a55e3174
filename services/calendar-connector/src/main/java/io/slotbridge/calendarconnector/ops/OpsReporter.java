package io.slotbridge.calendarconnector.ops;

import io.slotbridge.calendarconnector.config.TenantDirectory;
import io.slotbridge.calendarconnector.config.TenantSettings;
import io.slotbridge.contracts.MessageIds;
import io.slotbridge.contracts.Topics;
import io.slotbridge.contracts.ops.ConnectionStatusReported;
import io.slotbridge.platform.kafka.EnvelopePublisher;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Publishes each tenant's Google connection health on {@code ops.status-reports.v1} for the console. */
public class OpsReporter {

    static final String CONNECTION = "google-calendar";
    private static final Logger log = LoggerFactory.getLogger(OpsReporter.class);

    private final TenantDirectory tenants;
    private final TenantStatus status;
    private final EnvelopePublisher publisher;
    private final ToDoubleFunction<String> requestsPerSecond;
    private final String instanceId;
    private final Clock clock;

    public OpsReporter(
            TenantDirectory tenants,
            TenantStatus status,
            EnvelopePublisher publisher,
            ToDoubleFunction<String> requestsPerSecond,
            String instanceId,
            Clock clock) {
        this.tenants = tenants;
        this.status = status;
        this.publisher = publisher;
        this.requestsPerSecond = requestsPerSecond;
        this.instanceId = instanceId;
        this.clock = clock;
    }

    public void reportAll() {
        for (String tenant : tenants.googleTenants()) {
            try {
                publisher.publish(Topics.OPS_REPORTS, report(tenant));
            } catch (RuntimeException e) {
                log.warn("ops report of tenant {} not published: {}", tenant, e.getMessage());
            }
        }
    }

    ConnectionStatusReported report(String tenant) {
        TenantStatus.Snapshot snapshot = status.of(tenant);
        TenantSettings.Calendar calendar = tenants.get(tenant).calendar();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("calendarId", calendar.calendarId());
        details.put("authMode", snapshot.authMode());
        details.put("hasSyncToken", Boolean.toString(snapshot.hasSyncToken()));
        if (snapshot.lastSyncAt() != null) {
            details.put("lastSyncAt", snapshot.lastSyncAt().toString());
        }
        if (snapshot.channelId() != null) {
            details.put("channelId", snapshot.channelId());
        }
        return new ConnectionStatusReported(
                MessageIds.random(),
                tenant,
                clock.instant(),
                Topics.CALENDAR_CONNECTOR,
                instanceId,
                CONNECTION,
                snapshot.status(),
                snapshot.accessTokenExpiresAt(),
                snapshot.channelExpiresAt(),
                requestsPerSecond.applyAsDouble(tenant),
                snapshot.requestsLastMinute(),
                snapshot.throttledLastMinute(),
                snapshot.blockedLastMinute(),
                snapshot.lastSyncError(),
                details);
    }
}
