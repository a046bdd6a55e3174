package io.slotbridge.calendarconnector.google;

import com.google.api.client.googleapis.services.json.AbstractGoogleJsonClientRequest;
import com.google.api.services.calendar.Calendar;
import com.google.api.services.calendar.model.Channel;
import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.Events;
import io.slotbridge.calendarconnector.config.TenantDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** The Google Calendar calls the connector makes, each through the tenant's {@link GoogleCallPolicy}. */
public class GoogleCalendarClient {

    private final CalendarServices services;
    private final GoogleCallPolicy policy;
    private final TenantDirectory tenants;

    public GoogleCalendarClient(CalendarServices services, GoogleCallPolicy policy, TenantDirectory tenants) {
        this.services = services;
        this.policy = policy;
        this.tenants = tenants;
    }

    /**
     * One page of {@code events.list}. With a sync token Google returns what changed since it (deleted events as
     * {@code cancelled}, hence {@code showDeleted}); without one it is a full sync. Filters such as {@code timeMin} are
     * not allowed together with a sync token. A 410 (token expired) is thrown as {@link GoogleFailure.Kind#GONE}.
     */
    public Events listEvents(String tenant, String calendarId, String syncToken, String pageToken, int pageSize) {
        Calendar.Events.List list = build(() -> services.forTenant(tenant)
                .events()
                .list(calendarId)
                .setShowDeleted(true)
                .setMaxResults(pageSize)
                .setSyncToken(syncToken)
                .setPageToken(pageToken));
        return policy.call(tenant, "events.list", list);
    }

    /** {@code events.get} for each id (a batch request when there are several); cancelled events are returned too. */
    public Map<String, Outcome<Event>> getEvents(String tenant, String calendarId, Collection<String> eventIds) {
        Map<String, AbstractGoogleJsonClientRequest<Event>> requests = new LinkedHashMap<>();
        for (String id : eventIds) {
            requests.put(id, build(() -> services.forTenant(tenant).events().get(calendarId, id)));
        }
        return policy.each(tenant, "events.get", requests);
    }

    /** Inserts and updates (a batch request when there are several), each answered under its key. */
    public <K> Map<K, Outcome<Event>> write(String tenant, String calendarId, Map<K, EventWrite> writes) {
        String sendUpdates = tenants.get(tenant).calendar().sendUpdatesOrDefault();
        Map<K, AbstractGoogleJsonClientRequest<Event>> requests = new LinkedHashMap<>();
        writes.forEach((key, write) -> requests.put(key, build(() -> request(tenant, calendarId, write, sendUpdates))));
        return policy.each(tenant, "events.write", requests);
    }

    private AbstractGoogleJsonClientRequest<Event> request(
            String tenant, String calendarId, EventWrite write, String sendUpdates) throws IOException {
        Calendar.Events events = services.forTenant(tenant).events();
        if (write.ifMatch() == null) {
            return events.insert(calendarId, write.event()).setSendUpdates(sendUpdates);
        }
        Calendar.Events.Update update =
                events.update(calendarId, write.event().getId(), write.event()).setSendUpdates(sendUpdates);
        // the etag our decision was based on: Google answers 412 if the event changed since
        update.getRequestHeaders().setIfMatch(write.ifMatch());
        return update;
    }

    /** Opens a push channel on the calendar's events ({@code events.watch}). */
    public Channel watch(
            String tenant, String calendarId, String channelId, String address, String token, Duration ttl) {
        Channel channel = new Channel()
                .setId(channelId)
                .setType("web_hook")
                .setAddress(address)
                .setToken(token)
                .setParams(Map.of("ttl", Long.toString(ttl.toSeconds())));
        return policy.call(tenant, "events.watch", build(() -> services.forTenant(tenant)
                .events()
                .watch(calendarId, channel)));
    }

    /** {@code channels.stop}; a channel Google no longer knows (404) counts as stopped. */
    public void stopChannel(String tenant, String channelId, String resourceId) {
        Channel channel = new Channel().setId(channelId).setResourceId(resourceId);
        try {
            policy.call(tenant, "channels.stop", build(() -> services.forTenant(tenant)
                    .channels()
                    .stop(channel)));
        } catch (GoogleFailure e) {
            if (e.kind() != GoogleFailure.Kind.NOT_FOUND) {
                throw e;
            }
        }
    }

    /**
     * @param ifMatch null for an insert (the event carries its client-chosen id); the etag to require for an update
     */
    public record EventWrite(Event event, String ifMatch) {

        public static EventWrite insert(Event event) {
            return new EventWrite(event, null);
        }

        public static EventWrite update(Event event, String ifMatch) {
            if (ifMatch == null) {
                throw new IllegalArgumentException("an update needs the etag it is based on");
            }
            return new EventWrite(event, ifMatch);
        }
    }

    private interface RequestBuilder<R> {
        R build() throws IOException;
    }

    private static <R> R build(RequestBuilder<R> builder) {
        try {
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build a Google Calendar request", e);
        }
    }
}
