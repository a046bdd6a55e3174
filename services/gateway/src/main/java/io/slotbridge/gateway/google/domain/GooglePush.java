package io.slotbridge.gateway.google.domain;

import io.slotbridge.contracts.MessageIds;
import io.slotbridge.contracts.Topics;
import io.slotbridge.contracts.calendar.CalendarChangeNotified;
import io.slotbridge.gateway.ingest.domain.HookHeaders;
import io.slotbridge.gateway.ingest.domain.HookRequest;
import io.slotbridge.gateway.ingest.domain.Outbound;
import io.slotbridge.gateway.ingest.domain.Parsed;
import java.util.List;

/** A Google Calendar push notification: everything is in {@code X-Goog-*} headers, the body is empty. */
public final class GooglePush {

    public static final String CHANNEL_ID = "X-Goog-Channel-ID";
    public static final String CHANNEL_TOKEN = "X-Goog-Channel-Token";
    public static final String CHANNEL_EXPIRATION = "X-Goog-Channel-Expiration";
    public static final String RESOURCE_ID = "X-Goog-Resource-ID";
    public static final String RESOURCE_URI = "X-Goog-Resource-URI";
    public static final String RESOURCE_STATE = "X-Goog-Resource-State";
    public static final String MESSAGE_NUMBER = "X-Goog-Message-Number";

    private GooglePush() {}

    public static Parsed parse(HookRequest request) {
        HookHeaders headers = request.headers();
        String channelId = headers.get(CHANNEL_ID);
        String state = headers.get(RESOURCE_STATE);
        if (channelId == null || state == null) {
            return new Parsed.Unreadable("Google push without " + (channelId == null ? CHANNEL_ID : RESOURCE_STATE));
        }
        Long messageNumber = number(headers.get(MESSAGE_NUMBER));
        CalendarChangeNotified notified = new CalendarChangeNotified(
                // Google retries a failed push with the same channel and message number: one id per delivery.
                messageNumber == null
                        ? MessageIds.random()
                        : MessageIds.deterministic(request.tenant(), "google", channelId, messageNumber.toString()),
                request.tenant(),
                request.receivedAt(),
                channelId,
                headers.get(RESOURCE_ID),
                state,
                messageNumber,
                headers.get(CHANNEL_EXPIRATION),
                headers.get(RESOURCE_URI),
                request.rawEventId());
        return new Parsed.Understood(List.of(Outbound.to(Topics.CALENDAR_NOTIFICATIONS, notified)), null);
    }

    /** The message number, or null when it is not a number (the raw value stays in the archive). */
    private static Long number(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
