package io.slotbridge.calendarconnector.channel;

import java.time.Instant;

/**
 * A Google push channel on a tenant's calendar events.
 *
 * @param active the channel new notifications are expected on; an inactive one is being stopped after renewal
 */
public record WatchChannel(
        String channelId,
        String tenant,
        String calendarId,
        String resourceId,
        String resourceUri,
        Instant expiresAt,
        Instant openedAt,
        boolean active) {}
