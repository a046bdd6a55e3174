package io.slotbridge.crmconnector.bitrix24;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.slotbridge.crmconnector.Bitrix24Stubs.CATEGORY;
import static io.slotbridge.crmconnector.Bitrix24Stubs.CLIENT_GOAL;
import static io.slotbridge.crmconnector.Bitrix24Stubs.EXPERT;
import static io.slotbridge.crmconnector.Bitrix24Stubs.LOSS_REASON;
import static io.slotbridge.crmconnector.Bitrix24Stubs.MEETING_TIME;
import static io.slotbridge.crmconnector.Bitrix24Stubs.batch;
import static io.slotbridge.crmconnector.Bitrix24Stubs.json;
import static io.slotbridge.crmconnector.Bitrix24Stubs.ok;
import static io.slotbridge.crmconnector.Bitrix24Stubs.rest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.slotbridge.contracts.ProviderFixtures;
import io.slotbridge.contracts.RejectionCode;
import io.slotbridge.contracts.crm.StageSemantic;
import io.slotbridge.crmconnector.Bitrix24Stubs;
import io.slotbridge.crmconnector.app.CrmApi;
import io.slotbridge.crmconnector.app.CrmApiException;
import io.slotbridge.crmconnector.config.TenantSettings;
import io.slotbridge.crmconnector.domain.CrmLead;
import io.slotbridge.crmconnector.domain.CrmMetadata;
import io.slotbridge.crmconnector.domain.FieldType;
import io.slotbridge.crmconnector.domain.FieldWrite;
import io.slotbridge.crmconnector.domain.LeadWrite;
import io.slotbridge.crmconnector.http.AccountGuard;
import io.slotbridge.crmconnector.http.JsonHttp;
import io.slotbridge.platform.time.AdjustableClock;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Bitrix24 client against WireMock speaking Bitrix24's documented wire format (no Spring). */
class Bitrix24ClientTest {

    static final String PORTAL = "unit";
    static final WireMockServer WIREMOCK = start();
    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration DEFAULT_PARK = Duration.ofMinutes(1);

    /** Each test's time: parks end when a test advances it. */
    AdjustableClock clock = AdjustableClock.system();

    SimpleMeterRegistry meters = new SimpleMeterRegistry();

    static WireMockServer start() {
        WireMockServer server =
                new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        return server;
    }

    @AfterAll
    static void stop() {
        WIREMOCK.stop();
    }

    @BeforeEach
    void reset() {
        WIREMOCK.resetAll();
        Bitrix24Stubs.metadata(WIREMOCK, PORTAL);
    }

    @Test
    void metadata_names_stages_with_their_semantics_user_fields_by_label_and_loss_reasons_from_the_configured_field() {
        CrmMetadata md = client("static-token").readMetadata();

        CrmMetadata.Pipeline pipeline = md.pipelineByName("Воронка").orElseThrow();
        assertThat(pipeline.id()).isEqualTo("0");
        assertThat(pipeline.stageByName("5. Встреча назначена").orElseThrow().id())
                .isEqualTo("PREPAYMENT_INVOICE");
        assertThat(pipeline.stageById("WON").orElseThrow().semantic()).isEqualTo(StageSemantic.WON);
        assertThat(pipeline.stageById("LOSE").orElseThrow().semantic()).isEqualTo(StageSemantic.LOST);
        assertThat(pipeline.stageById("NEW").orElseThrow().semantic()).isEqualTo(StageSemantic.OPEN);
        CrmMetadata.CustomField expert =
                md.fieldByName("Сотрудник, который будет проводить встречу").orElseThrow();
        assertThat(expert.id()).isEqualTo(EXPERT);
        assertThat(expert.type()).isEqualTo(FieldType.SELECT);
        assertThat(expert.optionIdByLabel("Маша")).contains("102");
        assertThat(md.fieldByName("Дата и время встречи").orElseThrow().type()).isEqualTo(FieldType.DATE_TIME);
        assertThat(md.fieldByName("Причина отказа")).isEmpty();
        assertThat(md.lossReasonIdByName("Встреча отменена")).contains("122");
        assertThat(md.userByEmailOrName("pasha@demo.example").orElseThrow().id())
                .isEqualTo("2");
        // fields and pipelines in one batch, stages in a second, users alone: three requests
        assertThat(WIREMOCK.getAllServeEvents()).hasSize(3);
    }

    @Test
    void a_deal_row_becomes_a_lead_with_raw_user_field_values_the_loss_reason_and_its_main_contact() {
        String uf = "\"" + MEETING_TIME + "\":\"2026-11-24T13:00:00+03:00\",\"" + EXPERT + "\":\"101\",\"" + CATEGORY
                + "\":null,\"" + CLIENT_GOAL + "\":\"\",\"" + LOSS_REASON + "\":\"121\"";
        WIREMOCK.stubFor(post(urlEqualTo(rest(PORTAL, "batch")))
                .withRequestBody(containing("crm.deal.list"))
                .willReturn(ok(batch(
                        Map.of(
                                "r0",
                                "[" + Bitrix24Stubs.deal(1001, "LOSE", "F", "2026-11-21T12:00:00+03:00", uf) + "]"),
                        Map.of()))));

        List<CrmLead> leads = client("static-token").leadsByIds(List.of("1001", "contact-5", "1001"));

        assertThat(leads).hasSize(1);
        CrmLead lead = leads.get(0);
        assertThat(lead.id()).isEqualTo("1001");
        assertThat(lead.pipelineId()).isEqualTo("0");
        assertThat(lead.stageId()).isEqualTo("LOSE");
        assertThat(lead.lossReasonId()).isEqualTo("121");
        assertThat(lead.mainContactId()).isEqualTo("2001");
        assertThat(lead.responsibleUserId()).isEqualTo("1");
        assertThat(lead.modifiedByUserId()).isEqualTo("2");
        assertThat(lead.updatedAt())
                .isEqualTo(OffsetDateTime.parse("2026-11-21T12:00:00+03:00").toInstant());
        assertThat(lead.fields())
                .extracting(CrmLead.RawFieldValue::fieldId)
                .containsExactlyInAnyOrder(MEETING_TIME, EXPERT);
        String cmd = command("crm.deal.list");
        assertThat(cmd)
                .contains("filter[@ID][0]=1001")
                .doesNotContain("filter[@ID][1]")
                .contains("select[1]=UF_*");
    }

    @Test
    void a_write_batch_sets_stage_loss_reason_and_typed_user_fields_without_feed_noise() {
        WIREMOCK.stubFor(post(urlEqualTo(rest(PORTAL, "batch")))
                .withRequestBody(containing("crm.deal.update"))
                .willReturn(ok(batch(Map.of("k0", "true", "k1", "true"), Map.of()))));
        Map<String, FieldWrite> fields = new LinkedHashMap<>();
        fields.put(EXPERT, new FieldWrite.Options(EXPERT, List.of("102")));
        fields.put(
                MEETING_TIME, new FieldWrite.DateTime(MEETING_TIME, OffsetDateTime.parse("2026-11-24T13:00:00+03:00")));
        fields.put(CLIENT_GOAL, new FieldWrite.Clear(CLIENT_GOAL));

        List<CrmApi.ItemOutcome> outcomes = client("static-token")
                .updateLeads(List.of(
                        new LeadWrite("1001", "0", "LOSE", "122", Map.of(), List.of("c1")),
                        new LeadWrite("1002", null, null, null, fields, List.of("c2")),
                        new LeadWrite("not-an-id", null, "WON", null, Map.of(), List.of("c3"))));

        assertThat(outcomes.get(0).succeeded()).isTrue();
        assertThat(outcomes.get(1).succeeded()).isTrue();
        assertThat(outcomes.get(2).failure().code()).isEqualTo(RejectionCode.NOT_FOUND);
        JsonNode cmd = body(WIREMOCK.getAllServeEvents().stream()
                        .filter(e -> e.getRequest().getBodyAsString().contains("crm.deal.update"))
                        .findFirst()
                        .orElseThrow()
                        .getRequest()
                        .getBodyAsString())
                .path("cmd");
        assertThat(cmd.size()).isEqualTo(2);
        assertThat(decode(cmd.path("k0").asText()))
                .isEqualTo("crm.deal.update?id=1001&fields[STAGE_ID]=LOSE&fields[" + LOSS_REASON
                        + "]=122&params[REGISTER_SONET_EVENT]=N");
        assertThat(decode(cmd.path("k1").asText()))
                .contains("fields[" + EXPERT + "]=102")
                .contains("fields[" + MEETING_TIME + "]=2026-11-24T13:00:00+03:00")
                .contains("fields[" + CLIENT_GOAL + "]=&");
    }

    @Test
    void the_documented_batch_with_errors_and_halt_0_gives_each_command_its_own_failure_and_is_not_resent() {
        WIREMOCK.stubFor(post(urlEqualTo(rest(PORTAL, "batch")))
                .willReturn(ok(ProviderFixtures.body("bitrix24/batch-response-errors-halt0.txt"))));
        Map<String, Bitrix24Batch.Call> calls = new LinkedHashMap<>();
        calls.put("get_user", new Bitrix24Batch.Call("user.current", JSON.createObjectNode()));
        calls.put("get_department", new Bitrix24Batch.Call("department.get", JSON.createObjectNode()));

        Map<String, Bitrix24Batch.Outcome> outcomes =
                batchRunner(credentials("static-token")).run(calls);

        assertThat(outcomes.get("get_user").failure().code()).isEqualTo(RejectionCode.FORBIDDEN);
        assertThat(outcomes.get("get_department").failure().reason()).contains("INSUFFICIENT_SCOPE");
        assertThat(WIREMOCK.getAllServeEvents()).hasSize(1);
    }

    @Test
    void the_documented_successful_batch_answers_every_key_with_its_result() {
        WIREMOCK.stubFor(post(urlEqualTo(rest(PORTAL, "batch")))
                .willReturn(ok(ProviderFixtures.body("bitrix24/batch-response-success.txt"))));
        Map<String, Bitrix24Batch.Call> calls = new LinkedHashMap<>();
        calls.put("get_user", new Bitrix24Batch.Call("user.current", JSON.createObjectNode()));
        calls.put("get_department", new Bitrix24Batch.Call("department.get", JSON.createObjectNode()));

        Map<String, Bitrix24Batch.Outcome> outcomes =
                batchRunner(credentials("static-token")).run(calls);

        assertThat(outcomes.get("get_user").result().path("EMAIL").asText()).isEqualTo("my@example.com");
        assertThat(outcomes.get("get_department").result().get(0).path("NAME").asText())
                .isEqualTo("DEMO");
    }

    @Test
    void query_limit_exceeded_is_retried_whether_it_comes_as_503_as_200_or_as_an_html_page() {
        WIREMOCK.stubFor(post(urlEqualTo(rest(PORTAL, "event.get")))
                .inScenario("limit")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(503, Bitrix24Stubs.queryLimitExceeded()))
                .willSetStateTo("200"));
        WIREMOCK.stubFor(post(urlEqualTo(rest(PORTAL, "event.get")))
                .inScenario("limit")
                .whenScenarioStateIs("200")
                .willReturn(json(200, Bitrix24Stubs.queryLimitExceeded()))
                .willSetStateTo("html"));
        WIREMOCK.stubFor(post(urlEqualTo(rest(PORTAL, "event.get")))
                .inScenario("limit")
                .whenScenarioStateIs("html")
                .willReturn(aResponse()
                        .withStatus(503)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html><head><title>503 Service Temporarily Unavailable</title></head></html>"))
                .willSetStateTo("ok"));
        WIREMOCK.stubFor(
                post(urlEqualTo(rest(PORTAL, "event.get")))
                        .inScenario("limit")
                        .whenScenarioStateIs("ok")
                        .willReturn(
                                ok(
                                        Bitrix24Stubs.answer(
                                                "[{\"event\":\"ONCRMDEALUPDATE\",\"handler\":\"https://gw/hooks/bitrix24/t\",\"auth_type\":\"0\",\"offline\":0}]"))));

        List<CrmApi.Webhook> hooks = client("static-token").webhooks();

        assertThat(hooks).singleElement().satisfies(h -> {
            assertThat(h.destination()).isEqualTo("https://gw/hooks/bitrix24/t");
            assertThat(h.events()).containsExactly("ONCRMDEALUPDATE");
        });
        WIREMOCK.verify(4, postRequestedFor(urlEqualTo(rest(PORTAL, "event.get"))));
    }

    @Test
    void only_the_commands_a_batch_refused_for_the_limit_are_sent_again() {
        String limit = Bitrix24Stubs.queryLimitExceeded();
        WIREMOCK.stubFor(post(urlEqualTo(rest(PORTAL, "batch")))
                .inScenario("partial")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(ok(batch(Map.of("a", "11"), Map.of("b", limit))))
                .willSetStateTo("again"));
        WIREMOCK.stubFor(post(urlEqualTo(rest(PORTAL, "batch")))
                .inScenario("partial")
                .whenScenarioStateIs("again")
                .willReturn(ok(batch(Map.of("b", "12"), Map.of()))));
        Map<String, Bitrix24Batch.Call> calls = new LinkedHashMap<>();
        calls.put("a", new Bitrix24Batch.Call("crm.timeline.comment.add", JSON.createObjectNode()));
        calls.put("b", new Bitrix24Batch.Call("crm.timeline.comment.add", JSON.createObjectNode()));

        Map<String, Bitrix24Batch.Outcome> outcomes =
                batchRunner(credentials("static-token")).run(calls);

        assertThat(outcomes.get("a").result().asText()).isEqualTo("11");
        assertThat(outcomes.get("b").result().asText()).isEqualTo("12");
        List<String> bodies = WIREMOCK.getAllServeEvents().stream()
                .map(e -> e.getRequest().getBodyAsString())
                .toList();
        assertThat(bodies).hasSize(2);
        assertThat(bodies).filteredOn(b -> body(b).path("cmd").has("a")).hasSize(1);
    }

    @Test
    void an_expired_static_token_is_a_clear_non_retryable_refusal() {
        WIREMOCK.stubFor(post(urlEqualTo(rest(PORTAL, "event.get")))
                .willReturn(json(401, Bitrix24Stubs.error("expired_token", "The access token provided has expired."))));

        assertThatThrownBy(() -> client("static-token").webhooks()).isInstanceOfSatisfying(CrmApiException.class, e -> {
            assertThat(e.code()).isEqualTo(RejectionCode.FORBIDDEN);
            assertThat(e.retryable()).isFalse();
            assertThat(e.reason()).contains("EXPIRED_TOKEN").contains("has expired, an administrator");
        });
        WIREMOCK.verify(1, postRequestedFor(urlEqualTo(rest(PORTAL, "event.get"))));
    }

    @Test
    void event_handlers_are_bound_per_event_and_an_already_bound_handler_counts_as_installed() {
        WIREMOCK.stubFor(post(urlEqualTo(rest(PORTAL, "batch")))
                .withRequestBody(containing("event.bind"))
                .willReturn(ok(batch(
                        Map.of("ONCRMDEALADD", "true"),
                        Map.of(
                                "ONCRMDEALUPDATE",
                                Bitrix24Stubs.error(
                                        "ERROR_EVENT_HANDLER_ALREADY_BINDED", "Handler already binded"))))));

        CrmApi.Webhook hook = client("static-token")
                .installWebhook("https://gw/hooks/bitrix24/t", List.of("ONCRMDEALADD", "ONCRMDEALUPDATE"));

        assertThat(hook.events()).containsExactly("ONCRMDEALADD", "ONCRMDEALUPDATE");
        assertThat(decode(command("event.bind")))
                .isEqualTo("event.bind?event=ONCRMDEALADD&handler=https://gw/hooks/bitrix24/t");
    }

    @Test
    void an_inbound_webhook_url_calls_methods_under_its_path_and_cannot_bind_events() {
        WIREMOCK.stubFor(post(urlEqualTo("/bitrix24/" + PORTAL + "/rest/1/s3cr3t/event.get.json"))
                .willReturn(ok(Bitrix24Stubs.answer("[]"))));
        Bitrix24Client client = client("webhook-url");

        assertThat(client.webhooks()).isEmpty();
        assertThat(WIREMOCK.getAllServeEvents().get(0).getRequest().getBodyAsString())
                .doesNotContain("auth");
        assertThatThrownBy(() -> client.installWebhook("https://gw/hooks/bitrix24/t", List.of("ONCRMDEALADD")))
                .isInstanceOfSatisfying(
                        CrmApiException.class,
                        e -> assertThat(e.reason()).contains("outgoing webhook").contains("crm.application-token"));
    }

    @Test
    void operation_time_limit_parks_only_that_method_until_its_operating_reset_and_other_methods_keep_working() {
        long resetAt = clock.instant().plusSeconds(300).getEpochSecond();
        WIREMOCK.stubFor(post(urlEqualTo(rest(PORTAL, "batch")))
                .withRequestBody(containing("crm.timeline.comment.add"))
                .willReturn(ok(Bitrix24Stubs.batchWithTimes(
                        "{\"k0\":3001}",
                        "{\"k1\":" + Bitrix24Stubs.operationTimeLimit() + "}",
                        "{\"k0\":" + Bitrix24Stubs.timeResettingAt(resetAt) + "}"))));
        WIREMOCK.stubFor(post(urlEqualTo(rest(PORTAL, "batch")))
                .withRequestBody(containing("crm.deal.update"))
                .willReturn(ok(batch(Map.of("k0", "true"), Map.of()))));
        Bitrix24Client client = client("static-token");
        List<CrmApi.NewNote> notes = List.of(new CrmApi.NewNote("1001", "one"), new CrmApi.NewNote("1002", "two"));

        assertThatThrownBy(() -> client.addNotes(notes))
                .isInstanceOfSatisfying(Bitrix24Errors.MethodParked.class, e -> {
                    assertThat(e.retryAt()).isEqualTo(Instant.ofEpochSecond(resetAt));
                    assertThat(e.reason()).contains("crm.timeline.comment.add").contains("OPERATION_TIME_LIMIT");
                });
        // parked: not even asked, while crm.deal.update goes through
        assertThatThrownBy(() -> client.addNotes(notes)).isInstanceOf(Bitrix24Errors.MethodParked.class);
        assertThat(client.updateLeads(List.of(new LeadWrite("1001", "0", "WON", null, Map.of(), List.of("c1"))))
                        .get(0)
                        .succeeded())
                .isTrue();
        WIREMOCK.verify(1, postRequestedFor(urlEqualTo(rest(PORTAL, "batch"))).withRequestBody(containing("comment")));
        assertThat(meters.counter(
                                "slotbridge.crm.bitrix24.method.parked",
                                "tenant",
                                PORTAL,
                                "method",
                                "crm.timeline.comment.add")
                        .count())
                .isEqualTo(1.0);
    }

    @Test
    void after_the_park_the_same_batch_sends_only_what_was_refused_and_nothing_is_applied_twice() {
        WIREMOCK.stubFor(post(urlEqualTo(rest(PORTAL, "batch")))
                .inScenario("park")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(ok(Bitrix24Stubs.batchWithTimes(
                        "{\"k0\":3001}", "{\"k1\":" + Bitrix24Stubs.operationTimeLimit() + "}", "[]")))
                .willSetStateTo("reset"));
        WIREMOCK.stubFor(post(urlEqualTo(rest(PORTAL, "batch")))
                .inScenario("park")
                .whenScenarioStateIs("reset")
                .willReturn(ok(batch(Map.of("k1", "3002"), Map.of()))));
        Bitrix24Client client = client("static-token");
        List<CrmApi.NewNote> notes = List.of(new CrmApi.NewNote("1001", "one"), new CrmApi.NewNote("1002", "two"));

        Instant before = clock.instant();
        assertThatThrownBy(() -> client.addNotes(notes))
                .isInstanceOfSatisfying(Bitrix24Errors.MethodParked.class, e -> assertThat(e.retryAt())
                        .isBetween(before.plus(DEFAULT_PARK), clock.instant().plus(DEFAULT_PARK)));
        clock.advance(DEFAULT_PARK.plusSeconds(1));
        List<CrmApi.ItemOutcome> outcomes = client.addNotes(notes);

        assertThat(outcomes).extracting(CrmApi.ItemOutcome::createdId).containsExactly("3001", "3002");
        List<JsonNode> sent = WIREMOCK.getAllServeEvents().stream()
                .map(e -> body(e.getRequest().getBodyAsString()).path("cmd"))
                .toList();
        assertThat(sent).hasSize(2);
        assertThat(sent).filteredOn(cmd -> cmd.has("k0")).hasSize(1);
    }

    @Test
    void a_single_call_refused_with_429_operation_time_limit_is_parked_not_retried() {
        WIREMOCK.stubFor(
                post(urlEqualTo(rest(PORTAL, "event.get"))).willReturn(json(429, Bitrix24Stubs.operationTimeLimit())));
        Bitrix24Client client = client("static-token");

        assertThatThrownBy(client::webhooks).isInstanceOf(Bitrix24Errors.MethodParked.class);
        assertThatThrownBy(client::webhooks).isInstanceOf(Bitrix24Errors.MethodParked.class);

        WIREMOCK.verify(1, postRequestedFor(urlEqualTo(rest(PORTAL, "event.get"))));
    }

    // ---- wiring

    private Bitrix24Credentials credentials(String mode) {
        return new Bitrix24Credentials(PORTAL, crm(mode), null, null, Clock.systemUTC());
    }

    private static TenantSettings.Crm crm(String mode) {
        String base = WIREMOCK.baseUrl() + "/bitrix24/" + PORTAL;
        return new TenantSettings.Crm(
                "bitrix24",
                base,
                null,
                PORTAL,
                null,
                "app-token",
                null,
                "deal",
                new TenantSettings.Auth(
                        mode, null, null, null, null, "sandbox-admin", base + "/rest/1/s3cr3t", null, null),
                50.0,
                50,
                "Воронка",
                "Причина отказа");
    }

    private Bitrix24Http http(Bitrix24Credentials credentials) {
        AccountGuard guard = new AccountGuard(
                PORTAL,
                50,
                50,
                0,
                5,
                Duration.ofMillis(10),
                Duration.ofMillis(50),
                Duration.ofSeconds(5),
                Clock.systemUTC(),
                t -> {});
        return new Bitrix24Http(
                PORTAL,
                new JsonHttp(Duration.ofSeconds(2), Duration.ofSeconds(5)),
                guard,
                credentials,
                JSON,
                meters,
                new Bitrix24MethodParking(PORTAL, DEFAULT_PARK, clock, meters));
    }

    private Bitrix24Batch batchRunner(Bitrix24Credentials credentials) {
        return new Bitrix24Batch(
                http(credentials),
                JSON,
                3,
                Duration.ofMillis(10),
                DistributionSummary.builder("b").register(new SimpleMeterRegistry()));
    }

    private Bitrix24Client client(String mode) {
        Bitrix24Credentials credentials = credentials(mode);
        Bitrix24Http http = http(credentials);
        return new Bitrix24Client(
                PORTAL,
                http,
                new Bitrix24Batch(
                        http,
                        JSON,
                        3,
                        Duration.ofMillis(10),
                        DistributionSummary.builder("b").register(new SimpleMeterRegistry())),
                Bitrix24Entity.DEAL,
                credentials,
                "Причина отказа",
                "Воронка",
                ZoneId.of("Europe/Moscow"),
                JSON,
                clock);
    }

    private static String command(String method) {
        return WIREMOCK.getAllServeEvents().stream()
                .map(e -> body(e.getRequest().getBodyAsString()).path("cmd"))
                .flatMap(cmd -> iterate(cmd).stream())
                .filter(c -> c.startsWith(method + "?"))
                .map(Bitrix24ClientTest::decode)
                .findFirst()
                .orElseThrow();
    }

    private static List<String> iterate(JsonNode cmd) {
        List<String> values = new java.util.ArrayList<>();
        cmd.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static JsonNode body(String body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String decode(String query) {
        return URLDecoder.decode(query, StandardCharsets.UTF_8);
    }
}
