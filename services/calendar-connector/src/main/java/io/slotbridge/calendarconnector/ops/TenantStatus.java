package io.slotbridge.calendarconnector.ops;

import io.slotbridge.calendarconnector.channel.WatchChannel;
import io.slotbridge.calendarconnector.channel.WatchChannels;
import io.slotbridge.calendarconnector.config.TenantDirectory;
import io.slotbridge.calendarconnector.config.TenantSettings;
import io.slotbridge.calendarconnector.google.ApiCallStats;
import io.slotbridge.calendarconnector.google.CalendarServices;
import io.slotbridge.calendarconnector.sync.SyncStateRepository;
import java.time.Clock;
import java.time.Instant;

/** The state of a tenant's Google connection, for the admin API and the periodic ops report. */
public class TenantStatus {

    private final TenantDirectory tenants;
    private final WatchChannels channels;
    private final SyncStateRepository syncStates;
    private final ApiCallStats stats;
    private final CalendarServices services;
    private final Clock clock;

    public TenantStatus(
            TenantDirectory tenants,
            WatchChannels channels,
            SyncStateRepository syncStates,
            ApiCallStats stats,
            CalendarServices services,
            Clock clock) {
        this.tenants = tenants;
        this.channels = channels;
        this.syncStates = syncStates;
        this.stats = stats;
        this.services = services;
        this.clock = clock;
    }

    public Snapshot of(String tenant) {
        TenantSettings.Calendar calendar = tenants.get(tenant).calendar();
        WatchChannel channel = channels.active(tenant).orElse(null);
        SyncStateRepository.SyncStatus sync = syncStates
                .status(tenant, calendar.calendarId())
                .orElse(new SyncStateRepository.SyncStatus(false, null, null, null));
        ApiCallStats.LastMinute lastMinute = stats.lastMinute(tenant);
        Instant now = clock.instant();
        return new Snapshot(
                tenant,
                calendar.calendarId(),
                calendar.authMode(),
                status(channel, sync, lastMinute, now),
                channel == null ? null : channel.channelId(),
                channel == null ? null : channel.expiresAt(),
                services.accessTokenExpiry(tenant).orElse(null),
                sync.hasSyncToken(),
                sync.lastSyncAt(),
                sync.lastFullSyncAt(),
                sync.lastError(),
                lastMinute.requests(),
                lastMinute.throttled(),
                lastMinute.blocked());
    }

    /** The ops report vocabulary: ok, degraded, rate-limited, blocked, needs-reauth, not-connected. */
    private static String status(
            WatchChannel channel, SyncStateRepository.SyncStatus sync, ApiCallStats.LastMinute calls, Instant now) {
        String error = sync.lastError();
        if (error != null && error.contains("is not connected")) {
            return "needs-reauth";
        }
        if (calls.blocked() > 0) {
            return "blocked";
        }
        if (calls.throttled() > 0) {
            return "rate-limited";
        }
        if (channel == null && sync.lastSyncAt() == null) {
            return "not-connected";
        }
        if (error != null || channel == null || channel.expiresAt().isBefore(now)) {
            return "degraded";
        }
        return "ok";
    }

    /** One tenant's connection as the admin API shows it. */
    public record Snapshot(
            String tenant,
            String calendarId,
            String authMode,
            String status,
            String channelId,
            Instant channelExpiresAt,
            Instant accessTokenExpiresAt,
            boolean hasSyncToken,
            Instant lastSyncAt,
            Instant lastFullSyncAt,
            String lastSyncError,
            long requestsLastMinute,
            long throttledLastMinute,
            long blockedLastMinute) {}
}
