package io.slotbridge.calendarconnector.channel;

import com.google.api.services.calendar.model.Channel;
import io.slotbridge.calendarconnector.config.CalendarConnectorProperties;
import io.slotbridge.calendarconnector.config.TenantDirectory;
import io.slotbridge.calendarconnector.config.TenantSettings;
import io.slotbridge.calendarconnector.google.GoogleCalendarClient;
import io.slotbridge.calendarconnector.google.GoogleFailure;
import io.slotbridge.calendarconnector.slot.CalendarLocks;
import io.slotbridge.platform.crypto.ChannelTokens;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one Google push channel open per tenant calendar. Google channels expire and are never renewed by Google, so
 * a channel close to expiry is replaced: the new channel is opened first, then the old one stopped, so no change
 * falls between them. Channel ids are random; the token is the HMAC the gateway recomputes to authenticate the
 * notification ({@link ChannelTokens}). State lives in PostgreSQL, so a restart continues where it left.
 */
public class WatchChannels {

    private static final Logger log = LoggerFactory.getLogger(WatchChannels.class);

    private final TenantDirectory tenants;
    private final GoogleCalendarClient google;
    private final WatchChannelRepository repository;
    private final CalendarLocks locks;
    private final CalendarConnectorProperties.Watch settings;
    private final Clock clock;

    public WatchChannels(
            TenantDirectory tenants,
            GoogleCalendarClient google,
            WatchChannelRepository repository,
            CalendarLocks locks,
            CalendarConnectorProperties.Watch settings,
            Clock clock) {
        this.tenants = tenants;
        this.google = google;
        this.repository = repository;
        this.locks = locks;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The tenant's active channel, opened or renewed first when there is none, it expires within
     * {@code renew-before}, or {@code force} is set.
     */
    public WatchChannel ensure(String tenant, boolean force) {
        TenantSettings.Calendar calendar = tenants.get(tenant).calendar();
        return locks.withLock(tenant, "watch:" + calendar.calendarId(), () -> {
            Optional<WatchChannel> active = repository.active(tenant, calendar.calendarId());
            Instant renewAfter = clock.instant().plus(settings.renewBefore());
            WatchChannel current;
            if (!force && active.isPresent() && active.get().expiresAt().isAfter(renewAfter)) {
                current = active.get();
            } else {
                current = open(tenant, calendar);
                log.info(
                        "watch channel {} opened for tenant {} calendar {}, expires {}{}",
                        current.channelId(),
                        tenant,
                        calendar.calendarId(),
                        current.expiresAt(),
                        active.map(old -> " (replaces " + old.channelId() + ")").orElse(""));
            }
            stopInactive(tenant, calendar.calendarId());
            return current;
        });
    }

    /** The calendar a notification's channel watches, if the channel is ours (active, or renewed but not yet stopped). */
    public Optional<String> calendarOf(String tenant, String channelId) {
        return repository.find(channelId).filter(c -> c.tenant().equals(tenant)).map(WatchChannel::calendarId);
    }

    /**
     * Google answered 404 for the watched calendar (deleted, or no longer shared): its channel watches nothing. It is
     * retired, so the next check stops it and opens a new one as soon as Google serves the calendar again.
     */
    public void retire(String tenant) {
        String calendarId = tenants.get(tenant).calendar().calendarId();
        if (repository.deactivate(tenant, calendarId) > 0) {
            log.warn(
                    "watch channel of tenant {} calendar {} retired; it is re-created at the next check",
                    tenant,
                    calendarId);
        }
    }

    public Optional<WatchChannel> active(String tenant) {
        return repository.active(tenant, tenants.get(tenant).calendar().calendarId());
    }

    private WatchChannel open(String tenant, TenantSettings.Calendar calendar) {
        if (calendar.pushSecret() == null || calendar.pushSecret().isBlank()) {
            throw new IllegalStateException("tenant " + tenant + ": calendar.push-secret is not set, so the gateway "
                    + "could not verify the channel's notifications");
        }
        String channelId = UUID.randomUUID().toString();
        Channel opened = google.watch(
                tenant,
                calendar.calendarId(),
                channelId,
                tenants.hookAddress(tenant),
                ChannelTokens.tokenFor(calendar.pushSecret(), tenant, channelId),
                settings.ttl());
        Instant now = clock.instant();
        Instant expires = opened.getExpiration() == null
                ? now.plus(settings.ttl())
                : Instant.ofEpochMilli(opened.getExpiration());
        WatchChannel channel = new WatchChannel(
                channelId,
                tenant,
                calendar.calendarId(),
                opened.getResourceId(),
                opened.getResourceUri(),
                expires,
                now,
                true);
        repository.activate(channel);
        return channel;
    }

    /** Stops replaced channels; one Google refuses for now stays listed and is tried again at the next check. */
    private void stopInactive(String tenant, String calendarId) {
        for (WatchChannel old : repository.inactive(tenant, calendarId)) {
            try {
                google.stopChannel(tenant, old.channelId(), old.resourceId());
                repository.delete(old.channelId());
                log.info("watch channel {} of tenant {} stopped", old.channelId(), tenant);
            } catch (GoogleFailure e) {
                if (old.expiresAt().isBefore(clock.instant())) {
                    repository.delete(old.channelId());
                } else {
                    log.warn(
                            "watch channel {} of tenant {} could not be stopped yet: {}",
                            old.channelId(),
                            tenant,
                            e.getMessage());
                }
            }
        }
    }
}
