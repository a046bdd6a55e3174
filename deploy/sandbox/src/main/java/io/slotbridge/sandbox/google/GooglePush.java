package io.slotbridge.sandbox.google;

import io.slotbridge.sandbox.SandboxProperties;
import io.slotbridge.sandbox.core.Api;
import io.slotbridge.sandbox.core.WebhookDispatcher;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * Watch channels on calendars' events and the push notifications they get: an empty POST with the
 * {@code X-Goog-*} headers, {@code sync} right after the watch, then {@code exists} on every change, message
 * numbers growing per channel. Expired channels stop receiving and are forgotten.
 */
@Component
public class GooglePush {

    /** A watch channel. */
    public record Channel(
            String id,
            String calendarId,
            String resourceId,
            String resourceUri,
            URI address,
            String token,
            Instant expiration,
            AtomicLong messageNumber) {}

    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final Map<String, Channel> channels = new ConcurrentHashMap<>();
    private final WebhookDispatcher dispatcher;
    private final Clock clock;
    private final String baseUrl;

    public GooglePush(WebhookDispatcher dispatcher, Clock clock, SandboxProperties properties) {
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.baseUrl = properties.baseUrl();
    }

    /** Opens a channel and sends its {@code sync} message; null when the channel id is taken. */
    Channel watch(String channelId, String calendarId, URI address, String token, Instant expiration) {
        String resourceUri = baseUrl + "/google/calendar/v3/calendars/"
                + URLEncoder.encode(calendarId, StandardCharsets.UTF_8) + "/events?alt=json";
        Channel channel = new Channel(
                channelId,
                calendarId,
                GoogleIds.resourceId(calendarId),
                resourceUri,
                address,
                token,
                expiration,
                new AtomicLong());
        if (channels.putIfAbsent(channelId, channel) != null) {
            return null;
        }
        notify(channel, "sync");
        return channel;
    }

    /** Stops a channel; false when no such channel watches that resource. */
    boolean stop(String channelId, String resourceId) {
        Channel channel = channels.get(channelId);
        if (channel == null || (resourceId != null && !channel.resourceId().equals(resourceId))) {
            return false;
        }
        return channels.remove(channelId, channel);
    }

    /** Something changed in the calendar: every live channel on it gets an {@code exists} notification. */
    void changed(String calendarId) {
        Instant now = clock.instant();
        for (Channel channel : List.copyOf(channels.values())) {
            if (!channel.calendarId().equals(calendarId)) {
                continue;
            }
            if (!now.isBefore(channel.expiration())) {
                channels.remove(channel.id(), channel);
                continue;
            }
            notify(channel, "exists");
        }
    }

    public List<Channel> channels() {
        return List.copyOf(channels.values());
    }

    public void clear() {
        channels.clear();
    }

    private void notify(Channel channel, String state) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Goog-Channel-ID", channel.id());
        if (channel.token() != null) {
            headers.put("X-Goog-Channel-Token", channel.token());
        }
        headers.put("X-Goog-Channel-Expiration", RFC_1123.format(channel.expiration()));
        headers.put("X-Goog-Resource-ID", channel.resourceId());
        headers.put("X-Goog-Resource-URI", channel.resourceUri());
        headers.put("X-Goog-Resource-State", state);
        headers.put(
                "X-Goog-Message-Number", String.valueOf(channel.messageNumber().incrementAndGet()));
        headers.put("User-Agent", "APIs-Google; (+https://developers.google.com/webmasters/APIs-Google.html)");
        dispatcher.send(new WebhookDispatcher.Delivery(Api.GOOGLE, channel.address(), null, new byte[0], headers));
    }
}
