package io.slotbridge.crmconnector;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
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
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.slotbridge.contracts.CommandOutcome;
import io.slotbridge.contracts.Topics;
import io.slotbridge.contracts.crm.AddNote;
import io.slotbridge.contracts.crm.CrmCommand;
import io.slotbridge.contracts.crm.CrmCommandApplied;
import io.slotbridge.contracts.crm.CrmCommandResult;
import io.slotbridge.contracts.crm.CrmKind;
import io.slotbridge.contracts.crm.LeadChangeNoticed;
import io.slotbridge.contracts.crm.LeadSnapshotted;
import io.slotbridge.contracts.crm.MoveLeadToStage;
import io.slotbridge.contracts.crm.StageSemantic;
import io.slotbridge.crmconnector.app.DeferredQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * A Bitrix24 tenant ({@code it-b24}: deals, 2 requests/s, bucket of 50) gets the same product as an amoCRM one: hints
 * become named snapshots, commands become {@code batch} calls of at most 50 under the portal's limit, event handlers
 * are bound from the admin API. The portal is WireMock answering in Bitrix24's documented shapes.
 */
class Bitrix24IT extends CrmConnectorIT {

    static final String TENANT = "it-b24";
    static final Duration WAIT = Duration.ofSeconds(120);

    static {
        Bitrix24Stubs.metadataAndContact(WIREMOCK, TENANT);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    DeferredQueue<CrmCommand> deferred;

    @Test
    void a_deal_event_hint_becomes_a_snapshot_with_every_code_resolved_to_its_name() {
        String open = "\"" + MEETING_TIME + "\":\"2026-11-24T13:00:00+03:00\",\"" + EXPERT + "\":\"101\",\"" + CATEGORY
                + "\":\"111\",\"" + CLIENT_GOAL + "\":\"Выйти на соревнования\",\"" + LOSS_REASON + "\":null";
        String lost = "\"" + LOSS_REASON + "\":\"122\"";
        WIREMOCK.stubFor(post(urlEqualTo(rest(TENANT, "batch")))
                .withRequestBody(containing("crm.deal.list"))
                .withRequestBody(containing("1001"))
                .willReturn(ok(batch(
                        Map.of(
                                "r0",
                                "["
                                        + Bitrix24Stubs.deal(
                                                1001, "PREPAYMENT_INVOICE", "P", "2026-11-21T12:00:00+03:00", open)
                                        + "," + Bitrix24Stubs.deal(1002, "LOSE", "F", "2026-11-21T12:05:00+03:00", lost)
                                        + "]"),
                        Map.of()))));

        publishAll(Topics.CRM_LEAD_HINTS, dealHint("1001"), dealHint("1002"));

        LeadSnapshotted s = awaitSnapshots("1001", 1).get(0);
        LeadSnapshotted closed = awaitSnapshots("1002", 1).get(0);
        assertThat(s.crm()).isEqualTo(CrmKind.BITRIX24);
        assertThat(s.pipeline()).isEqualTo("Воронка");
        assertThat(s.stage()).isEqualTo("5. Встреча назначена");
        assertThat(s.stageSemantic()).isEqualTo(StageSemantic.OPEN);
        assertThat(s.fields())
                .containsEntry("Дата и время встречи", "2026-11-24T13:00:00+03:00")
                .containsEntry("Сотрудник, который будет проводить встречу", "Паша")
                .containsEntry("Категория", "A")
                .containsEntry("Цель клиента", "Выйти на соревнования")
                .doesNotContainKey("Причина отказа");
        assertThat(s.responsible().email()).isEqualTo("olga@demo.example");
        assertThat(s.modifiedBy().name()).isEqualTo("Паша");
        assertThat(s.contact().phone()).isEqualTo("79031234567");
        assertThat(s.cardUrl()).isEqualTo("https://it-b24.bitrix24.ru/crm/deal/details/1001/");
        assertThat(closed.stage()).isEqualTo("Отказ. Сделка закрыта");
        assertThat(closed.stageSemantic()).isEqualTo(StageSemantic.LOST);
        assertThat(closed.lossReason()).isEqualTo("Встреча отменена");
        // both deals were read by one batch request
        assertThat(commands("crm.deal.list"))
                .filteredOn(c -> c.contains("=1001"))
                .hasSize(1);
    }

    @Test
    void commands_are_batched_50_per_request_under_the_portal_limit_and_a_503_query_limit_exceeded_is_retried() {
        Map<String, String> updated = new HashMap<>();
        Map<String, String> created = new HashMap<>();
        for (int i = 0; i < 50; i++) {
            updated.put("k" + i, "true");
            created.put("k" + i, String.valueOf(7000 + i));
        }
        WIREMOCK.stubFor(post(urlEqualTo(rest(TENANT, "batch")))
                .withRequestBody(containing("crm.deal.update"))
                .inScenario("limit")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(503, Bitrix24Stubs.queryLimitExceeded()))
                .willSetStateTo("open"));
        WIREMOCK.stubFor(post(urlEqualTo(rest(TENANT, "batch")))
                .withRequestBody(containing("crm.deal.update"))
                .inScenario("limit")
                .whenScenarioStateIs("open")
                .willReturn(ok(batch(updated, Map.of()))));
        WIREMOCK.stubFor(post(urlEqualTo(rest(TENANT, "batch")))
                .withRequestBody(containing("crm.timeline.comment.add"))
                .willReturn(ok(batch(created, Map.of()))));
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<CrmCommand> commands = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            String lead = String.valueOf(3000 + i);
            commands.add(new MoveLeadToStage(
                    run + "-m" + i, TENANT, lead, Instant.now(), "sync", null, "Квалифицирован", "Воронка"));
        }
        for (int i = 0; i < 10; i++) {
            commands.add(new AddNote(
                    run + "-n" + i, TENANT, String.valueOf(3000 + i), Instant.now(), "followup", null, "Звонок " + i));
        }

        publishAll(Topics.CRM_COMMANDS, commands);

        Set<String> commandIds = commands.stream().map(CrmCommand::commandId).collect(Collectors.toSet());
        List<CrmCommandResult> results =
                kafka.await(Topics.CRM_COMMAND_RESULTS, r -> commandIds.contains(r.commandId()), 130, WAIT);
        assertThat(results).hasSize(130);
        assertThat(results).allSatisfy(r -> assertThat(r)
                .isInstanceOfSatisfying(
                        CrmCommandApplied.class, a -> assertThat(a.outcome()).isEqualTo(CommandOutcome.APPLIED)));
        assertThat(results.stream()
                        .filter(r -> r.commandType().equals("crm.add-note"))
                        .map(r -> ((CrmCommandApplied) r).createdEntityId()))
                .allSatisfy(id -> assertThat(id).startsWith("70"));

        List<ServeEvent> updates = requests().stream()
                .filter(e -> e.getRequest().getBodyAsString().contains("crm.deal.update"))
                .toList();
        assertThat(updates)
                .allSatisfy(e -> assertThat(Bitrix24RequestLog.commands(e)).hasSizeLessThanOrEqualTo(50));
        assertThat(updates.stream().filter(e -> e.getResponse().getStatus() == 503))
                .hasSize(1);
        List<String> applied = updates.stream()
                .filter(e -> e.getResponse().getStatus() == 200)
                .flatMap(e -> Bitrix24RequestLog.commands(e).stream())
                .toList();
        assertThat(applied).hasSize(120).allSatisfy(c -> assertThat(c).contains("fields[STAGE_ID]=PREPARATION"));
        assertThat(applied.stream()
                        .map(c -> c.replaceAll(".*[?&]id=(\\d+).*", "$1"))
                        .distinct())
                .hasSize(120);
        Bitrix24RequestLog.assertLeakyBucketNeverOverflows(requests(), 2.0, 50);
    }

    @Test
    void event_handlers_are_bound_once_from_the_admin_api_and_the_names_validate() throws Exception {
        String destination = "https://gateway.example.test/hooks/bitrix24/" + TENANT;
        List<String> events = List.of("ONCRMDEALADD", "ONCRMDEALUPDATE", "ONCRMDEALDELETE", "ONCRMCONTACTUPDATE");
        WIREMOCK.stubFor(post(urlEqualTo(rest(TENANT, "event.get")))
                .inScenario("handlers")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(ok(Bitrix24Stubs.answer("[]"))));
        WIREMOCK.stubFor(post(urlEqualTo(rest(TENANT, "batch")))
                .withRequestBody(containing("event.bind"))
                .inScenario("handlers")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(ok(batch(events.stream().collect(Collectors.toMap(e -> e, e -> "true")), Map.of())))
                .willSetStateTo("bound"));
        WIREMOCK.stubFor(post(urlEqualTo(rest(TENANT, "event.get")))
                .inScenario("handlers")
                .whenScenarioStateIs("bound")
                .willReturn(ok(Bitrix24Stubs.answer(events.stream()
                        .map(e -> "{\"event\":\"" + e + "\",\"handler\":\"" + destination
                                + "\",\"auth_type\":\"0\",\"offline\":0}")
                        .collect(Collectors.joining(",", "[", "]"))))));

        mvc.perform(TenantAdminIT.admin(MockMvcRequestBuilders.post("/admin/tenants/" + TENANT + "/webhooks")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.created").value(true));
        mvc.perform(TenantAdminIT.admin(MockMvcRequestBuilders.post("/admin/tenants/" + TENANT + "/webhooks")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(false));
        mvc.perform(TenantAdminIT.admin(MockMvcRequestBuilders.get("/admin/tenants/" + TENANT + "/validation")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.problems").isEmpty());
        mvc.perform(TenantAdminIT.admin(MockMvcRequestBuilders.get("/admin/tenants/" + TENANT + "/status")))
                .andExpect(jsonPath("$.crm").value("bitrix24"))
                .andExpect(jsonPath("$.requestsPerSecondLimit").value(2.0));

        List<String> binds = commands("event.bind");
        assertThat(binds).hasSize(4);
        assertThat(binds).allSatisfy(b -> assertThat(b).contains("handler=" + destination));
        assertThat(binds.stream().map(b -> b.replaceAll(".*event=(\\w+).*", "$1")))
                .containsExactlyInAnyOrderElementsOf(events);
    }

    @Test
    void our_own_write_fires_the_deal_event_again_and_the_re_read_snapshot_names_the_command_as_its_cause() {
        String before = "\"" + CATEGORY + "\":\"111\"";
        String after = "\"" + CATEGORY + "\":\"112\"";
        WIREMOCK.stubFor(post(urlEqualTo(rest(TENANT, "batch")))
                .atPriority(1)
                .withRequestBody(containing("crm.deal.list"))
                .withRequestBody(containing("1005"))
                .inScenario("echo")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(ok(batch(
                        Map.of(
                                "r0",
                                "[" + Bitrix24Stubs.deal(1005, "NEW", "P", "2026-11-21T12:00:00+03:00", before) + "]"),
                        Map.of()))));
        WIREMOCK.stubFor(post(urlEqualTo(rest(TENANT, "batch")))
                .atPriority(1)
                .withRequestBody(containing("crm.deal.update?id=1005"))
                .inScenario("echo")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(ok(batch(Map.of("k0", "true"), Map.of())))
                .willSetStateTo("written"));
        WIREMOCK.stubFor(post(urlEqualTo(rest(TENANT, "batch")))
                .atPriority(1)
                .withRequestBody(containing("crm.deal.list"))
                .withRequestBody(containing("1005"))
                .inScenario("echo")
                .whenScenarioStateIs("written")
                .willReturn(ok(batch(
                        Map.of(
                                "r0",
                                "[" + Bitrix24Stubs.deal(1005, "NEW", "P", "2026-11-21T12:10:00+03:00", after) + "]"),
                        Map.of()))));
        publishAll(Topics.CRM_LEAD_HINTS, dealHint("1005"));
        awaitSnapshots("1005", 1);
        String command = "echo-" + UUID.randomUUID();

        publishAll(
                Topics.CRM_COMMANDS,
                new io.slotbridge.contracts.crm.SetLeadFields(
                        command, TENANT, "1005", Instant.now(), "sync", null, Map.of("Категория", "B")));
        kafka.await(Topics.CRM_COMMAND_RESULTS, r -> r.commandId().equals(command), 1, WAIT);
        // Bitrix24 fires ONCRMDEALUPDATE for our own crm.deal.update too; the gateway turns it into this hint
        publishAll(Topics.CRM_LEAD_HINTS, dealHint("1005"));

        LeadSnapshotted echo = awaitSnapshots("1005", 2).get(1);
        assertThat(echo.fields()).containsEntry("Категория", "B");
        assertThat(echo.echoOfCommandIds()).containsExactly(command);
    }

    @Test
    void a_batch_refused_half_way_for_its_methods_operating_time_is_completed_after_the_reset_without_a_second_note() {
        String run = "park-" + UUID.randomUUID().toString().substring(0, 8);
        long resetAt = Instant.now().plusSeconds(3).getEpochSecond();
        WIREMOCK.stubFor(post(urlEqualTo(rest(TENANT, "batch")))
                .atPriority(1)
                .withRequestBody(containing(run))
                .inScenario(run)
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(ok(Bitrix24Stubs.batchWithTimes(
                        "{\"k0\":8001}",
                        "{\"k1\":" + Bitrix24Stubs.operationTimeLimit() + "}",
                        "{\"k0\":" + Bitrix24Stubs.timeResettingAt(resetAt) + "}")))
                .willSetStateTo("reset"));
        WIREMOCK.stubFor(post(urlEqualTo(rest(TENANT, "batch")))
                .atPriority(1)
                .withRequestBody(containing(run))
                .inScenario(run)
                .whenScenarioStateIs("reset")
                .willReturn(ok(batch(Map.of("k1", "8002"), Map.of()))));
        List<CrmCommand> notes = List.of(
                new AddNote(run + "-0", TENANT, "4101", Instant.now(), "followup", null, run + " first"),
                new AddNote(run + "-1", TENANT, "4102", Instant.now(), "followup", null, run + " second"));

        publishAll(Topics.CRM_COMMANDS, notes);

        List<CrmCommandResult> results =
                kafka.await(Topics.CRM_COMMAND_RESULTS, r -> r.commandId().startsWith(run), 2, WAIT);
        assertThat(results).hasSize(2).allSatisfy(r -> assertThat(r)
                .isInstanceOfSatisfying(
                        CrmCommandApplied.class, a -> assertThat(a.outcome()).isEqualTo(CommandOutcome.APPLIED)));
        assertThat(results.stream().map(r -> ((CrmCommandApplied) r).createdEntityId()))
                .containsExactlyInAnyOrder("8001", "8002");
        List<String> sent = requests().stream()
                .filter(e -> e.getRequest().getBodyAsString().contains(run))
                .flatMap(e -> Bitrix24RequestLog.commands(e).stream())
                .toList();
        assertThat(sent).filteredOn(c -> c.contains(run + " first")).hasSize(1);
        assertThat(sent).filteredOn(c -> c.contains(run + " second")).hasSize(2);
    }

    @Test
    void while_deal_updates_are_parked_notes_of_this_and_later_polls_are_written_at_once_and_the_deal_waits_in_order() {
        String run = "parked-" + UUID.randomUUID().toString().substring(0, 8);
        Instant resetAt = Instant.ofEpochSecond(Instant.now().plusSeconds(8).getEpochSecond());
        // a first deal update tells when the method's oldest operating-time bucket resets
        WIREMOCK.stubFor(post(urlEqualTo(rest(TENANT, "batch")))
                .atPriority(1)
                .withRequestBody(containing("crm.deal.update?id=9200"))
                .willReturn(ok(Bitrix24Stubs.batchWithTimes(
                        "{\"k0\":true}",
                        "[]",
                        "{\"k0\":" + Bitrix24Stubs.timeResettingAt(resetAt.getEpochSecond()) + "}"))));
        WIREMOCK.stubFor(post(urlEqualTo(rest(TENANT, "batch")))
                .atPriority(1)
                .withRequestBody(containing("crm.deal.update?id=9201"))
                .inScenario(run)
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(ok(Bitrix24Stubs.batchWithTimes(
                        "[]", "{\"k0\":" + Bitrix24Stubs.operationTimeLimit() + "}", "[]")))
                .willSetStateTo("reset"));
        WIREMOCK.stubFor(post(urlEqualTo(rest(TENANT, "batch")))
                .atPriority(1)
                .withRequestBody(containing("crm.deal.update?id=9201"))
                .inScenario(run)
                .whenScenarioStateIs("reset")
                .willReturn(ok(batch(Map.of("k0", "true"), Map.of()))));
        WIREMOCK.stubFor(post(urlEqualTo(rest(TENANT, "batch")))
                .atPriority(1)
                .withRequestBody(containing(run))
                .withRequestBody(containing("crm.timeline.comment.add"))
                .willReturn(ok(batch(Map.of("k0", "8301"), Map.of()))));
        publishAll(Topics.CRM_COMMANDS, move(run + "-m0", "9200"));
        result(run + "-m0", WAIT);

        // the note goes first, so however the two are split into polls it is never behind the parked update
        publishAll(
                Topics.CRM_COMMANDS,
                List.of(
                        new AddNote(run + "-n", TENANT, "9201", Instant.now(), "followup", null, run + " note"),
                        move(run + "-m1", "9201")));
        await().atMost(WAIT)
                .until(() -> !deferred.leadsWaiting(TENANT, List.of("9201")).isEmpty());
        // a later poll: a note on another deal goes out at once, the parked deal's next move queues behind m1
        publishAll(
                Topics.CRM_COMMANDS,
                List.of(
                        new AddNote(run + "-n2", TENANT, "9203", Instant.now(), "followup", null, run + " later"),
                        new MoveLeadToStage(
                                run + "-m2",
                                TENANT,
                                "9201",
                                Instant.now(),
                                "sync",
                                null,
                                "5. Встреча назначена",
                                "Воронка")));

        // the notes' method is not parked: both are written before the deal update's reset
        for (String noteId : List.of(run + "-n", run + "-n2")) {
            CrmCommandApplied note = (CrmCommandApplied) result(noteId, WAIT);
            assertThat(note.outcome()).isEqualTo(CommandOutcome.APPLIED);
            assertThat(note.createdEntityId()).isEqualTo("8301");
            assertThat(note.occurredAt()).isBefore(resetAt);
        }
        for (String moveId : List.of(run + "-m1", run + "-m2")) {
            CrmCommandApplied moved = (CrmCommandApplied) result(moveId, WAIT);
            assertThat(moved.outcome()).isEqualTo(CommandOutcome.APPLIED);
            assertThat(moved.occurredAt()).isAfterOrEqualTo(resetAt);
        }
        // each note written once; the deal's last update is its later move (PREPAYMENT_INVOICE), never overtaken by m1
        List<String> notes = commands("crm.timeline.comment.add");
        assertThat(notes).filteredOn(c -> c.contains(run + " note")).hasSize(1);
        assertThat(notes).filteredOn(c -> c.contains(run + " later")).hasSize(1);
        List<String> dealUpdates = commands("crm.deal.update").stream()
                .filter(c -> c.startsWith("crm.deal.update?id=9201&"))
                .toList();
        assertThat(dealUpdates.get(dealUpdates.size() - 1)).contains("PREPAYMENT_INVOICE");
        assertThat(deferred.leadsWaiting(TENANT, List.of("9201", "9203"))).isEmpty();
    }

    private static MoveLeadToStage move(String commandId, String dealId) {
        return new MoveLeadToStage(commandId, TENANT, dealId, Instant.now(), "sync", null, "Квалифицирован", "Воронка");
    }

    private List<LeadSnapshotted> awaitSnapshots(String dealId, int count) {
        return kafka
                .await(
                        Topics.CRM_LEAD_EVENTS,
                        e -> e.tenant().equals(TENANT) && e.leadId().equals(dealId) && e instanceof LeadSnapshotted,
                        count,
                        WAIT)
                .stream()
                .map(LeadSnapshotted.class::cast)
                .toList();
    }

    private static LeadChangeNoticed dealHint(String dealId) {
        return hint(CrmKind.BITRIX24, TENANT, dealId, "deal", "update", null);
    }

    private static List<ServeEvent> requests() {
        return Bitrix24RequestLog.requests(WIREMOCK, TENANT);
    }

    private static List<String> commands(String method) {
        return Bitrix24RequestLog.batchCalls(WIREMOCK, TENANT, method);
    }
}
