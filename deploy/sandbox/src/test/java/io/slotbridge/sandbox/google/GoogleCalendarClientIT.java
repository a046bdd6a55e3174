package io.slotbridge.sandbox.google;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.client.util.DateTime;
import com.google.api.services.calendar.Calendar;
import com.google.api.services.calendar.model.Channel;
import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.EventAttendee;
import com.google.api.services.calendar.model.EventDateTime;
import com.google.api.services.calendar.model.EventReminder;
import com.google.api.services.calendar.model.Events;
import io.slotbridge.contracts.ProviderFixtures;
import io.slotbridge.contracts.calendar.SlotIds;
import io.slotbridge.sandbox.SandboxIntegrationTest;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The official Google Calendar Java client, pointed at the sandbox, as calendar-connector uses it. */
class GoogleCalendarClientIT extends SandboxIntegrationTest {

    private Calendar google;
    private String calendarId;

    @BeforeEach
    void client() {
        google = new Calendar.Builder(
                        new NetHttpTransport(), GsonFactory.getDefaultInstance(), request -> request.getHeaders()
                                .setAuthorization("Bearer sandbox-admin"))
                .setRootUrl("http://localhost:" + port + "/google/")
                .setApplicationName("sandbox-it")
                .build();
        calendarId = unique("cal") + "@group.calendar.google.com";
        assertThat(json("POST", "/sandbox/google/calendars", null, "{\"id\":\"" + calendarId + "\"}")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void inserts_with_client_ids_are_idempotent_409_and_keep_every_field() throws IOException {
        String id = SlotIds.of("demo", "42", 1);
        Event inserted = google.events().insert(calendarId, slot(id, "10:00")).execute();

        assertThat(inserted.getId()).isEqualTo(id);
        assertThat(inserted.getStatus()).isEqualTo("confirmed");
        assertThat(inserted.getEtag()).isNotBlank();
        assertThat(inserted.getAttendees())
                .extracting(EventAttendee::getResponseStatus)
                .containsExactly("needsAction");
        assertThat(inserted.getReminders().getOverrides())
                .extracting(EventReminder::getMinutes)
                .containsExactly(15);
        assertThat(inserted.getExtendedProperties().getPrivate()).containsEntry("slotbridgeLead", "42");

        assertThatThrownBy(() ->
                        google.events().insert(calendarId, slot(id, "11:00")).execute())
                .isInstanceOfSatisfying(GoogleJsonResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(409);
                    assertThat(e.getDetails().getErrors().get(0).getReason()).isEqualTo("duplicate");
                });
        assertThatThrownBy(() -> google.events()
                        .insert(calendarId, slot("BAD-id!", "11:00"))
                        .execute())
                .isInstanceOfSatisfying(GoogleJsonResponseException.class, e -> assertThat(e.getStatusCode())
                        .isEqualTo(400));

        Event read = google.events().get(calendarId, id).execute();
        assertThat(read.getSummary()).isEqualTo("Встреча с Анной (категория B), 10:00 мск, (Паша)");
        assertThat(read.getStart().getDateTime().getValue())
                .isEqualTo(inserted.getStart().getDateTime().getValue());
    }

    @Test
    void patch_with_a_stale_etag_is_412_and_with_the_current_one_paints_the_slot() throws IOException {
        String id = SlotIds.of("demo", "43", 1);
        Event inserted = google.events().insert(calendarId, slot(id, "12:00")).execute();

        Calendar.Events.Patch paint = google.events().patch(calendarId, id, new Event().setColorId("5"));
        paint.getRequestHeaders().setIfMatch(inserted.getEtag());
        Event painted = paint.execute();
        assertThat(painted.getColorId()).isEqualTo("5");
        assertThat(painted.getEtag()).isNotEqualTo(inserted.getEtag());
        // Objects merge on PATCH: the extended properties written at insert are still there.
        assertThat(painted.getExtendedProperties().getPrivate()).containsEntry("slotbridgeLead", "43");

        Calendar.Events.Patch stale = google.events().patch(calendarId, id, new Event().setColorId("11"));
        stale.getRequestHeaders().setIfMatch(inserted.getEtag());
        assertThatThrownBy(stale::execute)
                .isInstanceOfSatisfying(GoogleJsonResponseException.class, e -> assertThat(e.getStatusCode())
                        .isEqualTo(412));

        Calendar.Events.Update update = google.events().update(calendarId, id, painted.setSummary("Перенесено"));
        update.getRequestHeaders().setIfMatch(painted.getEtag());
        assertThat(update.execute().getSummary()).isEqualTo("Перенесено");
    }

    @Test
    void sync_tokens_return_only_changes_including_cancelled_events_and_410_once_invalidated() throws IOException {
        for (int i = 0; i < 3; i++) {
            google.events()
                    .insert(calendarId, slot(SlotIds.of("demo", "s" + i, 1), "1" + i + ":00"))
                    .execute();
        }
        Events firstPage = google.events().list(calendarId).setMaxResults(2).execute();
        assertThat(firstPage.getItems()).hasSize(2);
        assertThat(firstPage.getNextPageToken()).isNotNull();
        assertThat(firstPage.getNextSyncToken()).isNull();
        Events secondPage = google.events()
                .list(calendarId)
                .setMaxResults(2)
                .setPageToken(firstPage.getNextPageToken())
                .execute();
        assertThat(secondPage.getItems()).hasSize(1);
        String syncToken = secondPage.getNextSyncToken();
        assertThat(syncToken).isNotNull();

        Events nothing =
                google.events().list(calendarId).setSyncToken(syncToken).execute();
        assertThat(nothing.getItems()).isEmpty();

        String deleted = SlotIds.of("demo", "s0", 1);
        google.events().delete(calendarId, deleted).execute();
        Events changes = google.events()
                .list(calendarId)
                .setSyncToken(nothing.getNextSyncToken())
                .execute();
        assertThat(changes.getItems()).extracting(Event::getId).containsExactly(deleted);
        assertThat(changes.getItems().get(0).getStatus()).isEqualTo("cancelled");

        assertThat(google.events().list(calendarId).execute().getItems()).hasSize(2);
        assertThat(google.events()
                        .list(calendarId)
                        .setShowDeleted(true)
                        .execute()
                        .getItems())
                .hasSize(3);
        assertThatThrownBy(() -> google.events().delete(calendarId, deleted).execute())
                .isInstanceOfSatisfying(GoogleJsonResponseException.class, e -> assertThat(e.getStatusCode())
                        .isEqualTo(410));
        // A cancelled slot comes back by setting its status again.
        assertThat(google.events()
                        .patch(calendarId, deleted, new Event().setStatus("confirmed"))
                        .execute()
                        .getStatus())
                .isEqualTo("confirmed");

        call("POST", "/sandbox/google/calendars/" + calendarId + "/invalidate-sync-tokens", null, null, null);
        assertThatThrownBy(() -> google.events()
                        .list(calendarId)
                        .setSyncToken(changes.getNextSyncToken())
                        .execute())
                .isInstanceOfSatisfying(GoogleJsonResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(410);
                    assertThat(e.getDetails().getErrors().get(0).getReason()).isEqualTo("fullSyncRequired");
                });
        assertThatThrownBy(() ->
                        google.events().list(calendarId).setSyncToken("garbage").execute())
                .isInstanceOfSatisfying(GoogleJsonResponseException.class, e -> assertThat(e.getStatusCode())
                        .isEqualTo(410));
    }

    @Test
    void watch_channels_push_sync_then_exists_with_growing_message_numbers_until_stopped() throws IOException {
        String hook = "/hooks/google/" + calendarId.substring(0, 11);
        Channel channel = google.events()
                .watch(
                        calendarId,
                        new Channel()
                                .setId(unique("channel-"))
                                .setType("web_hook")
                                .setAddress(receiverUrl(hook))
                                .setToken("tenant=demo&sig=abc")
                                .setParams(Map.of("ttl", "3600")))
                .execute();
        assertThat(channel.getResourceId()).isNotBlank();
        assertThat(channel.getExpiration()).isGreaterThan(System.currentTimeMillis());

        google.events()
                .insert(calendarId, slot(SlotIds.of("demo", "w", 1), "15:00"))
                .execute();

        List<LoggedRequest> pushes = awaitPushes(hook, 2);
        LoggedRequest sync = pushes.get(0);
        LoggedRequest exists = pushes.get(1);
        assertThat(sync.getHeader("X-Goog-Resource-State")).isEqualTo("sync");
        assertThat(exists.getHeader("X-Goog-Resource-State")).isEqualTo("exists");
        assertThat(Long.parseLong(exists.getHeader("X-Goog-Message-Number")))
                .isGreaterThan(Long.parseLong(sync.getHeader("X-Goog-Message-Number")));
        assertThat(exists.getHeader("X-Goog-Channel-ID")).isEqualTo(channel.getId());
        assertThat(exists.getHeader("X-Goog-Channel-Token")).isEqualTo("tenant=demo&sig=abc");
        assertThat(exists.getHeader("X-Goog-Resource-ID")).isEqualTo(channel.getResourceId());
        assertThat(exists.getBodyAsString()).isEmpty();
        // Same header set as the real capture in the contracts fixtures.
        for (String header :
                ProviderFixtures.headers("google/push-exists-1.txt").keySet()) {
            if (header.startsWith("X-Goog")) {
                assertThat(exists.containsHeader(header)).as(header).isTrue();
            }
        }

        google.channels()
                .stop(new Channel().setId(channel.getId()).setResourceId(channel.getResourceId()))
                .execute();
        google.events()
                .insert(calendarId, slot(SlotIds.of("demo", "w", 2), "16:00"))
                .execute();
        await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3)).untilAsserted(() -> assertThat(
                        receiver.findAll(postRequestedFor(urlEqualTo(hook))))
                .hasSize(2));
    }

    @Test
    void batch_requests_run_every_call_and_answer_each_in_order() throws IOException {
        String existing = SlotIds.of("demo", "b0", 1);
        google.events().insert(calendarId, slot(existing, "09:00")).execute();
        List<String> outcomes = new java.util.ArrayList<>();
        com.google.api.client.googleapis.batch.BatchRequest batch = google.batch();
        com.google.api.client.googleapis.batch.json.JsonBatchCallback<Event> callback =
                new com.google.api.client.googleapis.batch.json.JsonBatchCallback<>() {
                    @Override
                    public void onSuccess(Event event, com.google.api.client.http.HttpHeaders headers) {
                        outcomes.add("ok " + event.getId() + " " + event.getColorId());
                    }

                    @Override
                    public void onFailure(
                            com.google.api.client.googleapis.json.GoogleJsonError error,
                            com.google.api.client.http.HttpHeaders headers) {
                        outcomes.add("failed " + error.getCode() + " "
                                + error.getErrors().get(0).getReason());
                    }
                };
        google.events()
                .insert(calendarId, slot(SlotIds.of("demo", "b1", 1), "10:00"))
                .queue(batch, callback);
        google.events().insert(calendarId, slot(existing, "11:00")).queue(batch, callback);
        google.events()
                .patch(calendarId, existing, new Event().setColorId("10"))
                .queue(batch, callback);
        batch.execute();

        assertThat(outcomes)
                .containsExactly(
                        "ok " + SlotIds.of("demo", "b1", 1) + " null",
                        "failed 409 duplicate",
                        "ok " + existing + " 10");
        assertThat(google.events().get(calendarId, existing).execute().getColorId())
                .isEqualTo("10");
    }

    @Test
    void colors_list_the_event_palette() throws IOException {
        var colors = google.colors().get().execute();
        assertThat(colors.getEvent()).containsKeys("3", "5", "8", "10", "11");
        assertThat(colors.getEvent().get("11").getBackground()).isEqualTo("#dc2127");
    }

    @Test
    void rate_limit_fault_answers_google_usage_limits_403() throws IOException {
        json("PUT", "/sandbox/faults/google", null, "{\"errorRatio\":1.0,\"errorStatus\":403}");
        try {
            assertThatThrownBy(() -> google.events().list(calendarId).execute())
                    .isInstanceOfSatisfying(GoogleJsonResponseException.class, e -> {
                        assertThat(e.getStatusCode()).isEqualTo(403);
                        assertThat(e.getDetails().getErrors().get(0).getDomain())
                                .isEqualTo("usageLimits");
                        assertThat(e.getDetails().getErrors().get(0).getReason())
                                .isEqualTo("rateLimitExceeded");
                    });
        } finally {
            call("DELETE", "/sandbox/faults/google", null, null, null);
        }
        assertThat(google.events().list(calendarId).execute().getItems()).isEmpty();
    }

    private List<LoggedRequest> awaitPushes(String hook, int count) {
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(receiver.findAll(postRequestedFor(urlEqualTo(hook))))
                        .hasSizeGreaterThanOrEqualTo(count));
        return receiver.findAll(postRequestedFor(urlEqualTo(hook)));
    }

    private static Event slot(String id, String time) {
        return new Event()
                .setId(id)
                .setSummary("Встреча с Анной (категория B), " + time + " мск, (Паша)")
                .setDescription("http://localhost:8070/amocrm/demo/leads/detail/42\nЦель: английский")
                .setStart(new EventDateTime()
                        .setDateTime(new DateTime("2026-03-03T" + time + ":00+03:00"))
                        .setTimeZone("Europe/Moscow"))
                .setEnd(new EventDateTime()
                        .setDateTime(new DateTime("2026-03-03T" + time.replace(":00", ":59") + ":00+03:00")))
                .setAttendees(List.of(new EventAttendee().setEmail("pasha@demo.example")))
                .setReminders(new Event.Reminders()
                        .setUseDefault(false)
                        .setOverrides(
                                List.of(new EventReminder().setMethod("popup").setMinutes(15))))
                .setExtendedProperties(new Event.ExtendedProperties()
                        .setPrivate(Map.of(
                                "slotbridgeTenant", "demo", "slotbridgeLead", id.startsWith("sb") ? leadOf(id) : "0")));
    }

    private static String leadOf(String id) {
        for (String lead : List.of("42", "43")) {
            if (SlotIds.of("demo", lead, 1).equals(id)) {
                return lead;
            }
        }
        return "0";
    }
}
