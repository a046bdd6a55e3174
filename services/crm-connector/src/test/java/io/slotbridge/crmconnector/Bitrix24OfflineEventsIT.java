package io.slotbridge.crmconnector;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.slotbridge.crmconnector.Bitrix24Stubs.batch;
import static io.slotbridge.crmconnector.Bitrix24Stubs.ok;
import static io.slotbridge.crmconnector.Bitrix24Stubs.rest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.slotbridge.contracts.Topics;
import io.slotbridge.contracts.crm.CrmKind;
import io.slotbridge.contracts.crm.LeadChangeNoticed;
import io.slotbridge.contracts.crm.LeadSnapshotted;
import io.slotbridge.crmconnector.app.DeferredQueue;
import io.slotbridge.crmconnector.bitrix24.Bitrix24OfflineEventPoller;
import io.slotbridge.crmconnector.store.TokenStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Offline events of an OAuth portal ({@code it-b24-offline}): the offline twins of the deal events are bound beside the
 * online handlers (an installation without them is completed), and the poller reads {@code event.offline.get} in safe
 * mode, turns the items into the same hints as online events, clears the packet by its {@code process_id}, and hands
 * a packet it could not handle back with {@code event.offline.error}. Shapes: event-offline-get.md and Bitrix24's
 * {@code EventOfflineTable} ({@code EVENT_DATA = {FIELDS:{ID}}}, {@code MESSAGE_ID} an md5).
 */
class Bitrix24OfflineEventsIT extends CrmConnectorIT {

    static final String TENANT = "it-b24-offline";
    static final String TOKEN = "ACC-OFFLINE";
    static final Duration WAIT = Duration.ofSeconds(60);

    static {
        Bitrix24Stubs.metadataAndContact(WIREMOCK, TENANT);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    TokenStore tokens;

    @Autowired
    Bitrix24OfflineEventPoller poller;

    @Autowired
    DeferredQueue<LeadChangeNoticed> deferredHints;

    @BeforeEach
    void connected() {
        tokens.save("bitrix24", TENANT, TOKEN, "REF-OFFLINE", Instant.now().plusSeconds(3600), Instant.now());
    }

    @Test
    void offline_twins_of_the_deal_events_are_bound_beside_the_online_handlers_and_a_portal_without_them_is_completed()
            throws Exception {
        String destination = "https://gateway.example.test/hooks/bitrix24/" + TENANT;
        List<String> online = List.of("ONCRMDEALADD", "ONCRMDEALUPDATE", "ONCRMDEALDELETE", "ONCRMCONTACTUPDATE");
        List<String> offline = List.of("ONCRMDEALADD", "ONCRMDEALUPDATE", "ONCRMDEALDELETE");
        // an installation of an older version: online handlers only
        WIREMOCK.stubFor(post(urlEqualTo(rest(TENANT, "event.get")))
                .inScenario("offline-handlers")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(ok(Bitrix24Stubs.answer(handlers(destination, online, List.of())))));
        WIREMOCK.stubFor(post(urlEqualTo(rest(TENANT, "batch")))
                .withRequestBody(containing("event.unbind"))
                .willReturn(
                        ok(batch(online.stream().collect(Collectors.toMap(e -> e, e -> "{\"count\":1}")), Map.of()))));
        WIREMOCK.stubFor(post(urlEqualTo(rest(TENANT, "batch")))
                .withRequestBody(containing("event.bind"))
                .inScenario("offline-handlers")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(ok(batch(bindResults(online, offline), Map.of())))
                .willSetStateTo("bound"));
        WIREMOCK.stubFor(post(urlEqualTo(rest(TENANT, "event.get")))
                .inScenario("offline-handlers")
                .whenScenarioStateIs("bound")
                .willReturn(ok(Bitrix24Stubs.answer(handlers(destination, online, offline)))));

        mvc.perform(TenantAdminIT.admin(MockMvcRequestBuilders.post("/admin/tenants/" + TENANT + "/webhooks")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.created").value(true));
        mvc.perform(TenantAdminIT.admin(MockMvcRequestBuilders.post("/admin/tenants/" + TENANT + "/webhooks")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(false));

        List<String> binds = commands("event.bind");
        assertThat(binds).filteredOn(b -> b.contains("handler=" + destination)).hasSize(4);
        assertThat(binds.stream()
                        .filter(b -> b.contains("event_type=offline"))
                        .map(b -> b.replaceAll(".*event=(\\w+).*", "$1")))
                .containsExactlyInAnyOrderElementsOf(offline);
        assertThat(binds).filteredOn(b -> b.contains("event_type=offline")).noneMatch(b -> b.contains("handler="));
    }

    @Test
    void
            offline_items_become_hints_the_packet_is_cleared_by_its_process_and_an_event_that_also_came_online_adds_nothing() {
        deals("2101", "2102");
        publishAll(Topics.CRM_LEAD_HINTS, hint(CrmKind.BITRIX24, TENANT, "2101", "deal", "update", null));
        awaitSnapshots(s -> s.leadId().equals("2101"), 1);
        offlineQueue(
                "5f2b8d1c0e7a4b39a6c1d2e3f4a5b6c7",
                item("7", "ONCRMDEALUPDATE", "2101", "0b7dcd1a5e3f1f6c2c8f9d4a1e2b3c4d")
                        + "," + item("8", "ONCRMDEALADD", "2102", "a1d0c6e83f027327d8461063f4ac58a6")
                        + "," + item("9", "ONCRMCONTACTUPDATE", "2001", "c4ca4238a0b923820dcc509a6f75849b"));

        int handled = poller.poll(TENANT);

        assertThat(handled).isEqualTo(3);
        List<LeadSnapshotted> snapshots =
                awaitSnapshots(s -> s.leadId().equals("2101") || s.leadId().equals("2102"), 2);
        assertThat(snapshots).filteredOn(s -> s.leadId().equals("2101")).hasSize(1);
        assertThat(snapshots)
                .filteredOn(s -> s.leadId().equals("2102"))
                .singleElement()
                .satisfies(s ->
                        assertThat(s.causationId()).startsWith("bitrix24-offline-a1d0c6e83f027327d8461063f4ac58a6"));
        WIREMOCK.verify(
                1,
                postRequestedFor(urlEqualTo(rest(TENANT, "event.offline.clear")))
                        .withRequestBody(matchingJsonPath("$.process_id", equalTo("5f2b8d1c0e7a4b39a6c1d2e3f4a5b6c7")))
                        .withRequestBody(matchingJsonPath("$.message_id.length()", equalTo("3"))));
        WIREMOCK.verify(
                0,
                postRequestedFor(urlEqualTo(rest(TENANT, "event.offline.error")))
                        .withRequestBody(
                                matchingJsonPath("$.process_id", equalTo("5f2b8d1c0e7a4b39a6c1d2e3f4a5b6c7"))));
        assertThat(requestsTo("event.offline.get"))
                .allSatisfy(body -> assertThat(body.path("clear").asInt()).isZero());
    }

    @Test
    void a_packet_whose_deals_cannot_be_read_goes_back_to_bitrix24_as_errors() {
        WIREMOCK.stubFor(post(urlEqualTo(rest(TENANT, "batch")))
                .atPriority(1)
                .withRequestBody(containing("crm.deal.list"))
                .withRequestBody(containing("2199"))
                .willReturn(ok(batch(Map.of(), Map.of("r0", Bitrix24Stubs.error("ACCESS_DENIED", "Access denied."))))));
        offlineQueue(
                "9d8c7b6a5f4e3d2c1b0a99887766554a",
                item("21", "ONCRMDEALUPDATE", "2199", "45c48cce2e2d7fbdea1afc51c7c6ad26"));

        assertThatThrownBy(() -> poller.poll(TENANT)).hasMessageContaining("ACCESS_DENIED");

        WIREMOCK.verify(
                1,
                postRequestedFor(urlEqualTo(rest(TENANT, "event.offline.error")))
                        .withRequestBody(matchingJsonPath("$.process_id", equalTo("9d8c7b6a5f4e3d2c1b0a99887766554a")))
                        .withRequestBody(
                                matchingJsonPath("$.message_id[0]", equalTo("45c48cce2e2d7fbdea1afc51c7c6ad26"))));
        WIREMOCK.verify(
                0,
                postRequestedFor(urlEqualTo(rest(TENANT, "event.offline.clear")))
                        .withRequestBody(
                                matchingJsonPath("$.process_id", equalTo("9d8c7b6a5f4e3d2c1b0a99887766554a"))));
    }

    @Test
    void a_packet_whose_deals_cannot_be_read_yet_is_cleared_and_its_hints_wait_in_the_store_until_the_method_resets() {
        String scenario = "offline-parked-2301";
        Instant resetAt = Instant.ofEpochSecond(Instant.now().plusSeconds(6).getEpochSecond());
        // the online hint's read tells when crm.deal.list's oldest operating-time bucket resets; the offline item's
        // read is refused (the method is parked until then); after the reset the deal has moved on
        WIREMOCK.stubFor(dealRead("2301", scenario, Scenario.STARTED, "online-read")
                .willReturn(ok(Bitrix24Stubs.batchWithTimes(
                        "{\"r0\":[" + Bitrix24Stubs.deal(2301, "NEW", "P", "2026-11-21T12:00:00+03:00", "") + "]}",
                        "[]",
                        "{\"r0\":" + Bitrix24Stubs.timeResettingAt(resetAt.getEpochSecond()) + "}"))));
        WIREMOCK.stubFor(dealRead("2301", scenario, "online-read", "parked")
                .willReturn(ok(Bitrix24Stubs.batchWithTimes(
                        "[]", "{\"r0\":" + Bitrix24Stubs.operationTimeLimit() + "}", "[]"))));
        WIREMOCK.stubFor(dealRead("2301", scenario, "parked", "parked")
                .willReturn(ok(batch(
                        Map.of(
                                "r0",
                                "[" + Bitrix24Stubs.deal(2301, "PREPARATION", "P", "2026-11-21T12:40:00+03:00", "")
                                        + "]"),
                        Map.of()))));
        publishAll(Topics.CRM_LEAD_HINTS, hint(CrmKind.BITRIX24, TENANT, "2301", "deal", "update", null));
        awaitSnapshots(s -> s.leadId().equals("2301"), 1);
        offlineQueue(
                "7e6d5c4b3a29180706f5e4d3c2b1a090",
                item("31", "ONCRMDEALUPDATE", "2301", "d3d9446802a44259755d38e6d163e820"));

        int handled = poller.poll(TENANT);

        // the packet is Bitrix24's no longer: cleared, not handed back, and the hint waits here instead
        assertThat(handled).isEqualTo(1);
        WIREMOCK.verify(
                1,
                postRequestedFor(urlEqualTo(rest(TENANT, "event.offline.clear")))
                        .withRequestBody(
                                matchingJsonPath("$.process_id", equalTo("7e6d5c4b3a29180706f5e4d3c2b1a090"))));
        WIREMOCK.verify(
                0,
                postRequestedFor(urlEqualTo(rest(TENANT, "event.offline.error")))
                        .withRequestBody(
                                matchingJsonPath("$.process_id", equalTo("7e6d5c4b3a29180706f5e4d3c2b1a090"))));
        assertThat(deferredHints.leadsWaiting(TENANT, List.of("2301"))).containsExactly("2301");

        LeadSnapshotted moved =
                awaitSnapshots(s -> s.leadId().equals("2301"), 2).get(1);
        assertThat(moved.occurredAt()).isAfterOrEqualTo(resetAt);
        assertThat(moved.causationId()).startsWith("bitrix24-offline-d3d9446802a44259755d38e6d163e820");
        await().atMost(WAIT)
                .until(() -> deferredHints.leadsWaiting(TENANT, List.of("2301")).isEmpty());
    }

    /** The queue answers one packet under {@code processId}, then is empty (errors too); clear and error succeed. */
    private static void offlineQueue(String processId, String items) {
        String scenario = "offline-" + processId;
        WIREMOCK.stubFor(post(urlEqualTo(rest(TENANT, "event.offline.get")))
                .withRequestBody(matchingJsonPath("$.error", equalTo("0")))
                .inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(
                        ok(Bitrix24Stubs.answer("{\"process_id\":\"" + processId + "\",\"events\":[" + items + "]}")))
                .willSetStateTo("read"));
        WIREMOCK.stubFor(post(urlEqualTo(rest(TENANT, "event.offline.get")))
                .inScenario(scenario)
                .whenScenarioStateIs("read")
                .willReturn(ok(Bitrix24Stubs.answer("{\"process_id\":\"0000\",\"events\":[]}"))));
        WIREMOCK.stubFor(
                post(urlEqualTo(rest(TENANT, "event.offline.clear"))).willReturn(ok(Bitrix24Stubs.answer("true"))));
        WIREMOCK.stubFor(
                post(urlEqualTo(rest(TENANT, "event.offline.error"))).willReturn(ok(Bitrix24Stubs.answer("true"))));
    }

    /** One queue record as {@code event.offline.get} lists it. */
    private static String item(String id, String event, String dealId, String messageId) {
        return "{\"ID\":\"" + id + "\",\"TIMESTAMP_X\":\"2026-11-21T12:30:00+03:00\",\"EVENT_NAME\":\"" + event
                + "\",\"EVENT_DATA\":{\"FIELDS\":{\"ID\":" + dealId + "}},\"EVENT_ADDITIONAL\":{\"user_id\":\"1\"},"
                + "\"MESSAGE_ID\":\"" + messageId + "\"}";
    }

    private static void deals(String... ids) {
        for (String id : ids) {
            WIREMOCK.stubFor(post(urlEqualTo(rest(TENANT, "batch")))
                    .withRequestBody(containing("crm.deal.list"))
                    .withRequestBody(containing(id))
                    .willReturn(ok(batch(
                            Map.of(
                                    "r0",
                                    "["
                                            + Bitrix24Stubs.deal(
                                                    Long.parseLong(id), "NEW", "P", "2026-11-21T12:00:00+03:00", "")
                                            + "]"),
                            Map.of()))));
        }
    }

    private static com.github.tomakehurst.wiremock.client.MappingBuilder dealRead(
            String dealId, String scenario, String state, String next) {
        return post(urlEqualTo(rest(TENANT, "batch")))
                .atPriority(1)
                .withRequestBody(containing("crm.deal.list"))
                .withRequestBody(containing(dealId))
                .inScenario(scenario)
                .whenScenarioStateIs(state)
                .willSetStateTo(next);
    }

    private static Map<String, String> bindResults(List<String> online, List<String> offline) {
        Map<String, String> results = new java.util.HashMap<>();
        online.forEach(e -> results.put(e, "true"));
        offline.forEach(e -> results.put("offline_" + e, "true"));
        return results;
    }

    private static String handlers(String destination, List<String> online, List<String> offline) {
        List<String> rows = new ArrayList<>();
        online.forEach(e -> rows.add(
                "{\"event\":\"" + e + "\",\"handler\":\"" + destination + "\",\"auth_type\":\"0\",\"offline\":0}"));
        offline.forEach(e -> rows.add("{\"event\":\"" + e + "\",\"handler\":\"\",\"auth_type\":\"0\",\"offline\":1}"));
        return rows.stream().collect(Collectors.joining(",", "[", "]"));
    }

    private List<LeadSnapshotted> awaitSnapshots(java.util.function.Predicate<LeadSnapshotted> which, int count) {
        return kafka
                .await(
                        Topics.CRM_LEAD_EVENTS,
                        e -> e.tenant().equals(TENANT) && e instanceof LeadSnapshotted s && which.test(s),
                        count,
                        WAIT)
                .stream()
                .map(LeadSnapshotted.class::cast)
                .toList();
    }

    private static List<JsonNode> requestsTo(String method) {
        return WIREMOCK.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals(rest(TENANT, method)))
                .map(Bitrix24RequestLog::body)
                .toList();
    }

    private static List<String> commands(String method) {
        return Bitrix24RequestLog.batchCalls(WIREMOCK, TENANT, method);
    }
}
