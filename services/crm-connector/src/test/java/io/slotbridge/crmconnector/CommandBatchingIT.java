package io.slotbridge.crmconnector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.slotbridge.contracts.CommandOutcome;
import io.slotbridge.contracts.RejectionCode;
import io.slotbridge.contracts.Topics;
import io.slotbridge.contracts.crm.AddNote;
import io.slotbridge.contracts.crm.CloseLeadLost;
import io.slotbridge.contracts.crm.CreateCallTask;
import io.slotbridge.contracts.crm.CrmCommand;
import io.slotbridge.contracts.crm.CrmCommandApplied;
import io.slotbridge.contracts.crm.CrmCommandRejected;
import io.slotbridge.contracts.crm.CrmCommandResult;
import io.slotbridge.contracts.crm.MoveLeadToStage;
import io.slotbridge.contracts.crm.SetLeadFields;
import io.slotbridge.platform.kafka.PlatformKafkaAutoConfiguration;
import io.slotbridge.platform.test.KafkaProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Commands are coalesced, batched, applied once each and kept within the account's budget. Tenant {@code it-cmd}. */
class CommandBatchingIT extends CrmConnectorIT {

    static final String TENANT = "it-cmd";
    static final Duration WAIT = Duration.ofSeconds(120);
    static final int BUDGET = 7;

    @Test
    void a_thousand_commands_for_300_leads_are_applied_once_each_in_few_calls_within_the_budget() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<CrmCommand> commands = new ArrayList<>();
        Map<String, String> lastGoal = new HashMap<>();
        for (int i = 0; i < 1000; i++) {
            String lead = String.valueOf(5000 + i % 300);
            String id = run + "-" + i;
            switch (i % 10) {
                case 7 ->
                    commands.add(new MoveLeadToStage(
                            id, TENANT, lead, Instant.now(), "sync", null, "Квалифицирован", "Воронка"));
                case 8 ->
                    commands.add(new MoveLeadToStage(
                            id, TENANT, lead, Instant.now(), "sync", null, "5. Встреча назначена", "Воронка"));
                case 9 -> commands.add(new AddNote(id, TENANT, lead, Instant.now(), "followup", null, "Звонок " + i));
                default -> {
                    commands.add(new SetLeadFields(
                            id, TENANT, lead, Instant.now(), "sync", null, Map.of("Цель клиента", "цель " + i)));
                    lastGoal.put(lead, "цель " + i);
                }
            }
        }

        publishAll(Topics.CRM_COMMANDS, commands);

        Set<String> ids = commands.stream().map(CrmCommand::commandId).collect(Collectors.toSet());
        List<CrmCommandResult> results =
                kafka.await(Topics.CRM_COMMAND_RESULTS, r -> ids.contains(r.commandId()), 1000, WAIT);
        assertThat(results).hasSize(1000);
        assertThat(results.stream().map(CrmCommandResult::commandId).distinct().count())
                .isEqualTo(1000);
        assertThat(results).allSatisfy(r -> assertThat(r)
                .isInstanceOfSatisfying(
                        CrmCommandApplied.class, a -> assertThat(a.outcome()).isEqualTo(CommandOutcome.APPLIED)));
        assertThat(results.stream()
                        .filter(r -> r.commandType().equals("crm.add-note"))
                        .map(r -> ((CrmCommandApplied) r).createdEntityId()))
                .doesNotContainNull()
                .hasSize(100);

        List<ServeEvent> patches = requests(TENANT, "PATCH", "/api/v4/leads");
        List<ServeEvent> notes = requests(TENANT, "POST", "/api/v4/leads/notes");
        int leadUpdates = patches.stream().mapToInt(e -> body(e).size()).sum();
        assertThat(patches).allSatisfy(e -> assertThat(body(e).size()).isLessThanOrEqualTo(50));
        assertThat(notes).allSatisfy(e -> assertThat(body(e).size()).isLessThanOrEqualTo(50));
        assertThat(patches.size() + notes.size()).isLessThanOrEqualTo(1000 / 35);
        // every lead's last field write is the last command for it, whatever the batching
        lastGoal.forEach((lead, goal) ->
                assertThat(goal(AmoLeadsEmulator.get(TENANT, lead))).isEqualTo(goal));
        assertThat(leadUpdates).isBetween(300, 900);
        assertBudget(requests(TENANT));
    }

    @Test
    void a_command_id_seen_before_is_answered_already_applied_without_calling_the_crm() {
        String id = "dup-" + UUID.randomUUID();
        SetLeadFields set =
                new SetLeadFields(id, TENANT, "5400", Instant.now(), "sync", null, Map.of("Категория", "B"));
        publishAll(Topics.CRM_COMMANDS, set);
        kafka.await(Topics.CRM_COMMAND_RESULTS, r -> r.commandId().equals(id), 1, WAIT);
        int callsBefore = requests(TENANT).size();

        publishAll(Topics.CRM_COMMANDS, set, set);

        List<CrmCommandResult> results =
                kafka.await(Topics.CRM_COMMAND_RESULTS, r -> r.commandId().equals(id), 3, WAIT);
        assertThat(results).hasSize(3);
        assertThat(results.subList(1, 3)).allSatisfy(r -> assertThat(((CrmCommandApplied) r).outcome())
                .isEqualTo(CommandOutcome.ALREADY_APPLIED));
        assertThat(requests(TENANT).size()).isEqualTo(callsBefore);
    }

    @Test
    void unknown_names_are_rejected_not_found_with_a_reason_and_nothing_is_written() {
        String stage = "nf-stage-" + UUID.randomUUID();
        String option = "nf-option-" + UUID.randomUUID();
        String reason = "nf-reason-" + UUID.randomUUID();
        publishAll(
                Topics.CRM_COMMANDS,
                new MoveLeadToStage(stage, TENANT, "5401", Instant.now(), "sync", null, "Нет такого этапа", "Воронка"),
                new SetLeadFields(option, TENANT, "5401", Instant.now(), "sync", null, Map.of("Категория", "Z")),
                new CloseLeadLost(reason, TENANT, "5401", Instant.now(), "sync", null, "Передумал", "Воронка"));

        Map<String, CrmCommandResult> results = kafka
                .await(
                        Topics.CRM_COMMAND_RESULTS,
                        r -> Set.of(stage, option, reason).contains(r.commandId()),
                        3,
                        WAIT)
                .stream()
                .collect(Collectors.toMap(CrmCommandResult::commandId, Function.identity(), (a, b) -> a));

        assertThat(results.get(stage)).isInstanceOfSatisfying(CrmCommandRejected.class, r -> {
            assertThat(r.code()).isEqualTo(RejectionCode.NOT_FOUND);
            assertThat(r.reason()).contains("'Нет такого этапа'").contains("'Воронка'");
        });
        assertThat(((CrmCommandRejected) results.get(option)).reason()).contains("no option 'Z'");
        assertThat(((CrmCommandRejected) results.get(reason)).reason()).contains("loss reason 'Передумал'");
        assertThat(requests(TENANT, "PATCH", "/api/v4/leads").stream()
                        .flatMap(e -> toList(body(e)).stream())
                        .filter(item -> item.path("id").asText().equals("5401"))
                        .count())
                .isZero();
    }

    @Test
    void close_lost_sends_143_with_pipeline_and_loss_reason_and_a_call_task_goes_to_the_named_user() {
        String close = "close-" + UUID.randomUUID();
        String task = "task-" + UUID.randomUUID();
        Instant due = Instant.parse("2026-12-01T07:00:00Z");
        AmoLeadsEmulator.put(TENANT, AmoCrmStubs.lead(5402, 70015, 1795000000L));
        publishAll(
                Topics.CRM_COMMANDS,
                new CloseLeadLost(close, TENANT, "5402", Instant.now(), "followup", null, "Нет контакта", null),
                new CreateCallTask(
                        task,
                        TENANT,
                        "5402",
                        Instant.now(),
                        "followup",
                        null,
                        "Перезвонить",
                        due,
                        "pasha@demo.example"));

        kafka.await(
                        Topics.CRM_COMMAND_RESULTS,
                        r -> r.commandId().equals(close) || r.commandId().equals(task),
                        2,
                        WAIT)
                .forEach(r -> assertThat(r).isInstanceOf(CrmCommandApplied.class));

        JsonNode patched = requests(TENANT, "PATCH", "/api/v4/leads").stream()
                .flatMap(e -> toList(body(e)).stream())
                .filter(item -> item.path("id").asText().equals("5402"))
                .findFirst()
                .orElseThrow();
        assertThat(patched.path("status_id").asInt()).isEqualTo(143);
        assertThat(patched.path("pipeline_id").asInt()).isEqualTo(7001);
        assertThat(patched.path("loss_reason_id").asInt()).isEqualTo(601);
        JsonNode created = requests(TENANT, "POST", "/api/v4/tasks").stream()
                .flatMap(e -> toList(body(e)).stream())
                .filter(item -> item.path("entity_id").asText().equals("5402"))
                .findFirst()
                .orElseThrow();
        assertThat(created.path("task_type_id").asInt()).isEqualTo(1);
        assertThat(created.path("responsible_user_id").asInt()).isEqualTo(502);
        assertThat(created.path("complete_till").asLong()).isEqualTo(due.getEpochSecond());
        assertThat(created.path("entity_type").asText()).isEqualTo("leads");
    }

    @Test
    void unreadable_commands_and_commands_for_tenants_without_an_adapter_go_to_the_dead_letter_topic() {
        String marker = "not-a-command-" + UUID.randomUUID();
        kafka.sendRaw(Topics.CRM_COMMANDS.name(), TENANT, marker.getBytes(StandardCharsets.UTF_8), Map.of());
        String foreignKind = "pipedrive-" + UUID.randomUUID();
        publishAll(
                Topics.CRM_COMMANDS, new AddNote(foreignKind, "it-unserved", "1", Instant.now(), "sync", null, "text"));

        List<ConsumerRecord<String, byte[]>> dead = kafka.read(Topics.CRM_COMMANDS.dlt(), WAIT, seen -> {
            Set<String> bodies = new HashSet<>();
            seen.forEach(r -> bodies.add(new String(r.value(), StandardCharsets.UTF_8)));
            return bodies.contains(marker) && bodies.stream().anyMatch(b -> b.contains(foreignKind));
        });
        ConsumerRecord<String, byte[]> raw = dead.stream()
                .filter(r -> new String(r.value(), StandardCharsets.UTF_8).equals(marker))
                .findFirst()
                .orElseThrow();
        assertThat(KafkaProbe.header(raw, PlatformKafkaAutoConfiguration.REASON_HEADER))
                .contains("not a valid crm.commands.v1");
        ConsumerRecord<String, byte[]> foreign = dead.stream()
                .filter(r -> new String(r.value(), StandardCharsets.UTF_8).contains(foreignKind))
                .findFirst()
                .orElseThrow();
        assertThat(KafkaProbe.header(foreign, PlatformKafkaAutoConfiguration.REASON_HEADER))
                .contains("'it-unserved'");
    }

    /** No 1-second window holds more than the budget: the (n+budget)-th request starts a full second after the n-th. */
    static void assertBudget(List<ServeEvent> requests) {
        List<Long> times = requests.stream()
                .map(e -> e.getRequest().getLoggedDate().getTime())
                .sorted()
                .toList();
        for (int i = 0; i + BUDGET < times.size(); i++) {
            assertThat(times.get(i + BUDGET) - times.get(i))
                    .as("requests %d..%d within one second", i, i + BUDGET)
                    .isGreaterThanOrEqualTo(1000);
        }
    }

    static JsonNode body(ServeEvent e) {
        return AmoCrmStubs.readJson(e.getRequest().getBodyAsString());
    }

    static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    static String goal(JsonNode lead) {
        for (JsonNode field : lead.path("custom_fields_values")) {
            if (field.path("field_id").asLong() == 9004) {
                return field.path("values").get(0).path("value").asText();
            }
        }
        return null;
    }
}
