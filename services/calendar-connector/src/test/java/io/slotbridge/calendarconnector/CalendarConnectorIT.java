package io.slotbridge.calendarconnector;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.slotbridge.calendarconnector.channel.WatchChannel;
import io.slotbridge.calendarconnector.channel.WatchChannels;
import io.slotbridge.calendarconnector.command.CommandExecutor;
import io.slotbridge.calendarconnector.google.GoogleFailure;
import io.slotbridge.calendarconnector.google.GoogleGrantRepository;
import io.slotbridge.calendarconnector.ops.OpsReporter;
import io.slotbridge.calendarconnector.sync.CalendarSync;
import io.slotbridge.calendarconnector.sync.SyncStateRepository;
import io.slotbridge.contracts.CloudEvents;
import io.slotbridge.contracts.CommandOutcome;
import io.slotbridge.contracts.ContractJson;
import io.slotbridge.contracts.ContractSchemas;
import io.slotbridge.contracts.RejectionCode;
import io.slotbridge.contracts.TopicSpec;
import io.slotbridge.contracts.Topics;
import io.slotbridge.contracts.calendar.CalendarChangeNotified;
import io.slotbridge.contracts.calendar.CalendarCommandApplied;
import io.slotbridge.contracts.calendar.CalendarCommandRejected;
import io.slotbridge.contracts.calendar.CalendarCommandResult;
import io.slotbridge.contracts.calendar.CreateSlot;
import io.slotbridge.contracts.calendar.PaintSlot;
import io.slotbridge.contracts.calendar.RestoreSlot;
import io.slotbridge.contracts.calendar.SlotIds;
import io.slotbridge.contracts.calendar.SlotSnapshotted;
import io.slotbridge.contracts.calendar.SlotStatus;
import io.slotbridge.contracts.ops.ConnectionStatusReported;
import io.slotbridge.platform.admin.AdminAccess;
import io.slotbridge.platform.crypto.ChannelTokens;
import io.slotbridge.platform.kafka.PlatformKafkaAutoConfiguration;
import io.slotbridge.platform.test.EmbeddedInfra;
import io.slotbridge.platform.test.KafkaProbe;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The connector against real embedded Kafka and PostgreSQL, with WireMock answering as Google Calendar does. Every test
 * has its own tenant and calendar (calendar-connector-it.yml), so they share one Spring context.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=calendar-connector,calendar-connector-it")
@EmbeddedInfra
class CalendarConnectorIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ADMIN_TOKEN = "it-admin-token-0123456789";

    private final WireMockServer google = GoogleApi.server();
    private final KafkaProbe kafka = KafkaProbe.shared();
    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    WatchChannels channels;

    @Autowired
    CalendarSync sync;

    @Autowired
    SyncStateRepository syncStates;

    @Autowired
    GoogleGrantRepository grants;

    @Autowired
    AdminAccess adminAccess;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CommandExecutor commands;

    @Autowired
    OpsReporter reporter;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void google(DynamicPropertyRegistry registry) {
        registry.add("google.root-url", GoogleApi::rootUrl);
    }

    @Test
    void a_notification_runs_an_incremental_sync_that_publishes_one_snapshot_per_changed_slot_of_a_lead() {
        String calendar = "notify@group.calendar.google.com";
        stubWatch(calendar);
        WatchChannel channel = channels.ensure("t-notify", false);
        String events = GoogleApi.eventsPath(calendar);
        google.stubFor(get(urlPathMatching(events))
                .withQueryParam("syncToken", absent())
                .withQueryParam("pageToken", absent())
                .willReturn(okJson(GoogleApi.eventsPage(
                        calendar,
                        List.of(
                                GoogleApi.event("sbnotify501").linkedTo("t-notify", "501", 1, null),
                                GoogleApi.event("personalevent1").summary("Обед")),
                        "page-2",
                        null))));
        google.stubFor(get(urlPathMatching(events))
                .withQueryParam("pageToken", equalTo("page-2"))
                .willReturn(okJson(GoogleApi.eventsPage(
                        calendar,
                        List.of(GoogleApi.event("handmade502")
                                .description(
                                        "Карточка: https://t-notify.amocrm.ru/leads/detail/502\nЦель: пробный урок")
                                .attendee("pasha@demo.example", "accepted")),
                        null,
                        "sync-1"))));
        google.stubFor(get(urlPathMatching(events))
                .withQueryParam("syncToken", equalTo("sync-1"))
                .willReturn(okJson(GoogleApi.eventsPage(
                        calendar,
                        List.of(GoogleApi.event("sbnotify501")
                                .linkedTo("t-notify", "501", 1, null)
                                .etag("\"3181161784719999\"")
                                .color("5")),
                        null,
                        "sync-2"))));

        kafka.publish(Topics.CALENDAR_NOTIFICATIONS, notification("t-notify", channel.channelId(), "sync", 1));
        List<SlotSnapshotted> afterFirst = snapshots("t-notify", 2);
        kafka.publish(Topics.CALENDAR_NOTIFICATIONS, notification("t-notify", channel.channelId(), "exists", 2));
        List<SlotSnapshotted> all = snapshots("t-notify", 3);

        assertThat(afterFirst).extracting(SlotSnapshotted::leadId).containsExactlyInAnyOrder("501", "502");
        SlotSnapshotted handmade = afterFirst.stream()
                .filter(s -> s.leadId().equals("502"))
                .findFirst()
                .orElseThrow();
        assertThat(handmade.slotId()).isEqualTo("handmade502");
        assertThat(handmade.meetingNumber()).isNull();
        assertThat(handmade.attendees())
                .extracting(a -> a.email() + ":" + a.responseStatus())
                .containsExactly("pasha@demo.example:accepted");
        assertThat(handmade.start()).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
        assertThat(handmade.timeZone()).isEqualTo("Europe/Moscow");
        assertThat(handmade.reminderMinutes()).isEqualTo(15);
        assertThat(all).hasSize(3);
        List<SlotSnapshotted> lead501 = all.stream()
                .filter(s -> s.leadId().equals("501"))
                .sorted(java.util.Comparator.comparing(SlotSnapshotted::occurredAt))
                .toList();
        assertThat(lead501).hasSize(2);
        SlotSnapshotted repainted = lead501.get(1);
        assertThat(repainted.meetingNumber()).isEqualTo(1);
        assertThat(repainted.colorId()).isEqualTo("5");
        assertThat(repainted.ownWrite()).isFalse();
        google.verify(getRequestedFor(urlPathMatching(events))
                .withQueryParam("syncToken", equalTo("sync-1"))
                .withQueryParam("showDeleted", equalTo("true"))
                .withoutQueryParam("timeMin"));
        assertThat(syncStates.token("t-notify", calendar)).contains("sync-2");
    }

    @Test
    void an_expired_sync_token_runs_a_full_sync_without_publishing_unchanged_slots_again() {
        String calendar = "resync@group.calendar.google.com";
        String events = GoogleApi.eventsPath(calendar);
        google.stubFor(get(urlPathMatching(events))
                .withQueryParam("syncToken", absent())
                .willReturn(okJson(GoogleApi.eventsPage(
                        calendar,
                        List.of(
                                GoogleApi.event("sbresync601").linkedTo("t-resync", "601", 1, null),
                                GoogleApi.event("sbresync602").linkedTo("t-resync", "602", 1, null)),
                        null,
                        "resync-1"))));
        sync.run("t-resync", "test");
        assertThat(snapshots("t-resync", 2)).hasSize(2);

        google.stubFor(get(urlPathMatching(events))
                .withQueryParam("syncToken", equalTo("resync-1"))
                .willReturn(aResponse()
                        .withStatus(410)
                        .withHeader("Content-Type", "application/json")
                        .withBody(GoogleApi.error("error-410-full-sync-required.json"))));
        google.stubFor(get(urlPathMatching(events))
                .withQueryParam("syncToken", absent())
                .willReturn(okJson(GoogleApi.eventsPage(
                        calendar,
                        List.of(
                                GoogleApi.event("sbresync601").linkedTo("t-resync", "601", 1, null),
                                GoogleApi.event("sbresync602")
                                        .linkedTo("t-resync", "602", 1, null)
                                        .etag("\"3181161784720001\"")
                                        .time("2026-11-26T15:00:00+03:00", "2026-11-26T16:00:00+03:00")),
                        null,
                        "resync-2"))));
        sync.run("t-resync", "test");

        List<SlotSnapshotted> all = allSnapshots("t-resync");
        assertThat(all).hasSize(3);
        assertThat(all.get(2).leadId()).isEqualTo("602");
        assertThat(all.get(2).start()).isEqualTo(Instant.parse("2026-11-26T12:00:00Z"));
        assertThat(syncStates.token("t-resync", calendar)).contains("resync-2");
    }

    @Test
    void creating_the_same_slot_twice_makes_one_event_and_answers_the_second_already_applied() {
        String calendar = "create@group.calendar.google.com";
        CreateSlot first = createSlot("t-create", calendar, "901", "create-1-" + UUID.randomUUID());
        CreateSlot again = createSlot("t-create", calendar, "901", "create-2-" + UUID.randomUUID());
        String created = GoogleApi.event(first.slotId())
                .linkedTo("t-create", "901", 1, first.commandId())
                .etag("\"3181161784730000\"")
                .json();
        google.stubFor(post(urlPathMatching(GoogleApi.eventsPath(calendar)))
                .inScenario("insert once")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(created))
                .willSetStateTo("exists"));
        google.stubFor(post(urlPathMatching(GoogleApi.eventsPath(calendar)))
                .inScenario("insert once")
                .whenScenarioStateIs("exists")
                .willReturn(aResponse()
                        .withStatus(409)
                        .withHeader("Content-Type", "application/json")
                        .withBody(GoogleApi.error("error-409-duplicate.json"))));
        google.stubFor(get(urlPathMatching(GoogleApi.eventPath(calendar, first.slotId())))
                .willReturn(okJson(created)));

        kafka.publish(Topics.CALENDAR_COMMANDS, first);
        CalendarCommandResult firstResult = result(first.commandId());
        kafka.publish(Topics.CALENDAR_COMMANDS, again);
        CalendarCommandResult againResult = result(again.commandId());
        kafka.publish(Topics.CALENDAR_COMMANDS, first); // a redelivery: answered from the ledger
        List<CalendarCommandResult> firstAnswers = results(first.commandId(), 2);

        assertThat(firstResult).isInstanceOfSatisfying(CalendarCommandApplied.class, applied -> {
            assertThat(applied.outcome()).isEqualTo(CommandOutcome.APPLIED);
            assertThat(applied.etag()).isEqualTo("\"3181161784730000\"");
        });
        assertThat(againResult)
                .isInstanceOfSatisfying(CalendarCommandApplied.class, applied -> assertThat(applied.outcome())
                        .isEqualTo(CommandOutcome.ALREADY_APPLIED));
        assertThat(firstAnswers).extracting(CalendarCommandResult::eventId).containsOnly(firstResult.eventId());
        google.verify(
                2,
                postRequestedFor(urlPathMatching(GoogleApi.eventsPath(calendar)))
                        .withRequestBody(matchingJsonPath("$.id", equalTo(first.slotId()))));
    }

    @Test
    void our_own_write_is_flagged_and_a_persons_later_change_is_not() {
        String calendar = "own@group.calendar.google.com";
        CreateSlot create = createSlot("t-own", calendar, "951", "own-" + UUID.randomUUID());
        GoogleApi.Event asWritten = GoogleApi.event(create.slotId())
                .linkedTo("t-own", "951", 1, create.commandId())
                .etag("\"3181161784740000\"");
        google.stubFor(post(urlPathMatching(GoogleApi.eventsPath(calendar))).willReturn(okJson(asWritten.json())));

        kafka.publish(Topics.CALENDAR_COMMANDS, create);
        assertThat(result(create.commandId())).isInstanceOf(CalendarCommandApplied.class);
        stubFullSync(calendar, List.of(asWritten), "own-1");
        sync.run("t-own", "test"); // reads our own write back: nothing new to say
        GoogleApi.Event repaintedByPerson = GoogleApi.event(create.slotId())
                .linkedTo("t-own", "951", 1, create.commandId())
                .etag("\"3181161784740077\"")
                .color("11");
        google.stubFor(get(urlPathMatching(GoogleApi.eventsPath(calendar)))
                .withQueryParam("syncToken", equalTo("own-1"))
                .willReturn(okJson(GoogleApi.eventsPage(calendar, List.of(repaintedByPerson), null, "own-2"))));
        sync.run("t-own", "test");

        List<SlotSnapshotted> all = allSnapshots("t-own");
        assertThat(all).hasSize(2);
        assertThat(all.get(0).ownWrite()).isTrue();
        assertThat(all.get(0).writtenByCommandId()).isEqualTo(create.commandId());
        assertThat(all.get(1).colorId()).isEqualTo("11");
        assertThat(all.get(1).ownWrite()).isFalse();
        assertThat(all.get(1).writtenByCommandId()).isNull();
    }

    @Test
    void painting_updates_the_slot_with_if_match_and_appends_the_reason_line() {
        String calendar = "paint@group.calendar.google.com";
        String slotId = SlotIds.of("t-paint", "701", 1);
        GoogleApi.Event seen = GoogleApi.event(slotId)
                .linkedTo("t-paint", "701", 1, null)
                .description("Карточка: https://t-paint.amocrm.ru/leads/detail/701")
                .etag("\"g1\"");
        stubFullSync(calendar, List.of(seen), "paint-1");
        sync.run("t-paint", "test");
        PaintSlot paint = paint("t-paint", calendar, "701", slotId, "11", "Отменена: клиент отказался", null);
        google.stubFor(
                get(urlPathMatching(GoogleApi.eventPath(calendar, slotId))).willReturn(okJson(seen.json())));
        google.stubFor(put(urlPathMatching(GoogleApi.eventPath(calendar, slotId)))
                .willReturn(okJson(GoogleApi.event(slotId)
                        .linkedTo("t-paint", "701", 1, paint.commandId())
                        .description("Карточка: https://t-paint.amocrm.ru/leads/detail/701\nОтменена: клиент отказался")
                        .color("11")
                        .etag("\"g2\"")
                        .json())));

        kafka.publish(Topics.CALENDAR_COMMANDS, paint);

        assertThat(result(paint.commandId())).isInstanceOfSatisfying(CalendarCommandApplied.class, applied -> {
            assertThat(applied.outcome()).isEqualTo(CommandOutcome.APPLIED);
            assertThat(applied.etag()).isEqualTo("\"g2\"");
        });
        google.verify(putRequestedFor(urlPathMatching(GoogleApi.eventPath(calendar, slotId)))
                .withHeader("If-Match", equalTo("\"g1\""))
                .withQueryParam("sendUpdates", equalTo("none"))
                .withRequestBody(matchingJsonPath("$.colorId", equalTo("11")))
                .withRequestBody(matchingJsonPath(
                        "$.description",
                        equalTo("Карточка: https://t-paint.amocrm.ru/leads/detail/701\nОтменена: клиент отказался")))
                .withRequestBody(matchingJsonPath("$.extendedProperties.private.slotbridgeLead", equalTo("701")))
                .withRequestBody(matchingJsonPath(
                        "$.extendedProperties.private.slotbridgeCommand", equalTo(paint.commandId()))));
        List<SlotSnapshotted> all = snapshots("t-paint", 2);
        assertThat(all.get(1).ownWrite()).isTrue();
        assertThat(all.get(1).colorId()).isEqualTo("11");
    }

    @Test
    void a_precondition_failure_answers_conflict_and_publishes_a_fresh_snapshot() {
        String calendar = "conflict@group.calendar.google.com";
        String slotId = SlotIds.of("t-conflict", "801", 1);
        GoogleApi.Event seen =
                GoogleApi.event(slotId).linkedTo("t-conflict", "801", 1, null).etag("\"f1\"");
        stubFullSync(calendar, List.of(seen), "conflict-1");
        sync.run("t-conflict", "test");
        String eventPath = GoogleApi.eventPath(calendar, slotId);
        google.stubFor(get(urlPathMatching(eventPath))
                .inScenario("person edits")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(seen.json()))
                .willSetStateTo("edited"));
        google.stubFor(get(urlPathMatching(eventPath))
                .inScenario("person edits")
                .whenScenarioStateIs("edited")
                .willReturn(okJson(GoogleApi.event(slotId)
                        .linkedTo("t-conflict", "801", 1, null)
                        .color("5")
                        .etag("\"f2\"")
                        .json())));
        google.stubFor(put(urlPathMatching(eventPath))
                .willReturn(aResponse()
                        .withStatus(412)
                        .withHeader("Content-Type", "application/json")
                        .withBody(GoogleApi.error("error-412-condition-not-met.json"))));
        PaintSlot paint = paint("t-conflict", calendar, "801", slotId, "11", "Отменена", "\"f1\"");

        kafka.publish(Topics.CALENDAR_COMMANDS, paint);

        assertThat(result(paint.commandId())).isInstanceOfSatisfying(CalendarCommandRejected.class, rejected -> {
            assertThat(rejected.code()).isEqualTo(RejectionCode.CONFLICT);
            assertThat(rejected.httpStatus()).isEqualTo(412);
        });
        List<SlotSnapshotted> all = snapshots("t-conflict", 2);
        assertThat(all.get(1).etag()).isEqualTo("\"f2\"");
        assertThat(all.get(1).colorId()).isEqualTo("5");
        assertThat(all.get(1).causationId()).isEqualTo(paint.commandId());
        google.verify(1, putRequestedFor(urlPathMatching(eventPath)).withHeader("If-Match", equalTo("\"f1\"")));
    }

    @Test
    void unreadable_commands_and_commands_of_unknown_tenants_go_to_the_dead_letter_topic() {
        String garbage = "{\"type\":\"slot.create\",\"commandId\":" + UUID.randomUUID() + "}";
        CreateSlot stranger =
                createSlot("t-nobody", "nobody@group.calendar.google.com", "1", "stranger-" + UUID.randomUUID());

        kafka.sendRaw(Topics.CALENDAR_COMMANDS.name(), "t-x:1", garbage.getBytes(StandardCharsets.UTF_8), Map.of());
        kafka.publish(Topics.CALENDAR_COMMANDS, stranger);

        List<ConsumerRecord<String, byte[]>> dead = kafka.read(
                Topics.CALENDAR_COMMANDS.dlt(),
                WAIT,
                seen -> seen.stream().anyMatch(r -> body(r).equals(garbage))
                        && seen.stream().anyMatch(r -> body(r).contains(stranger.commandId())));
        ConsumerRecord<String, byte[]> unknownTenant = dead.stream()
                .filter(r -> body(r).contains(stranger.commandId()))
                .findFirst()
                .orElseThrow();
        assertThat(KafkaProbe.header(unknownTenant, PlatformKafkaAutoConfiguration.REASON_HEADER))
                .contains("t-nobody");
        assertThat(dead).anyMatch(r -> body(r).equals(garbage));
    }

    @Test
    void the_admin_api_needs_the_admin_token_and_opens_a_verifiable_watch_channel() throws Exception {
        String calendar = "admin@group.calendar.google.com";
        stubWatch(calendar);

        HttpResponse<String> anonymous = send(
                HttpRequest.newBuilder(uri("/admin/tenants/t-admin/status")).GET());
        HttpResponse<String> watch = send(HttpRequest.newBuilder(uri("/admin/tenants/t-admin/watch"))
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .POST(HttpRequest.BodyPublishers.noBody()));
        HttpResponse<String> status = send(HttpRequest.newBuilder(uri("/admin/tenants/t-admin/status"))
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .GET());
        HttpResponse<String> validation = send(HttpRequest.newBuilder(uri("/admin/tenants/t-admin/validation"))
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .GET());
        HttpResponse<String> unknown = send(HttpRequest.newBuilder(uri("/admin/tenants/t-ghost/status"))
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .GET());

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(watch.statusCode()).isEqualTo(200);
        String channelId =
                ContractJson.mapper().readTree(watch.body()).get("channelId").asText();
        google.verify(postRequestedFor(urlPathMatching(GoogleApi.eventsPath(calendar) + "/watch"))
                .withRequestBody(matchingJsonPath("$.id", equalTo(channelId)))
                .withRequestBody(matchingJsonPath("$.type", equalTo("web_hook")))
                .withRequestBody(
                        matchingJsonPath("$.address", equalTo("https://gateway.example.test/hooks/google/t-admin")))
                .withRequestBody(matchingJsonPath(
                        "$.token", equalTo(ChannelTokens.tokenFor("t-admin-push-secret", "t-admin", channelId))))
                .withRequestBody(matchingJsonPath("$.params.ttl", equalTo("604800"))));
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).contains("\"channelId\":\"" + channelId + "\"");
        assertThat(validation.body()).contains("crm.card-url-template");
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    @Test
    void oauth_connect_sends_the_admin_to_consent_and_stores_the_refresh_token_encrypted() throws Exception {
        String calendar = "oauth@group.calendar.google.com";
        stubWatch(calendar);
        google.stubFor(post(urlPathEqualTo("/token"))
                .withRequestBody(containing("grant_type=authorization_code"))
                .willReturn(okJson("{\"access_token\":\"ya29.from-code\",\"expires_in\":3599,"
                        + "\"refresh_token\":\"1//it-refresh-token\",\"scope\":"
                        + "\"https://www.googleapis.com/auth/calendar.events\",\"token_type\":\"Bearer\"}")));
        google.stubFor(post(urlPathEqualTo("/token"))
                .withRequestBody(containing("grant_type=refresh_token"))
                .willReturn(okJson("{\"access_token\":\"ya29.refreshed\",\"expires_in\":3599,"
                        + "\"scope\":\"https://www.googleapis.com/auth/calendar.events\",\"token_type\":\"Bearer\"}")));
        String ticket = adminAccess.issueTicket("connect-google", "t-oauth", Duration.ofMinutes(5));

        HttpResponse<String> forged = send(HttpRequest.newBuilder(uri("/connect/google/t-oauth?ticket=1.forged"))
                .GET());
        HttpResponse<String> connect = send(HttpRequest.newBuilder(uri("/connect/google/t-oauth?ticket=" + ticket))
                .GET());
        URI consent = URI.create(connect.headers().firstValue("Location").orElseThrow());
        Map<String, String> query = query(consent);
        HttpResponse<String> callback = send(HttpRequest.newBuilder(
                        uri("/connect/google/t-oauth/callback?code=4/it-auth-code&state=" + query.get("state")))
                .GET());
        HttpResponse<String> replay = send(HttpRequest.newBuilder(
                        uri("/connect/google/t-oauth/callback?code=4/it-auth-code&state=" + query.get("state")))
                .GET());

        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(connect.statusCode()).isEqualTo(302);
        assertThat(consent.toString()).startsWith(GoogleApi.rootUrl() + "o/oauth2/v2/auth");
        assertThat(query)
                .containsEntry("client_id", "it-client.apps.googleusercontent.com")
                .containsEntry("access_type", "offline")
                .containsEntry("code_challenge_method", "S256")
                .containsKey("code_challenge");
        assertThat(callback.statusCode()).isEqualTo(200);
        assertThat(replay.statusCode()).isEqualTo(401);
        String stored =
                jdbc.queryForObject("select refresh_token from google_grant where tenant = 't-oauth'", String.class);
        assertThat(stored).startsWith("sb1:").doesNotContain("it-refresh-token");
        assertThat(grants.refreshToken("t-oauth")).contains("1//it-refresh-token");
        google.verify(postRequestedFor(urlPathEqualTo("/token"))
                .withRequestBody(containing("code_verifier="))
                .withRequestBody(containing("grant_type=authorization_code")));
        google.verify(postRequestedFor(urlPathMatching(GoogleApi.eventsPath(calendar) + "/watch"))
                .withHeader("Authorization", equalTo("Bearer ya29.refreshed")));
    }

    @Test
    void commands_pending_for_one_calendar_go_to_google_as_one_batch_request() {
        String calendar = "batch@group.calendar.google.com";
        CreateSlot first = createSlot("t-batch", calendar, "1101", "batch-1-" + UUID.randomUUID());
        CreateSlot second = createSlot("t-batch", calendar, "1102", "batch-2-" + UUID.randomUUID());
        google.stubFor(post(urlPathEqualTo("/batch/calendar/v3"))
                .withRequestBody(containing(first.slotId()))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "multipart/mixed; boundary=" + GoogleApi.BATCH_BOUNDARY)
                        .withBody(GoogleApi.batchResponse(List.of(
                                new GoogleApi.Part(
                                        200,
                                        "OK",
                                        GoogleApi.event(first.slotId())
                                                .linkedTo("t-batch", "1101", 1, first.commandId())
                                                .etag("\"b1\"")
                                                .json()),
                                new GoogleApi.Part(409, "Conflict", GoogleApi.error("error-409-duplicate.json")))))));
        google.stubFor(get(urlPathMatching(GoogleApi.eventPath(calendar, second.slotId())))
                .willReturn(okJson(GoogleApi.event(second.slotId())
                        .linkedTo("t-batch", "1102", 1, "an-earlier-attempt")
                        .etag("\"b2\"")
                        .json())));

        commands.execute(List.of(first, second));

        assertThat(result(first.commandId()))
                .isInstanceOfSatisfying(CalendarCommandApplied.class, applied -> assertThat(applied.outcome())
                        .isEqualTo(CommandOutcome.APPLIED));
        assertThat(result(second.commandId())).isInstanceOfSatisfying(CalendarCommandApplied.class, applied -> {
            assertThat(applied.outcome()).isEqualTo(CommandOutcome.ALREADY_APPLIED);
            assertThat(applied.etag()).isEqualTo("\"b2\"");
        });
        google.verify(
                1,
                postRequestedFor(urlPathEqualTo("/batch/calendar/v3"))
                        .withRequestBody(containing(first.slotId()))
                        .withRequestBody(containing(second.slotId())));
        google.verify(0, postRequestedFor(urlPathMatching(GoogleApi.eventsPath(calendar))));
    }

    @Test
    void a_deleted_slot_is_snapshotted_cancelled_and_a_restore_brings_it_back_confirmed() throws Exception {
        String calendar = "restore@group.calendar.google.com";
        String slotId = SlotIds.of("t-restore", "1201", 1);
        stubFullSync(
                calendar,
                List.of(GoogleApi.event(slotId)
                        .linkedTo("t-restore", "1201", 1, null)
                        .etag("\"r1\"")),
                "restore-1");
        sync.run("t-restore", "test");
        google.stubFor(get(urlPathMatching(GoogleApi.eventsPath(calendar)))
                .withQueryParam("syncToken", equalTo("restore-1"))
                .willReturn(okJson(GoogleApi.eventsPage(
                        calendar, List.of(GoogleApi.Event.deleted(slotId).etag("\"r2\"")), null, "restore-2"))));
        sync.run("t-restore", "test");
        google.stubFor(get(urlPathMatching(GoogleApi.eventPath(calendar, slotId)))
                .willReturn(okJson(GoogleApi.event(slotId)
                        .linkedTo("t-restore", "1201", 1, null)
                        .status("cancelled")
                        .etag("\"r2\"")
                        .json())));
        RestoreSlot restore = new RestoreSlot(
                "restore-" + UUID.randomUUID(),
                "t-restore",
                "1201",
                Instant.now(),
                "sync",
                null,
                calendar,
                slotId,
                "11",
                "Слот удалили в календаре: восстановлен");
        google.stubFor(put(urlPathMatching(GoogleApi.eventPath(calendar, slotId)))
                .willReturn(okJson(GoogleApi.event(slotId)
                        .linkedTo("t-restore", "1201", 1, restore.commandId())
                        .color("11")
                        .description("Слот удалили в календаре: восстановлен")
                        .etag("\"r3\"")
                        .json())));

        kafka.publish(Topics.CALENDAR_COMMANDS, restore);

        assertThat(result(restore.commandId())).isInstanceOf(CalendarCommandApplied.class);
        List<SlotSnapshotted> all = snapshots("t-restore", 3);
        assertThat(all).anySatisfy(deleted -> {
            assertThat(deleted.status()).isEqualTo(SlotStatus.CANCELLED);
            assertThat(deleted.leadId()).isEqualTo("1201");
            assertThat(deleted.meetingNumber()).isEqualTo(1);
        });
        google.verify(putRequestedFor(urlPathMatching(GoogleApi.eventPath(calendar, slotId)))
                .withHeader("If-Match", equalTo("\"r2\""))
                .withRequestBody(matchingJsonPath("$.status", equalTo("confirmed")))
                .withRequestBody(matchingJsonPath("$.colorId", equalTo("11"))));
        assertPublishedRecordsMatchTheSchema(Topics.CALENDAR_SLOT_EVENTS, "t-restore");
        assertPublishedRecordsMatchTheSchema(Topics.CALENDAR_COMMAND_RESULTS, "t-restore");
    }

    @Test
    void a_command_for_a_tenant_nobody_connected_yet_is_rejected_with_what_to_do() throws Exception {
        CreateSlot create = createSlot(
                "t-unconnected", "unconnected@group.calendar.google.com", "1301", "unconnected-" + UUID.randomUUID());

        kafka.publish(Topics.CALENDAR_COMMANDS, create);
        HttpResponse<String> validation = send(HttpRequest.newBuilder(uri("/admin/tenants/t-unconnected/validation"))
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .GET());

        assertThat(result(create.commandId())).isInstanceOfSatisfying(CalendarCommandRejected.class, rejected -> {
            assertThat(rejected.code()).isEqualTo(RejectionCode.FORBIDDEN);
            assertThat(rejected.reason()).contains("/connect/google/t-unconnected");
            assertThat(rejected.retryable()).isFalse();
        });
        assertThat(validation.body()).contains("not connected yet");
    }

    @Test
    void a_calendar_google_no_longer_finds_gets_a_new_channel_at_the_next_check() {
        String calendar = "gone@group.calendar.google.com";
        stubWatch(calendar);
        WatchChannel first = channels.ensure("t-gone", false);
        google.stubFor(get(urlPathMatching(GoogleApi.eventsPath(calendar)))
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody(GoogleApi.error("error-404-not-found.json"))));
        google.stubFor(post(urlPathEqualTo("/calendar/v3/channels/stop"))
                .withRequestBody(matchingJsonPath("$.id", equalTo(first.channelId())))
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody(GoogleApi.error("error-404-not-found.json"))));

        assertThatThrownBy(() -> sync.run("t-gone", "test"))
                .isInstanceOfSatisfying(
                        GoogleFailure.class, e -> assertThat(e.kind()).isEqualTo(GoogleFailure.Kind.NOT_FOUND));
        WatchChannel second = channels.ensure("t-gone", false);

        assertThat(second.channelId()).isNotEqualTo(first.channelId());
        assertThat(channels.calendarOf("t-gone", first.channelId()))
                .as("stopped (Google no longer knew it) and forgotten")
                .isEmpty();
        assertThat(channels.calendarOf("t-gone", second.channelId())).contains(calendar);
    }

    @Test
    void the_ops_report_tells_the_console_about_the_google_connection() throws Exception {
        stubWatch("report@group.calendar.google.com");
        WatchChannel channel = channels.ensure("t-report", false);

        reporter.reportAll();

        ConnectionStatusReported report =
                kafka.await(Topics.OPS_REPORTS, r -> r.tenant().equals("t-report"), 1, WAIT).stream()
                        .map(ConnectionStatusReported.class::cast)
                        .findFirst()
                        .orElseThrow();
        assertThat(report.connection()).isEqualTo("google-calendar");
        assertThat(report.service()).isEqualTo("calendar-connector");
        assertThat(report.status()).isEqualTo("ok");
        assertThat(report.channelExpiresAt()).isEqualTo(channel.expiresAt());
        assertThat(report.requestsPerSecondLimit()).isEqualTo(20.0);
        assertThat(report.requestsLastMinute()).isGreaterThanOrEqualTo(1);
        assertThat(report.throttledLastMinute()).isZero();
        assertPublishedRecordsMatchTheSchema(Topics.OPS_REPORTS, "t-report");
    }

    private void stubWatch(String calendar) {
        google.stubFor(post(urlPathMatching(GoogleApi.eventsPath(calendar) + "/watch"))
                .willReturn(okJson(GoogleApi.channel(
                        "echoed-by-google",
                        "res-" + calendar.substring(0, calendar.indexOf('@')),
                        "token",
                        Instant.now().plus(Duration.ofDays(7))))));
    }

    private void stubFullSync(String calendar, List<GoogleApi.Event> events, String nextSyncToken) {
        google.stubFor(get(urlPathMatching(GoogleApi.eventsPath(calendar)))
                .withQueryParam("syncToken", absent())
                .willReturn(okJson(GoogleApi.eventsPage(calendar, events, null, nextSyncToken))));
    }

    private List<SlotSnapshotted> snapshots(String tenant, int atLeast) {
        List<SlotSnapshotted> found =
                kafka.await(Topics.CALENDAR_SLOT_EVENTS, e -> e.tenant().equals(tenant), atLeast, WAIT).stream()
                        .map(SlotSnapshotted.class::cast)
                        .toList();
        assertThat(found).hasSizeGreaterThanOrEqualTo(atLeast);
        return found;
    }

    /** Everything published for the tenant so far (publishing waits for the broker's ack, so nothing is in flight). */
    private List<SlotSnapshotted> allSnapshots(String tenant) {
        return KafkaProbe.parse(
                        Topics.CALENDAR_SLOT_EVENTS,
                        kafka.read(Topics.CALENDAR_SLOT_EVENTS.name(), Duration.ofSeconds(3), seen -> false),
                        e -> e.tenant().equals(tenant))
                .stream()
                .map(SlotSnapshotted.class::cast)
                .sorted(java.util.Comparator.comparing(SlotSnapshotted::occurredAt))
                .toList();
    }

    /** What we published for the tenant on the topic, checked against the topic's published JSON Schema. */
    private void assertPublishedRecordsMatchTheSchema(TopicSpec<?> topic, String tenant) throws Exception {
        List<ConsumerRecord<String, byte[]>> records =
                kafka.read(topic.name(), Duration.ofSeconds(3), seen -> false).stream()
                        .filter(r -> tenant.equals(KafkaProbe.header(r, CloudEvents.TENANT)))
                        .toList();
        assertThat(records).isNotEmpty();
        for (ConsumerRecord<String, byte[]> record : records) {
            assertThat(ContractSchemas.validate(topic, ContractJson.mapper().readTree(record.value())))
                    .as("schema problems of %s", body(record))
                    .isEmpty();
        }
    }

    private CalendarCommandResult result(String commandId) {
        return results(commandId, 1).get(0);
    }

    private List<CalendarCommandResult> results(String commandId, int atLeast) {
        List<CalendarCommandResult> found =
                kafka.await(Topics.CALENDAR_COMMAND_RESULTS, r -> r.commandId().equals(commandId), atLeast, WAIT);
        assertThat(found).hasSizeGreaterThanOrEqualTo(atLeast);
        return found;
    }

    private static CalendarChangeNotified notification(String tenant, String channelId, String state, long number) {
        return new CalendarChangeNotified(
                UUID.randomUUID().toString(),
                tenant,
                Instant.now(),
                channelId,
                "res-notify",
                state,
                number,
                "Sat, 28 Nov 2026 19:22:46 GMT",
                "https://www.googleapis.com/calendar/v3/calendars/notify@group.calendar.google.com/events?alt=json",
                null);
    }

    static CreateSlot createSlot(String tenant, String calendar, String leadId, String commandId) {
        Instant start = Instant.parse("2026-11-25T10:00:00Z");
        return new CreateSlot(
                commandId,
                tenant,
                leadId,
                Instant.now(),
                "sync",
                "lead-snapshot-1",
                calendar,
                SlotIds.of(tenant, leadId, 1),
                1,
                "Встреча с Семёном (категория A), 13:00 мск, (Паша)",
                "Карточка: https://" + tenant + ".amocrm.ru/leads/detail/" + leadId,
                start,
                start.plus(Duration.ofHours(1)),
                "Europe/Moscow",
                "pasha@demo.example",
                15,
                null);
    }

    private static PaintSlot paint(
            String tenant, String calendar, String leadId, String slotId, String color, String reason, String etag) {
        return new PaintSlot(
                "paint-" + UUID.randomUUID(),
                tenant,
                leadId,
                Instant.now(),
                "sync",
                "lead-snapshot-2",
                calendar,
                slotId,
                color,
                reason,
                etag);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> query(URI uri) {
        return Arrays.stream(uri.getRawQuery().split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(
                        p -> p[0], p -> URLDecoder.decode(p.length > 1 ? p[1] : "", StandardCharsets.UTF_8)));
    }

    private static String body(ConsumerRecord<String, byte[]> record) {
        return record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
    }
}
