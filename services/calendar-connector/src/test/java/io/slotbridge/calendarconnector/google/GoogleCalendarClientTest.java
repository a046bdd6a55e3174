package io.slotbridge.calendarconnector.google;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.slotbridge.calendarconnector.GoogleApi;
import io.slotbridge.calendarconnector.config.CalendarConnectorProperties;
import io.slotbridge.calendarconnector.config.TenantDirectory;
import io.slotbridge.calendarconnector.config.TenantSettings;
import io.slotbridge.contracts.calendar.CreateSlot;
import io.slotbridge.contracts.calendar.SlotIds;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Google client against WireMock serving Google's real response shapes: retries, final errors, batches. */
class GoogleCalendarClientTest {

    private static final String TENANT = "unit";
    private static final String CALENDAR = "unit-cal@group.calendar.google.com";

    private final WireMockServer google = GoogleApi.server();
    private final ApiCallStats stats = new ApiCallStats(new SimpleMeterRegistry(), Clock.systemUTC());
    private GoogleCalendarClient client;

    @BeforeEach
    void setUp() {
        google.resetAll();
        TenantSettings.Auth auth =
                new TenantSettings.Auth("static-token", null, null, null, null, "sandbox-admin", null, null, null);
        client = clientFor(auth);
    }

    private GoogleCalendarClient clientFor(TenantSettings.Auth auth) {
        TenantSettings.Calendar calendar = new TenantSettings.Calendar(
                "google", CALENDAR, GoogleApi.rootUrl(), "push-secret", auth, "externalOnly", 100.0);
        TenantDirectory tenants = new TenantDirectory(
                "https://gateway.example.test",
                Map.of(TENANT, new TenantSettings("Unit", ZoneId.of("Europe/Moscow"), null, calendar)));
        CalendarServices services = new CalendarServices(
                tenants,
                new GoogleCredentialsFactory(null),
                new CalendarConnectorProperties.Http(Duration.ofSeconds(2), Duration.ofSeconds(5)));
        GoogleCallPolicy policy = new GoogleCallPolicy(
                new CalendarConnectorProperties.Retry(3, Duration.ofMillis(10), Duration.ofMillis(40)),
                50,
                tenant -> 100.0,
                stats);
        return new GoogleCalendarClient(services, policy, tenants);
    }

    @Test
    void a_service_account_with_domain_wide_delegation_signs_in_as_the_delegated_user(@TempDir Path dir)
            throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Path keyFile = dir.resolve("service-account.json");
        Files.writeString(
                keyFile,
                new ObjectMapper()
                        .createObjectNode()
                        .put("type", "service_account")
                        .put("project_id", "slotbridge-test")
                        .put("private_key_id", "key-1")
                        .put("private_key", pem)
                        .put("client_email", "calendar@slotbridge-test.iam.gserviceaccount.com")
                        .put("client_id", "100000000000000000001")
                        .put("token_uri", GoogleApi.rootUrl() + "token")
                        .toString());
        google.stubFor(post(urlPathEqualTo("/token"))
                .willReturn(okJson("{\"access_token\":\"ya29.service-account\",\"expires_in\":3599,"
                        + "\"token_type\":\"Bearer\"}")));
        google.stubFor(get(urlPathMatching(GoogleApi.eventsPath(CALENDAR)))
                .willReturn(okJson(GoogleApi.eventsPage(CALENDAR, List.of(), null, "sync-sa"))));
        GoogleCalendarClient delegated = clientFor(new TenantSettings.Auth(
                "service-account",
                keyFile.toString(),
                "calendar-bot@demo.example",
                null,
                null,
                null,
                null,
                null,
                null));

        delegated.listEvents(TENANT, CALENDAR, null, null, 250);

        google.verify(getRequestedFor(urlPathMatching(GoogleApi.eventsPath(CALENDAR)))
                .withHeader("Authorization", equalTo("Bearer ya29.service-account")));
        String form = google.findAll(postRequestedFor(urlPathEqualTo("/token")))
                .get(0)
                .getBodyAsString();
        String assertion = URLDecoder.decode(form, StandardCharsets.UTF_8).replaceAll(".*assertion=([^&]+).*", "$1");
        String claims = new String(Base64.getUrlDecoder().decode(assertion.split("\\.")[1]), StandardCharsets.UTF_8);
        assertThat(form).contains("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer");
        assertThat(claims)
                .contains("\"sub\":\"calendar-bot@demo.example\"")
                .contains("\"iss\":\"calendar@slotbridge-test.iam.gserviceaccount.com\"")
                .contains("https://www.googleapis.com/auth/calendar.events");
    }

    @Test
    void rate_limit_answers_are_retried_with_back_off_until_the_call_succeeds() {
        String path = GoogleApi.eventPath(CALENDAR, "sbslot00001");
        google.stubFor(get(urlPathMatching(path))
                .inScenario("throttled")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse()
                        .withStatus(403)
                        .withHeader("Content-Type", "application/json")
                        .withBody(GoogleApi.error("error-403-rate-limit-exceeded.json")))
                .willSetStateTo("once more"));
        google.stubFor(get(urlPathMatching(path))
                .inScenario("throttled")
                .whenScenarioStateIs("once more")
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Content-Type", "application/json")
                        .withBody(GoogleApi.error("error-403-rate-limit-exceeded.json")
                                .replace("403", "429")))
                .willSetStateTo("fine"));
        google.stubFor(get(urlPathMatching(path))
                .inScenario("throttled")
                .whenScenarioStateIs("fine")
                .willReturn(okJson(GoogleApi.event("sbslot00001").json())));

        Outcome<com.google.api.services.calendar.model.Event> outcome =
                client.getEvents(TENANT, CALENDAR, List.of("sbslot00001")).get("sbslot00001");

        assertThat(outcome.succeeded()).isTrue();
        assertThat(outcome.value().getId()).isEqualTo("sbslot00001");
        google.verify(
                3, getRequestedFor(urlPathMatching(path)).withHeader("Authorization", equalTo("Bearer sandbox-admin")));
        assertThat(stats.lastMinute(TENANT).throttled()).isEqualTo(2);
    }

    @Test
    void quota_exceeded_is_final_and_not_retried() {
        google.stubFor(post(urlPathMatching(GoogleApi.eventsPath(CALENDAR)))
                .willReturn(aResponse()
                        .withStatus(403)
                        .withHeader("Content-Type", "application/json")
                        .withBody(GoogleApi.error("error-403-quota-exceeded.json"))));
        CreateSlot create = create();

        Outcome<com.google.api.services.calendar.model.Event> outcome = client.write(
                        TENANT,
                        CALENDAR,
                        Map.of("c1", GoogleCalendarClient.EventWrite.insert(EventMapper.newEvent(create))))
                .get("c1");

        assertThat(outcome.failedWith(GoogleFailure.Kind.QUOTA_EXCEEDED)).isTrue();
        assertThat(outcome.failure().retryable()).isFalse();
        assertThat(outcome.failure().getMessage()).contains("quotaExceeded");
        google.verify(1, postRequestedFor(urlPathMatching(GoogleApi.eventsPath(CALENDAR))));
    }

    @Test
    void an_insert_carries_the_deterministic_id_the_lead_link_the_popup_reminder_and_send_updates() {
        CreateSlot create = create();
        google.stubFor(post(urlPathMatching(GoogleApi.eventsPath(CALENDAR)))
                .willReturn(okJson(GoogleApi.event(create.slotId()).json())));

        client.write(
                TENANT, CALENDAR, Map.of("c1", GoogleCalendarClient.EventWrite.insert(EventMapper.newEvent(create))));

        google.verify(postRequestedFor(urlPathMatching(GoogleApi.eventsPath(CALENDAR)))
                .withQueryParam("sendUpdates", equalTo("externalOnly"))
                .withRequestBody(matchingJsonPath("$.id", equalTo(create.slotId())))
                .withRequestBody(matchingJsonPath("$.extendedProperties.private.slotbridgeLead", equalTo("1001")))
                .withRequestBody(matchingJsonPath("$.extendedProperties.private.slotbridgeCommand", equalTo("c-unit")))
                .withRequestBody(matchingJsonPath("$.reminders.useDefault", equalTo("false")))
                .withRequestBody(matchingJsonPath("$.reminders.overrides[0].minutes", equalTo("15")))
                .withRequestBody(matchingJsonPath("$.start.timeZone", equalTo("Europe/Moscow")))
                .withRequestBody(matchingJsonPath("$.start.dateTime", equalTo("2026-11-25T13:00:00.000+03:00")))
                .withRequestBody(matchingJsonPath("$.attendees[0].email", equalTo("pasha@demo.example"))));
    }

    @Test
    void server_errors_are_retried_and_reported_unavailable_when_the_attempts_run_out() {
        google.stubFor(get(urlPathMatching(GoogleApi.eventsPath(CALENDAR)))
                .willReturn(aResponse()
                        .withStatus(500)
                        .withHeader("Content-Type", "application/json")
                        .withBody(GoogleApi.error("error-500-backend.json"))));

        assertThatThrownBy(() -> client.listEvents(TENANT, CALENDAR, "token-1", null, 250))
                .isInstanceOfSatisfying(GoogleFailure.class, f -> {
                    assertThat(f.kind()).isEqualTo(GoogleFailure.Kind.UNAVAILABLE);
                    assertThat(f.httpStatus()).isEqualTo(500);
                });
        google.verify(3, getRequestedFor(urlPathMatching(GoogleApi.eventsPath(CALENDAR))));
    }

    @Test
    void an_expired_sync_token_is_reported_as_gone_at_once() {
        google.stubFor(get(urlPathMatching(GoogleApi.eventsPath(CALENDAR)))
                .willReturn(aResponse()
                        .withStatus(410)
                        .withHeader("Content-Type", "application/json")
                        .withBody(GoogleApi.error("error-410-full-sync-required.json"))));

        assertThatThrownBy(() -> client.listEvents(TENANT, CALENDAR, "old-token", null, 250))
                .isInstanceOfSatisfying(GoogleFailure.class, f -> {
                    assertThat(f.kind()).isEqualTo(GoogleFailure.Kind.GONE);
                    assertThat(f.reason()).isEqualTo("fullSyncRequired");
                });
        google.verify(
                1,
                getRequestedFor(urlPathMatching(GoogleApi.eventsPath(CALENDAR)))
                        .withQueryParam("syncToken", equalTo("old-token"))
                        .withQueryParam("showDeleted", equalTo("true"))
                        .withoutQueryParam("timeMin")
                        .withoutQueryParam("updatedMin"));
    }

    @Test
    void several_reads_go_out_as_one_batch_and_only_the_throttled_part_is_retried() {
        google.stubFor(post(urlPathEqualTo("/batch/calendar/v3"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "multipart/mixed; boundary=" + GoogleApi.BATCH_BOUNDARY)
                        .withBody(GoogleApi.batchResponse(List.of(
                                new GoogleApi.Part(
                                        200,
                                        "OK",
                                        GoogleApi.event("sbbatch0001").json()),
                                new GoogleApi.Part(
                                        403, "Forbidden", GoogleApi.error("error-403-rate-limit-exceeded.json")))))));
        google.stubFor(get(urlPathMatching(GoogleApi.eventPath(CALENDAR, "sbbatch0002")))
                .willReturn(okJson(GoogleApi.event("sbbatch0002").etag("\"2\"").json())));

        Map<String, Outcome<com.google.api.services.calendar.model.Event>> outcomes =
                client.getEvents(TENANT, CALENDAR, List.of("sbbatch0001", "sbbatch0002"));

        assertThat(outcomes.get("sbbatch0001").value().getId()).isEqualTo("sbbatch0001");
        assertThat(outcomes.get("sbbatch0002").value().getEtag()).isEqualTo("\"2\"");
        google.verify(1, postRequestedFor(urlPathEqualTo("/batch/calendar/v3")));
        google.verify(1, getRequestedFor(urlPathMatching(GoogleApi.eventPath(CALENDAR, "sbbatch0002"))));
        assertThat(stats.lastMinute(TENANT).requests()).isEqualTo(3);
    }

    @Test
    void without_a_batch_endpoint_the_calls_go_one_by_one() {
        google.stubFor(post(urlPathEqualTo("/batch/calendar/v3"))
                .willReturn(aResponse().withStatus(404)));
        google.stubFor(get(urlPathMatching(GoogleApi.eventPath(CALENDAR, "sbsingle001")))
                .willReturn(okJson(GoogleApi.event("sbsingle001").json())));
        google.stubFor(get(urlPathMatching(GoogleApi.eventPath(CALENDAR, "sbsingle002")))
                .willReturn(okJson(GoogleApi.event("sbsingle002").json())));

        Map<String, Outcome<com.google.api.services.calendar.model.Event>> first =
                client.getEvents(TENANT, CALENDAR, List.of("sbsingle001", "sbsingle002"));
        client.getEvents(TENANT, CALENDAR, List.of("sbsingle001", "sbsingle002"));

        assertThat(first.values()).allMatch(Outcome::succeeded);
        google.verify(1, postRequestedFor(urlPathEqualTo("/batch/calendar/v3")));
        google.verify(2, getRequestedFor(urlPathMatching(GoogleApi.eventPath(CALENDAR, "sbsingle001"))));
    }

    private static CreateSlot create() {
        Instant start = Instant.parse("2026-11-25T10:00:00Z");
        return new CreateSlot(
                "c-unit",
                TENANT,
                "1001",
                Instant.parse("2026-11-20T09:00:00Z"),
                "sync",
                null,
                CALENDAR,
                SlotIds.of(TENANT, "1001", 1),
                1,
                "Встреча с Семёном (категория A), 13:00 мск, (Паша)",
                "Карточка: https://unit.amocrm.ru/leads/detail/1001",
                start,
                start.plus(Duration.ofHours(1)),
                "Europe/Moscow",
                "pasha@demo.example",
                15,
                null);
    }
}
