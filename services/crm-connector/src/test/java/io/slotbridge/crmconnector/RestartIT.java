package io.slotbridge.crmconnector;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static io.slotbridge.crmconnector.AmoCrmStubs.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.slotbridge.contracts.Topics;
import io.slotbridge.contracts.crm.CrmCommand;
import io.slotbridge.contracts.crm.CrmCommandApplied;
import io.slotbridge.contracts.crm.CrmCommandResult;
import io.slotbridge.contracts.crm.SetLeadFields;
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
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * A crm-connector instance dies in the middle of a batch (its third PATCH hangs, the process stops); a new instance
 * in the same consumer group gets the whole batch again and applies only what has no recorded outcome. Tenant
 * {@code it-restart}; the shared context's command listener is paused meanwhile so only these instances consume.
 */
class RestartIT extends CrmConnectorIT {

    static final String TENANT = "it-restart";
    static final String GROUP = "crm-connector-restart-it";

    @Autowired
    KafkaListenerEndpointRegistry registry;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_restart_in_the_middle_of_a_batch_applies_nothing_twice() throws Exception {
        MessageListenerContainer shared = registry.getListenerContainer("crm-connector.commands");
        shared.pause();
        await().atMost(Duration.ofSeconds(30)).until(shared::isContainerPaused);
        hangOnThirdPatch();
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<CrmCommand> commands = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            commands.add(new SetLeadFields(
                    run + "-" + i,
                    TENANT,
                    String.valueOf(7000 + i),
                    Instant.now(),
                    "sync",
                    null,
                    Map.of("Категория", "B")));
        }
        Set<String> ids = commands.stream().map(CrmCommand::commandId).collect(Collectors.toSet());
        Set<String> recorded;
        Set<String> inFlight;
        long killedAt;
        try {
            ConfigurableApplicationContext first = instance();
            awaitAssignment(first);
            publishAll(Topics.CRM_COMMANDS, commands);
            // the third PATCH has reached amoCRM and hangs; what came before it is recorded, it is not
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> scenarioState().equals("after-crash") && ledger(run, "PENDING") > 0);
            inFlight = leads(run, "PENDING");
            recorded = leads(run, "APPLIED");
            killedAt = System.currentTimeMillis();
            first.close(); // dies while its third PATCH is still in flight

            try (ConfigurableApplicationContext second = instance()) {
                List<CrmCommandResult> results = kafka.await(
                        Topics.CRM_COMMAND_RESULTS, r -> ids.contains(r.commandId()), 200, Duration.ofSeconds(90));
                assertThat(results.stream().map(CrmCommandResult::commandId).collect(Collectors.toSet()))
                        .isEqualTo(ids);
                assertThat(results).allSatisfy(r -> assertThat(r).isInstanceOf(CrmCommandApplied.class));
                await().atMost(Duration.ofSeconds(60)).until(() -> ledger(run, "APPLIED") == 200);
            }
        } finally {
            shared.resume();
        }
        Map<String, Integer> sentAfterRestart = new HashMap<>();
        requests(TENANT, "PATCH", "/api/v4/leads").stream()
                .filter(e -> e.getRequest().getLoggedDate().getTime() >= killedAt)
                .forEach(e -> CommandBatchingIT.toList(CommandBatchingIT.body(e))
                        .forEach(item -> sentAfterRestart.merge(item.path("id").asText(), 1, Integer::sum)));
        assertThat(recorded).isNotEmpty();
        // what had a recorded outcome before the crash was not sent again
        assertThat(sentAfterRestart.keySet()).doesNotContainAnyElementsOf(recorded);
        // the chunk in flight when the process died had no recorded outcome: it was sent again, once
        assertThat(sentAfterRestart.keySet()).containsAll(inFlight);
        assertThat(sentAfterRestart.values()).allMatch(n -> n == 1);
        assertThat(recorded.size() + sentAfterRestart.size()).isEqualTo(200);
    }

    private static String scenarioState() {
        return WIREMOCK.getAllScenarios().getScenarios().stream()
                .filter(s -> s.getName().equals("restart"))
                .map(Scenario::getState)
                .findFirst()
                .orElse("");
    }

    private void hangOnThirdPatch() {
        String scenario = "restart";
        WIREMOCK.stubFor(patch(api(TENANT, "/api/v4/leads"))
                .atPriority(1)
                .inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("second")
                .willReturn(aResponse().withTransformers(AmoLeadsEmulator.NAME)));
        WIREMOCK.stubFor(patch(api(TENANT, "/api/v4/leads"))
                .atPriority(1)
                .inScenario(scenario)
                .whenScenarioStateIs("second")
                .willSetStateTo("third")
                .willReturn(aResponse().withTransformers(AmoLeadsEmulator.NAME)));
        WIREMOCK.stubFor(patch(api(TENANT, "/api/v4/leads"))
                .atPriority(1)
                .inScenario(scenario)
                .whenScenarioStateIs("third")
                .willSetStateTo("after-crash")
                .willReturn(aResponse().withFixedDelay(25_000).withTransformers(AmoLeadsEmulator.NAME)));
    }

    private Set<String> leads(String run, String status) {
        return new java.util.HashSet<>(jdbc.queryForList(
                "select lead_id from write_ledger where command_id like ? and status = ?",
                String.class,
                run + "-%",
                status));
    }

    private long ledger(String run, String status) {
        Long count = jdbc.queryForObject(
                "select count(*) from write_ledger where command_id like ? and status = ?",
                Long.class,
                run + "-%",
                status);
        return count == null ? 0 : count;
    }

    private static void awaitAssignment(ConfigurableApplicationContext instance) {
        MessageListenerContainer container =
                instance.getBean(KafkaListenerEndpointRegistry.class).getListenerContainer("crm-connector.commands");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> container.getAssignedPartitions() != null
                        && !container.getAssignedPartitions().isEmpty());
    }

    private static ConfigurableApplicationContext instance() {
        return CrmConnectorApplication.application()
                // command-line arguments: they outrank crm-connector.yml, as the test needs
                .run(
                        "--spring.main.web-application-type=none",
                        "--SLOTBRIDGE_TENANTS_FILE=src/test/resources/it-tenants.yml",
                        "--it.wiremock.url=" + WIREMOCK.baseUrl(),
                        "--spring.kafka.bootstrap-servers="
                                + io.slotbridge.platform.test.SharedKafka.bootstrapServers(),
                        "--spring.kafka.consumer.auto-offset-reset=latest",
                        "--slotbridge.kafka.partitions=" + io.slotbridge.platform.test.SharedKafka.PARTITIONS,
                        "--spring.datasource.url=" + io.slotbridge.platform.test.SharedPostgres.jdbcUrl(),
                        "--spring.datasource.username=" + io.slotbridge.platform.test.SharedPostgres.USER,
                        "--spring.datasource.password=",
                        "--slotbridge.crypto.keys=k1:MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
                        "--slotbridge.crm-connector.consumer-group=" + GROUP,
                        "--slotbridge.crm-connector.sweep.enabled=false",
                        "--slotbridge.crm-connector.report-interval=P1D");
    }
}
