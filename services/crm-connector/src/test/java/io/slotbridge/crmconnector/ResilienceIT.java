package io.slotbridge.crmconnector;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.havingExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static io.slotbridge.crmconnector.AmoCrmStubs.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.slotbridge.contracts.CommandOutcome;
import io.slotbridge.contracts.RejectionCode;
import io.slotbridge.contracts.Topics;
import io.slotbridge.contracts.crm.AddNote;
import io.slotbridge.contracts.crm.CrmCommand;
import io.slotbridge.contracts.crm.CrmCommandApplied;
import io.slotbridge.contracts.crm.CrmCommandRejected;
import io.slotbridge.contracts.crm.CrmCommandResult;
import io.slotbridge.contracts.crm.LeadChangeNoticed;
import io.slotbridge.contracts.crm.LeadSnapshotted;
import io.slotbridge.contracts.crm.SetLeadFields;
import io.slotbridge.contracts.ops.ConnectionStatusReported;
import io.slotbridge.crmconnector.app.CrmAccounts;
import io.slotbridge.crmconnector.app.DeferredQueue;
import io.slotbridge.crmconnector.app.OpsReporter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** 429, 5xx, 400 validation errors and the 403 block, against the emulated amoCRM. */
class ResilienceIT extends CrmConnectorIT {

    static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    CrmAccounts accounts;

    @Autowired
    DeferredQueue<CrmCommand> deferred;

    @Autowired
    DeferredQueue<LeadChangeNoticed> deferredHints;

    @Autowired
    OpsReporter reporter;

    @Test
    void a_429_is_backed_off_and_retried() {
        String tenant = "it-faults";
        WIREMOCK.stubFor(patch(api(tenant, "/api/v4/leads"))
                .atPriority(1)
                .withRequestBody(containing("\"id\":6001"))
                .inScenario("throttle")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429))
                .willSetStateTo("passed"));
        String id = "throttled-" + UUID.randomUUID();

        publishAll(
                Topics.CRM_COMMANDS,
                new SetLeadFields(id, tenant, "6001", Instant.now(), "sync", null, Map.of("Категория", "C")));

        CrmCommandResult result = result(id, WAIT);
        assertThat(result).isInstanceOfSatisfying(CrmCommandApplied.class, a -> assertThat(a.outcome())
                .isEqualTo(CommandOutcome.APPLIED));
        assertThat(patchesOf(tenant, "6001")).isEqualTo(2);
    }

    @Test
    void a_5xx_is_retried_with_back_off() {
        String tenant = "it-faults";
        WIREMOCK.stubFor(post(api(tenant, "/api/v4/leads/notes"))
                .atPriority(1)
                .withRequestBody(containing("\"entity_id\":6002"))
                .inScenario("outage")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse()
                        .withStatus(503)
                        .withBody("<html><title>503 Service Temporarily Unavailable</title></html>"))
                .willSetStateTo("recovered"));
        String id = "outage-" + UUID.randomUUID();

        publishAll(
                Topics.CRM_COMMANDS,
                new AddNote(id, tenant, "6002", Instant.now(), "sync", null, "Клиент подтвердил встречу"));

        CrmCommandResult result = result(id, WAIT);
        assertThat(result).isInstanceOf(CrmCommandApplied.class);
        assertThat(requests(tenant, "POST", "/api/v4/leads/notes").stream()
                        .filter(e -> e.getRequest().getBodyAsString().contains("\"entity_id\":6002"))
                        .count())
                .isEqualTo(2);
    }

    @Test
    void a_validation_error_rejects_only_the_item_it_names_and_the_rest_is_sent_again() {
        String tenant = "it-faults";
        WIREMOCK.stubFor(
                patch(api(tenant, "/api/v4/leads"))
                        .atPriority(1)
                        .withRequestBody(containing("\"id\":6003"))
                        .withRequestBody(containing("\"id\":6004"))
                        .willReturn(
                                aResponse()
                                        .withStatus(400)
                                        .withHeader("Content-Type", AmoCrmStubs.PROBLEM)
                                        .withBody(
                                                "{\"validation-errors\":[{\"request_id\":\"1\",\"errors\":[{\"code\":\"NotSupportedChoice\","
                                                        + "\"path\":\"custom_fields_values.0.values.0.enum_id\",\"detail\":\"The value you selected is not a valid choice.\"}]}],"
                                                        + "\"title\":\"Bad Request\",\"type\":\"https://httpstatus.es/400\",\"status\":400,\"detail\":\"Request validation failed\"}")));
        String good = "good-" + UUID.randomUUID();
        String bad = "bad-" + UUID.randomUUID();

        publishAll(
                Topics.CRM_COMMANDS,
                new SetLeadFields(good, tenant, "6003", Instant.now(), "sync", null, Map.of("Категория", "A")),
                new SetLeadFields(bad, tenant, "6004", Instant.now(), "sync", null, Map.of("Категория", "B")));

        List<CrmCommandResult> results = kafka.await(
                Topics.CRM_COMMAND_RESULTS,
                r -> r.commandId().equals(good) || r.commandId().equals(bad),
                2,
                WAIT);
        assertThat(results)
                .filteredOn(r -> r.commandId().equals(good))
                .singleElement()
                .isInstanceOf(CrmCommandApplied.class);
        assertThat(results)
                .filteredOn(r -> r.commandId().equals(bad))
                .singleElement()
                .isInstanceOfSatisfying(CrmCommandRejected.class, r -> {
                    assertThat(r.code()).isEqualTo(RejectionCode.INVALID);
                    assertThat(r.reason())
                            .contains("custom_fields_values.0.values.0.enum_id")
                            .contains("not a valid choice");
                    assertThat(r.retryable()).isFalse();
                });
    }

    @Test
    void a_403_block_opens_the_circuit_alerts_pauses_and_the_command_is_applied_after_the_pause() {
        String tenant = "it-blocked";
        WIREMOCK.stubFor(patch(api(tenant, "/api/v4/leads"))
                .atPriority(1)
                .inScenario("block")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(AmoCrmStubs.blockedHtml())
                .willSetStateTo("unblocked"));
        String id = "blocked-" + UUID.randomUUID();

        publishAll(
                Topics.CRM_COMMANDS,
                new SetLeadFields(id, tenant, "6101", Instant.now(), "sync", null, Map.of("Категория", "A")));

        CrmCommandResult result = result(id, WAIT);
        assertThat(result).isInstanceOf(CrmCommandApplied.class);
        List<ConnectionStatusReported> alerts =
                kafka.await(Topics.OPS_REPORTS, r -> r.tenant().equals(tenant), 1, WAIT).stream()
                        .map(ConnectionStatusReported.class::cast)
                        .toList();
        assertThat(alerts.get(0).status()).isEqualTo("blocked");
        assertThat(alerts.get(0).blockedLastMinute()).isEqualTo(1);
        List<Long> patchTimes = requests(tenant, "PATCH", "/api/v4/leads").stream()
                .map(e -> e.getRequest().getLoggedDate().getTime())
                .toList();
        assertThat(patchTimes).hasSize(2);
        // nothing was sent while the circuit was open (blocked-pause is 3 s in these tests)
        assertThat(patchTimes.get(1) - patchTimes.get(0)).isGreaterThanOrEqualTo(3000);
    }

    @Test
    void while_one_account_is_blocked_other_tenants_are_written_at_once_and_its_own_commands_wait_in_lead_order() {
        String tenant = "it-held";
        String run = "held-" + UUID.randomUUID().toString().substring(0, 8);
        WIREMOCK.stubFor(patch(api(tenant, "/api/v4/leads"))
                .atPriority(1)
                .inScenario(run)
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(AmoCrmStubs.blockedHtml())
                .willSetStateTo("unblocked"));
        publishAll(Topics.CRM_COMMANDS, goal(run + "-1", tenant, "6201", run + " first goal"));
        // the block opened the account's circuit: the command waits in the store, the consumer goes on
        await().atMost(WAIT)
                .until(() -> !deferred.leadsWaiting(tenant, List.of("6201")).isEmpty());

        publishAll(
                Topics.CRM_COMMANDS,
                List.of(
                        goal(run + "-2", tenant, "6201", run + " second goal"),
                        new AddNote(run + "-n", tenant, "6202", Instant.now(), "followup", null, run + " note"),
                        goal(run + "-free", "it-faults", "6003", run + " free goal")));

        CrmCommandResult free = result(run + "-free", WAIT);
        CrmCommandResult first = result(run + "-1", WAIT);
        CrmCommandResult second = result(run + "-2", WAIT);
        CrmCommandResult note = result(run + "-n", WAIT);
        assertThat(List.of(free, first, second, note)).allSatisfy(r -> assertThat(r)
                .isInstanceOfSatisfying(
                        CrmCommandApplied.class, a -> assertThat(a.outcome()).isEqualTo(CommandOutcome.APPLIED)));
        // another tenant did not wait for the block to lift (the consumer used to pause for everybody)
        assertThat(free.occurredAt()).isBefore(first.occurredAt());
        List<ServeEvent> patches = requests(tenant, "PATCH", "/api/v4/leads").stream()
                .filter(e -> e.getRequest().getBodyAsString().contains(run))
                .toList();
        long blockedAt = patches.get(0).getRequest().getLoggedDate().getTime();
        // nothing was sent while the circuit was open (blocked-pause is 3 s in these tests), the note neither
        assertThat(patches.subList(1, patches.size()))
                .allSatisfy(e -> assertThat(e.getRequest().getLoggedDate().getTime() - blockedAt)
                        .isGreaterThanOrEqualTo(3000));
        List<ServeEvent> notes = requests(tenant, "POST", "/api/v4/leads/notes").stream()
                .filter(e -> e.getRequest().getBodyAsString().contains(run))
                .toList();
        assertThat(notes).hasSize(1);
        assertThat(notes.get(0).getRequest().getLoggedDate().getTime() - blockedAt)
                .isGreaterThanOrEqualTo(3000);
        // the lead's second command was not written before its first: the last write leaves the second goal
        assertThat(patches.get(patches.size() - 1).getRequest().getBodyAsString())
                .contains(run + " second goal");
        assertThat(deferred.leadsWaiting(tenant, List.of("6201", "6202"))).isEmpty();
    }

    @Test
    void hints_of_a_blocked_account_wait_without_holding_up_other_tenants_hints() {
        String tenant = "it-held";
        String other = "it-faults";
        long heldLead = 6301 + (System.nanoTime() % 1000);
        long freeLead = 6401 + (System.nanoTime() % 1000);
        AmoLeadsEmulator.put(tenant, AmoCrmStubs.lead(heldLead, 70012, 1795000300L));
        AmoLeadsEmulator.put(other, AmoCrmStubs.lead(freeLead, 70012, 1795000300L));
        String scenario = "held-read-" + heldLead;
        WIREMOCK.stubFor(get(api(tenant, "/api/v4/leads"))
                .atPriority(1)
                .withQueryParam("filter[id][]", havingExactly(String.valueOf(heldLead)))
                .inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(AmoCrmStubs.blockedHtml())
                .willSetStateTo("unblocked"));

        kafka.publish(Topics.CRM_LEAD_HINTS, hint(tenant, String.valueOf(heldLead), "lead", "status", null));
        await().atMost(WAIT).until(() -> !deferredHints
                .leadsWaiting(tenant, List.of(String.valueOf(heldLead)))
                .isEmpty());
        kafka.publish(Topics.CRM_LEAD_HINTS, hint(other, String.valueOf(freeLead), "lead", "status", null));

        LeadSnapshotted free = snapshot(other, freeLead);
        LeadSnapshotted held = snapshot(tenant, heldLead);
        // the other tenant's hint was re-read while the blocked one waited (the consumer used to pause for everybody)
        assertThat(free.occurredAt()).isBefore(held.occurredAt());
        List<ServeEvent> reads = requests(tenant, "GET", "/api/v4/leads").stream()
                .filter(e -> e.getRequest().getUrl().contains(String.valueOf(heldLead)))
                .toList();
        assertThat(reads).hasSize(2);
        assertThat(reads.get(1).getRequest().getLoggedDate().getTime()
                        - reads.get(0).getRequest().getLoggedDate().getTime())
                .isGreaterThanOrEqualTo(3000);
        assertThat(deferredHints.leadsWaiting(tenant, List.of(String.valueOf(heldLead))))
                .isEmpty();
    }

    private LeadSnapshotted snapshot(String tenant, long leadId) {
        return (LeadSnapshotted) kafka.await(
                        Topics.CRM_LEAD_EVENTS,
                        e -> e.tenant().equals(tenant)
                                && e.leadId().equals(String.valueOf(leadId))
                                && e instanceof LeadSnapshotted,
                        1,
                        WAIT)
                .get(0);
    }

    private static SetLeadFields goal(String commandId, String tenant, String leadId, String goal) {
        return new SetLeadFields(commandId, tenant, leadId, Instant.now(), "sync", null, Map.of("Цель клиента", goal));
    }

    @Test
    void back_to_back_calls_never_exceed_the_budget_in_any_second() {
        String tenant = "it-faults";
        int before = requests(tenant).size();
        for (int i = 0; i < 8; i++) {
            accounts.get(tenant).api().readMetadata();
        }
        var calls = requests(tenant);
        assertThat(calls.size() - before).isEqualTo(32);
        CommandBatchingIT.assertBudget(calls.subList(before, calls.size()));
    }

    private static long patchesOf(String tenant, String leadId) {
        return requests(tenant, "PATCH", "/api/v4/leads").stream()
                .filter(e -> e.getRequest().getBodyAsString().contains("\"id\":" + leadId))
                .count();
    }
}
