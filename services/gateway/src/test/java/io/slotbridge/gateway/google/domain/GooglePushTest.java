package io.slotbridge.gateway.google.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotbridge.contracts.ProviderFixtures;
import io.slotbridge.contracts.Topics;
import io.slotbridge.contracts.calendar.CalendarChangeNotified;
import io.slotbridge.contracts.ingress.IngressSource;
import io.slotbridge.gateway.ingest.domain.HookHeaders;
import io.slotbridge.gateway.ingest.domain.Parsed;
import io.slotbridge.gateway.ingest.domain.TenantCredentials;
import io.slotbridge.gateway.ingest.domain.TestRequests;
import io.slotbridge.platform.crypto.ChannelTokens;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GooglePushTest {

    static final TenantCredentials TENANT =
            new TenantCredentials(null, new TenantCredentials.Calendar("push-secret"), null);

    @Test
    void a_captured_push_becomes_a_notification_keyed_by_tenant_and_channel() {
        Map<String, String> headers = ProviderFixtures.headers("google/push-exists-1.txt");

        Parsed parsed = GooglePush.parse(TestRequests.request(IngressSource.GOOGLE, "demo", "", headers, null));

        assertThat(parsed).isInstanceOf(Parsed.Understood.class);
        var out = ((Parsed.Understood) parsed).records().get(0);
        assertThat(out.topic()).isEqualTo(Topics.CALENDAR_NOTIFICATIONS.name());
        CalendarChangeNotified notified = (CalendarChangeNotified) out.record();
        assertThat(notified.channelId()).isEqualTo("977********d95b07be367");
        assertThat(notified.resourceState()).isEqualTo("exists");
        assertThat(notified.resourceId()).isEqualTo("ys7KY***********28");
        assertThat(notified.resourceUri()).startsWith("https://www.googleapis.com/calendar/v3/calendars/");
        assertThat(notified.channelExpiration()).isEqualTo("Sat, 28 Jan 2017 19:22:46 GMT");
        assertThat(notified.messageNumber())
                .as("the capture's number was masked by its author")
                .isNull();
        assertThat(notified.kafkaKey()).isEqualTo("demo:977********d95b07be367");
    }

    @Test
    void message_numbers_are_read_and_make_redeliveries_share_an_event_id() {
        Map<String, String> headers = Map.of(
                GooglePush.CHANNEL_ID, "ch-1", GooglePush.RESOURCE_STATE, "sync", GooglePush.MESSAGE_NUMBER, "1");

        CalendarChangeNotified first = notified(headers);
        CalendarChangeNotified again = notified(headers);

        assertThat(first.messageNumber()).isEqualTo(1L);
        assertThat(first.eventId()).isEqualTo(again.eventId());
    }

    @Test
    void a_push_without_state_is_unreadable() {
        assertThat(GooglePush.parse(TestRequests.request(
                        IngressSource.GOOGLE, "demo", "", Map.of(GooglePush.CHANNEL_ID, "ch-1"), null)))
                .isInstanceOf(Parsed.Unreadable.class);
    }

    @Test
    void the_channel_token_is_verified_per_tenant_and_channel() {
        GoogleSource google = new GoogleSource();
        Map<String, String> headers = new LinkedHashMap<>(ProviderFixtures.headers("google/push-exists-1.txt"));
        String channel = headers.get("X-Goog-Channel-Id");
        headers.put(GooglePush.CHANNEL_TOKEN, ChannelTokens.tokenFor("push-secret", "demo", channel));

        assertThat(google.authenticates("demo", TENANT, HookHeaders.ofSingle(headers), null))
                .isTrue();
        assertThat(google.authenticates("other", TENANT, HookHeaders.ofSingle(headers), null))
                .isFalse();
        assertThat(google.authenticates("demo", TenantCredentials.NONE, HookHeaders.ofSingle(headers), null))
                .isFalse();
        headers.put(GooglePush.CHANNEL_TOKEN, "forged");
        assertThat(google.authenticates("demo", TENANT, HookHeaders.ofSingle(headers), null))
                .isFalse();
    }

    private static CalendarChangeNotified notified(Map<String, String> headers) {
        Parsed parsed = GooglePush.parse(TestRequests.request(IngressSource.GOOGLE, "demo", "", headers, null));
        return (CalendarChangeNotified)
                ((Parsed.Understood) parsed).records().get(0).record();
    }
}
