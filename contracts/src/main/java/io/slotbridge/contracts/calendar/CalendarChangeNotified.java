package io.slotbridge.contracts.calendar;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.slotbridge.contracts.Keys;
import java.time.Instant;
import java.util.Objects;

/**
 * One Google Calendar push notification (headers only; Google sends an empty body).
 *
 * @param resourceState {@code sync} right after watch, then {@code exists} or {@code not_exists}
 * @param messageNumber {@code X-Goog-Message-Number}, growing per channel
 * @param channelExpiration {@code X-Goog-Channel-Expiration} as sent (RFC 1123), may be null
 * @param resourceUri {@code X-Goog-Resource-URI}, names the calendar
 */
@JsonTypeName("calendar.change-notified")
public record CalendarChangeNotified(
        String eventId,
        String tenant,
        Instant occurredAt,
        String channelId,
        String resourceId,
        String resourceState,
        Long messageNumber,
        String channelExpiration,
        String resourceUri,
        String rawEventId)
        implements CalendarNotification {

    public CalendarChangeNotified {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(resourceState, "resourceState");
    }

    @Override
    public String kafkaKey() {
        return Keys.scoped(tenant, channelId);
    }
}
