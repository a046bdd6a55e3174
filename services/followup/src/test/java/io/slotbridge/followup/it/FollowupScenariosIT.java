package io.slotbridge.followup.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.slotbridge.followup.it.Events.MEETING;
import static io.slotbridge.followup.it.Events.QUALIFIED;
import static io.slotbridge.followup.it.TestClock.CLOCK;
import static io.slotbridge.followup.it.TestClock.MSK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.slotbridge.contracts.MessageIds;
import io.slotbridge.contracts.Topics;
import io.slotbridge.contracts.crm.AddNote;
import io.slotbridge.contracts.crm.CloseLeadLost;
import io.slotbridge.contracts.crm.CreateCallTask;
import io.slotbridge.contracts.crm.CrmCommand;
import io.slotbridge.contracts.followup.FollowUpCompleted;
import io.slotbridge.contracts.followup.FollowUpEvent;
import io.slotbridge.contracts.followup.FollowUpMessageStatusChanged;
import io.slotbridge.contracts.followup.FollowUpStarted;
import io.slotbridge.contracts.followup.FollowUpStepExecuted;
import io.slotbridge.contracts.followup.FollowUpStopped;
import io.slotbridge.contracts.meeting.MeetingScheduled;
import io.slotbridge.contracts.ops.ConnectionStatusReported;
import io.slotbridge.followup.app.FollowupScheduler;
import io.slotbridge.platform.test.EmbeddedInfra;
import io.slotbridge.platform.test.KafkaProbe;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * The follow-up service against real embedded Kafka and PostgreSQL, Wazzup as WireMock, and a shared adjustable
 * clock that runs days in seconds. Each test has its own lead and phone.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=followup,followup-it",
            "spring.config.import=classpath:it-tenants.yml",
            "slotbridge.followup.consumer-group=followup-it"
        })
@EmbeddedInfra
class FollowupScenariosIT {

    static final String TENANT = "it";
    static final Duration WAIT = Duration.ofSeconds(60);
    static final String ADMIN = "Bearer it-admin-token-0123456789";

    @DynamicPropertySource
    static void wazzup(DynamicPropertyRegistry registry) {
        registry.add("test.wazzup.base-url", WazzupStub::baseUrl);
    }

    @TestConfiguration
    static class SharedClock {
        @Bean
        Clock clock() {
            return CLOCK;
        }
    }

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FollowupScheduler scheduler;

    @LocalServerPort
    int port;

    final KafkaProbe kafka = KafkaProbe.shared();

    @Test
    void scenario_b_runs_over_simulated_days_from_the_no_show_to_closing_the_lead_lost() {
        String lead = Events.newLead();
        String phone = Events.newPhone();
        String runId = noShowOnMonday(lead, phone);
        awaitSteps(runId, 1);
        for (int steps : new int[] {2, 3, 5, 7, 8}) {
            TestClock.advancePast(nextDue(runId));
            awaitSteps(runId, steps);
        }
        await().atMost(WAIT).until(() -> "COMPLETED".equals(status(runId)));

        List<Map<String, Object>> executed = jdbc.queryForList(
                "select position, action, outcome, executed_at from run_step where run_id = ? order by position",
                runId);
        assertThat(executed).extracting(r -> r.get("position")).containsExactly(0, 2, 4, 6, 7, 9, 10, 12);
        assertThat(executed).extracting(r -> r.get("outcome")).containsOnly("done");
        assertThat(executed)
                .extracting(r -> ((Timestamp) r.get("executed_at"))
                        .toInstant()
                        .atZone(MSK)
                        .getDayOfWeek())
                .containsExactly(
                        DayOfWeek.MONDAY,
                        DayOfWeek.MONDAY,
                        DayOfWeek.MONDAY,
                        DayOfWeek.TUESDAY,
                        DayOfWeek.TUESDAY,
                        DayOfWeek.THURSDAY,
                        DayOfWeek.THURSDAY,
                        DayOfWeek.FRIDAY);

        List<LoggedRequest> sends = WazzupStub.sendsTo(phone);
        assertThat(sends)
                .extracting(r -> WazzupStub.body(r).path("templateId").asText())
                .containsExactly(WazzupStub.AUDIO, WazzupStub.IGNORE, WazzupStub.FULL_IGNORE);
        JsonNode first = WazzupStub.body(sends.get(0));
        assertThat(first.path("channelId").asText()).isEqualTo(WazzupStub.CHANNEL);
        assertThat(first.path("chatType").asText()).isEqualTo("whatsapp");
        assertThat(first.path("crmMessageId").asText())
                .isEqualTo(MessageIds.deterministic(runId, "4", "send-template"));
        assertThat(sends.get(0).getHeader("Authorization")).isEqualTo("Bearer " + WazzupStub.API_KEY);

        List<CrmCommand> commands = commands(lead, 14);
        List<CreateCallTask> calls = only(commands, CreateCallTask.class);
        assertThat(calls).hasSize(4);
        assertThat(calls).extracting(CrmCommand::commandId).doesNotHaveDuplicates();
        assertThat(calls).allSatisfy(call -> assertThat(call.dueAt().atZone(MSK).toLocalTime())
                .isEqualTo(LocalTime.of(20, 0)));
        List<CloseLeadLost> closes = only(commands, CloseLeadLost.class);
        assertThat(closes).singleElement().satisfies(close -> {
            assertThat(close.lossReason()).isEqualTo("Нет контакта");
            assertThat(close.pipeline()).isEqualTo("Воронка");
            assertThat(close.commandId()).isEqualTo(MessageIds.deterministic(runId, "12", "close-lost"));
        });
        assertThat(only(commands, AddNote.class))
                .extracting(AddNote::text)
                .anySatisfy(text -> assertThat(text).contains("отправлен WhatsApp-шаблон «Игнор»"))
                .anySatisfy(text -> assertThat(text).contains("лид закрыт с причиной «Нет контакта»"));

        List<FollowUpEvent> events = events(lead, 10);
        assertThat(only(events, FollowUpStarted.class)).singleElement().satisfies(s -> assertThat(s.trigger())
                .isEqualTo("client-unreachable"));
        assertThat(only(events, FollowUpStepExecuted.class)).hasSize(8);
        assertThat(only(events, FollowUpCompleted.class)).singleElement().satisfies(c -> assertThat(c.outcome())
                .isEqualTo("closed-lost"));
    }

    @Test
    void a_repeated_no_show_trigger_starts_one_run_only() {
        String lead = Events.newLead();
        Instant monday = TestClock.mondayMorning();
        kafka.publish(Topics.CRM_LEAD_EVENTS, Events.snapshot(TENANT, lead, Events.newPhone(), MEETING, 1, monday));
        var noShow = Events.noShow(TENANT, lead, "no-show-" + lead, CLOCK.instant());
        var republished = Events.noShow(TENANT, lead, "no-show-again-" + lead, CLOCK.instant());
        kafka.publish(Topics.MEETING_EVENTS, noShow, noShow, republished);
        // the re-booking comes after the duplicates on the lead's partition: once it stopped the run, they were seen
        kafka.publish(Topics.MEETING_EVENTS, rebooked(lead));

        String runId = awaitRun(lead);
        await().atMost(WAIT).until(() -> "STOPPED".equals(status(runId)));

        assertThat(jdbc.queryForObject(
                        "select count(*) from run where tenant = ? and lead_id = ?", Long.class, TENANT, lead))
                .isOne();
        assertThat(jdbc.queryForObject("select stop_reason from run where run_id = ?", String.class, runId))
                .isEqualTo("MEETING_SCHEDULED");
        List<FollowUpEvent> events = events(lead, 2);
        assertThat(only(events, FollowUpStarted.class)).hasSize(1);
        assertThat(only(events, FollowUpStopped.class)).singleElement().satisfies(s -> assertThat(s.reason())
                .isEqualTo("meeting-scheduled"));
    }

    @Test
    void a_client_reply_on_whatsapp_stops_the_run_but_the_operators_own_message_does_not() {
        String lead = Events.newLead();
        String phone = Events.newPhone();
        String runId = noShowOnMonday(lead, phone);
        awaitSteps(runId, 1);

        var echo = Events.message(TENANT, phone, true, "sent", CLOCK.instant());
        kafka.publish(Topics.MESSAGING_INBOUND, echo);
        await().atMost(WAIT)
                .until(() -> jdbc.queryForObject(
                                "select count(*) from chat_message where tenant = ? and message_id = ?",
                                Long.class,
                                TENANT,
                                echo.messageId())
                        == 1);
        assertThat(status(runId)).isEqualTo("ACTIVE");
        assertThat(jdbc.queryForObject(
                        "select run_id from chat_message where message_id = ?", String.class, echo.messageId()))
                .isEqualTo(runId);

        kafka.publish(Topics.MESSAGING_INBOUND, Events.message(TENANT, phone, false, "inbound", CLOCK.instant()));
        await().atMost(WAIT).until(() -> "STOPPED".equals(status(runId)));

        assertThat(jdbc.queryForMap("select stop_reason, next_due_at from run where run_id = ?", runId))
                .containsEntry("stop_reason", "CLIENT_REPLIED")
                .containsEntry("next_due_at", null);
        CLOCK.advance(Duration.ofHours(3));
        scheduler.runDueSteps();
        assertThat(stepCount(runId)).isOne();
        assertThat(only(commands(lead, 3), AddNote.class))
                .extracting(AddNote::text)
                .contains("Follow-up B остановлен: клиент ответил в WhatsApp.");
    }

    @Test
    void a_call_with_a_conversation_stops_the_run() {
        String lead = Events.newLead();
        String runId = noShowOnMonday(lead, Events.newPhone());

        kafka.publish(Topics.CRM_LEAD_EVENTS, Events.callWithConversation(TENANT, lead, CLOCK.instant()));

        await().atMost(WAIT).until(() -> "STOPPED".equals(status(runId)));
        assertThat(jdbc.queryForObject("select stop_reason from run where run_id = ?", String.class, runId))
                .isEqualTo("CALL_WITH_CONVERSATION");
    }

    @Test
    void scenario_a_starts_after_a_day_in_qualified_and_a_wazzup_5xx_burst_is_retried_with_one_crm_message_id() {
        String lead = Events.newLead();
        String phone = Events.newPhone();
        String burst = "burst-" + phone;
        var server = WazzupStub.server();
        var toThisChat = matchingJsonPath("$.chatId", equalTo(phone));
        server.stubFor(post(urlEqualTo("/v3/message"))
                .atPriority(1)
                .withRequestBody(toThisChat)
                .inScenario(burst)
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(500))
                .willSetStateTo("2"));
        server.stubFor(post(urlEqualTo("/v3/message"))
                .atPriority(1)
                .withRequestBody(toThisChat)
                .inScenario(burst)
                .whenScenarioStateIs("2")
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("3"));
        server.stubFor(post(urlEqualTo("/v3/message"))
                .atPriority(1)
                .withRequestBody(toThisChat)
                .inScenario(burst)
                .whenScenarioStateIs("3")
                .willReturn(aResponse().withStatus(502))
                .willSetStateTo("done"));

        Instant monday = TestClock.mondayMorning();
        kafka.publish(Topics.CRM_LEAD_EVENTS, Events.snapshot(TENANT, lead, phone, QUALIFIED, 1, monday));
        await().atMost(WAIT)
                .until(() -> jdbc.queryForObject(
                                "select count(*) from lead_state where tenant = ? and lead_id = ?",
                                Long.class,
                                TENANT,
                                lead)
                        == 1);
        CLOCK.advance(Duration.ofHours(24).plusMinutes(1));

        String runId = awaitRun(lead);
        awaitSteps(runId, 1);

        List<LoggedRequest> sends = WazzupStub.sendsTo(phone);
        assertThat(sends).hasSize(4);
        String crmMessageId = MessageIds.deterministic(runId, "0", "send-template");
        assertThat(sends)
                .extracting(r -> WazzupStub.body(r).path("crmMessageId").asText())
                .containsOnly(crmMessageId);
        JsonNode body = WazzupStub.body(sends.get(0));
        assertThat(body.path("templateId").asText()).isEqualTo(WazzupStub.FIRST);
        assertThat(body.path("templateValues").get(0).asText()).isEqualTo("Семён");
        List<ServeEvent> answers = server.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getBodyAsString().contains(phone))
                .toList();
        assertThat(answers).extracting(e -> e.getResponse().getStatus()).containsExactlyInAnyOrder(500, 503, 502, 201);

        Map<String, Object> log = jdbc.queryForMap(
                "select state, attempts, wazzup_message_id from send_log where crm_message_id = ?", crmMessageId);
        assertThat(log).containsEntry("state", "SENT").containsEntry("attempts", 4);
        assertThat(jdbc.queryForObject("select trigger from run where run_id = ?", String.class, runId))
                .isEqualTo("qualified-idle");
        FollowUpStepExecuted step =
                only(events(lead, 2), FollowUpStepExecuted.class).get(0);
        assertThat(step.outcome()).isEqualTo("done");
        assertThat(step.messageId()).isEqualTo(log.get("wazzup_message_id"));

        // delivery statuses of that message are recorded on the run, never downgraded
        String messageId = (String) log.get("wazzup_message_id");
        Instant now = CLOCK.instant();
        kafka.publish(
                Topics.MESSAGING_INBOUND,
                Events.status(TENANT, messageId, "delivered", null, now),
                Events.status(TENANT, messageId, "read", null, now),
                Events.status(TENANT, messageId, "delivered", null, now),
                Events.status(TENANT, messageId, "error", "24_HOURS_EXCEEDED", now));
        await().atMost(WAIT)
                .until(() -> only(events(lead, 5), FollowUpMessageStatusChanged.class)
                                .size()
                        == 3);
        assertThat(only(events(lead, 5), FollowUpMessageStatusChanged.class))
                .extracting(FollowUpMessageStatusChanged::status)
                .containsExactly("delivered", "read", "error");
        assertThat(only(commands(lead, 3), AddNote.class))
                .extracting(AddNote::text)
                .anySatisfy(text -> assertThat(text).contains("клиент не писал больше 24 часов"));
    }

    @Test
    void a_send_cut_off_by_a_crash_is_repeated_with_the_same_id_inside_the_window_and_wazzup_recognises_it() {
        String phone = Events.newPhone();
        String runId = runAtAudioStep(phone);
        Instant due = nextDue(runId);
        String crmMessageId = MessageIds.deterministic(runId, "4", "send-template");
        crashedDuringSend(runId, crmMessageId, phone, due);
        WazzupStub.server()
                .stubFor(post(urlEqualTo("/v3/message"))
                        .atPriority(1)
                        .withRequestBody(matchingJsonPath("$.chatId", equalTo(phone)))
                        .willReturn(aResponse()
                                .withStatus(400)
                                .withHeader("Content-Type", "application/json")
                                .withBody(WazzupStub.error400("REPEATED_CRM_MESSAGE_ID"))));

        TestClock.advancePast(due);
        awaitSteps(runId, 3);

        assertThat(WazzupStub.sendsTo(phone)).singleElement().satisfies(r -> assertThat(
                        WazzupStub.body(r).path("crmMessageId").asText())
                .isEqualTo(crmMessageId));
        assertThat(jdbc.queryForMap("select outcome from run_step where run_id = ? and position = 4", runId))
                .containsEntry("outcome", "done");
        assertThat(jdbc.queryForMap("select state, error_detail from send_log where crm_message_id = ?", crmMessageId))
                .containsEntry("state", "SENT")
                .containsEntry("error_detail", "REPEATED_CRM_MESSAGE_ID");
    }

    @Test
    void an_uncertain_send_past_the_window_is_never_repeated_goes_to_a_person_and_is_confirmed_by_the_webhook() {
        String phone = Events.newPhone();
        String runId = runAtAudioStep(phone);
        String lead = jdbc.queryForObject("select lead_id from run where run_id = ?", String.class, runId);
        Instant due = nextDue(runId);
        String crmMessageId = MessageIds.deterministic(runId, "4", "send-template");
        crashedDuringSend(runId, crmMessageId, phone, due.minus(Duration.ofMinutes(5)));

        TestClock.advancePast(due);
        awaitSteps(runId, 3);

        assertThat(WazzupStub.sendsTo(phone)).isEmpty();
        assertThat(jdbc.queryForObject(
                        "select outcome from run_step where run_id = ? and position = 4", String.class, runId))
                .isEqualTo("uncertain");
        assertThat(jdbc.queryForObject("select position from run where run_id = ?", Integer.class, runId))
                .isEqualTo(6);
        assertThat(only(commands(lead, 4), AddNote.class))
                .extracting(AddNote::text)
                .anySatisfy(text -> assertThat(text).contains("не удалось подтвердить отправку шаблона"));

        var outgoing = Events.message(TENANT, phone, false, "sent", CLOCK.instant());
        kafka.publish(Topics.MESSAGING_INBOUND, outgoing);
        await().atMost(WAIT).until(() -> "SENT"
                .equals(jdbc.queryForObject(
                        "select state from send_log where crm_message_id = ?", String.class, crmMessageId)));
        assertThat(jdbc.queryForObject(
                        "select wazzup_message_id from send_log where crm_message_id = ?", String.class, crmMessageId))
                .isEqualTo(outgoing.messageId());
        assertThat(status(runId)).isEqualTo("ACTIVE");
    }

    @Test
    void the_admin_api_lists_and_stops_runs_subscribes_webhooks_and_validates_the_tenant() {
        String lead = Events.newLead();
        String runId = noShowOnMonday(lead, Events.newPhone());
        awaitSteps(runId, 1);
        RestClient http = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {})
                .build();

        ResponseEntity<String> anonymous =
                http.get().uri("/admin/runs?tenant=it").retrieve().toEntity(String.class);
        assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
        assertThat(anonymous.getHeaders().getContentType()).hasToString("application/problem+json");

        JsonNode runs = http.get()
                .uri("/admin/runs?tenant=it&lead=" + lead)
                .header("Authorization", ADMIN)
                .retrieve()
                .body(JsonNode.class);
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).path("status").asText()).isEqualTo("ACTIVE");
        assertThat(runs.get(0).path("steps").get(0).path("action").asText()).isEqualTo("call-task");

        JsonNode stopped = http.post()
                .uri("/admin/runs/" + runId + "/stop")
                .header("Authorization", ADMIN)
                .retrieve()
                .body(JsonNode.class);
        assertThat(stopped.path("status").asText()).isEqualTo("STOPPED");
        assertThat(stopped.path("stopReason").asText()).isEqualTo("stopped-by-admin");
        assertThat(http.post()
                        .uri("/admin/runs/" + runId + "/stop")
                        .header("Authorization", ADMIN)
                        .retrieve()
                        .toBodilessEntity()
                        .getStatusCode()
                        .value())
                .isEqualTo(409);

        JsonNode subscribed = http.post()
                .uri("/admin/tenants/it/wazzup/webhooks")
                .header("Authorization", ADMIN)
                .retrieve()
                .body(JsonNode.class);
        assertThat(subscribed.path("webhooksUri").asText()).doesNotContain("it-wazzup-secret");
        WazzupStub.server()
                .verify(patchRequestedFor(urlEqualTo("/v3/webhooks"))
                        .withHeader("Authorization", equalTo("Bearer " + WazzupStub.API_KEY))
                        .withRequestBody(
                                equalToJson("{\"webhooksUri\":\"https://slotbridge.example.test/hooks/wazzup/it/"
                                        + "it-wazzup-secret\",\"subscriptions\":{\"messagesAndStatuses\":true}}")));

        JsonNode validation = http.get()
                .uri("/admin/tenants/it/wazzup/validation")
                .header("Authorization", ADMIN)
                .retrieve()
                .body(JsonNode.class);
        assertThat(validation.path("problems")).isEmpty();
        JsonNode status = http.get()
                .uri("/admin/tenants/it/wazzup/status")
                .header("Authorization", ADMIN)
                .retrieve()
                .body(JsonNode.class);
        assertThat(status.path("channel").path("state").asText()).isEqualTo("active");
        assertThat(status.path("templates"))
                .extracting(t -> t.path("status").asText())
                .containsOnly("approved");
        assertThat(http.get()
                        .uri("/admin/tenants/nobody/wazzup/status")
                        .header("Authorization", ADMIN)
                        .retrieve()
                        .toBodilessEntity()
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
    }

    /** A lead in the meeting stage misses its meeting on a Monday morning: scenario B starts. */
    private String noShowOnMonday(String lead, String phone) {
        Instant monday = TestClock.mondayMorning();
        kafka.publish(Topics.CRM_LEAD_EVENTS, Events.snapshot(TENANT, lead, phone, MEETING, 1, monday));
        kafka.publish(Topics.MEETING_EVENTS, Events.noShow(TENANT, lead, "no-show-" + lead, CLOCK.instant()));
        return awaitRun(lead);
    }

    @Test
    void a_channel_problem_holds_the_run_alerts_operations_and_resumes_when_the_channel_works_again() {
        String phone = Events.newPhone();
        String runId = runAtAudioStep(phone);
        String lead = jdbc.queryForObject("select lead_id from run where run_id = ?", String.class, runId);
        var server = WazzupStub.server();
        var noMoney = server.stubFor(post(urlEqualTo("/v3/message"))
                .atPriority(1)
                .withRequestBody(matchingJsonPath("$.chatId", equalTo(phone)))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(WazzupStub.error400("WRONG_TRANSPORT")
                                .replace("WRONG_TRANSPORT", "CHANNEL_NO_MONEY"))));

        TestClock.advancePast(nextDue(runId));
        await().atMost(WAIT)
                .until(() -> jdbc.queryForObject("select held_reason from run where run_id = ?", String.class, runId)
                        != null);

        assertThat(stepCount(runId)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select position from run where run_id = ?", Integer.class, runId))
                .isEqualTo(4);
        assertThat(only(events(lead, 4), FollowUpStepExecuted.class)).anySatisfy(step -> {
            assertThat(step.stepIndex()).isEqualTo(4);
            assertThat(step.outcome()).isEqualTo("held");
        });
        List<ConnectionStatusReported> alerts = opsReports(runId, 1);
        assertThat(alerts).first().satisfies(alert -> {
            assertThat(alert.tenant()).isEqualTo(TENANT);
            assertThat(alert.connection()).isEqualTo("wazzup");
            assertThat(alert.status()).isEqualTo("blocked");
            assertThat(alert.details()).containsEntry("code", "CHANNEL_NO_MONEY");
        });

        server.removeStub(noMoney);
        TestClock.advancePast(nextDue(runId));
        awaitSteps(runId, 3);

        assertThat(jdbc.queryForObject(
                        "select outcome from run_step where run_id = ? and position = 4", String.class, runId))
                .isEqualTo("done");
        assertThat(WazzupStub.sendsTo(phone))
                .extracting(r -> WazzupStub.body(r).path("crmMessageId").asText())
                .containsExactly(
                        MessageIds.deterministic(runId, "4", "send-template"),
                        MessageIds.deterministic(runId, "4", "send-template"));
        assertThat(opsReports(runId, 2))
                .extracting(ConnectionStatusReported::status)
                .containsExactly("blocked", "ok");
    }

    /** Starts scenario B and lets it run its two calls; the Аудио template (position 4) is due next. */
    private String runAtAudioStep(String phone) {
        String lead = Events.newLead();
        String runId = noShowOnMonday(lead, phone);
        awaitSteps(runId, 1);
        TestClock.advancePast(nextDue(runId));
        awaitSteps(runId, 2);
        assertThat(jdbc.queryForObject("select position from run where run_id = ?", Integer.class, runId))
                .isEqualTo(4);
        return runId;
    }

    /** What a crash right after a request left Wazzup leaves behind: an intent whose request may have arrived. */
    private void crashedDuringSend(String runId, String crmMessageId, String phone, Instant requestAt) {
        String lead = jdbc.queryForObject("select lead_id from run where run_id = ?", String.class, runId);
        jdbc.update(
                """
                insert into send_log (crm_message_id, run_id, position, tenant, lead_id, chat_id, template_name, kind,
                                      state, attempts, maybe_delivered_at, created_at, updated_at)
                values (?, ?, 4, ?, ?, ?, 'Аудио Михаила Николаевича', 'template', 'SENDING', 1, ?, ?, ?)
                """,
                crmMessageId,
                runId,
                TENANT,
                lead,
                phone,
                Timestamp.from(requestAt),
                Timestamp.from(requestAt),
                Timestamp.from(requestAt));
    }

    private MeetingScheduled rebooked(String lead) {
        Instant at = CLOCK.instant();
        return new MeetingScheduled(
                "rebooked-" + lead,
                TENANT,
                lead,
                at,
                2,
                "sb0" + lead + "m2",
                "snap",
                at.plus(Duration.ofDays(1)),
                at.plus(Duration.ofDays(1)).plus(Duration.ofHours(1)),
                "Паша",
                "pasha@demo.example",
                "A",
                "curator");
    }

    private String awaitRun(String lead) {
        await().atMost(WAIT)
                .until(() -> jdbc.queryForObject(
                                "select count(*) from run where tenant = ? and lead_id = ?", Long.class, TENANT, lead)
                        > 0);
        return jdbc.queryForObject(
                "select run_id from run where tenant = ? and lead_id = ? order by started_at limit 1",
                String.class,
                TENANT,
                lead);
    }

    private void awaitSteps(String runId, int count) {
        await().atMost(WAIT).until(() -> stepCount(runId) >= count);
        assertThat(stepCount(runId)).as("steps of run %s", runId).isEqualTo(count);
    }

    private int stepCount(String runId) {
        return jdbc.queryForObject("select count(*) from run_step where run_id = ?", Integer.class, runId);
    }

    private Instant nextDue(String runId) {
        return jdbc.queryForObject("select next_due_at from run where run_id = ?", Timestamp.class, runId)
                .toInstant();
    }

    private String status(String runId) {
        return jdbc.queryForObject("select status from run where run_id = ?", String.class, runId);
    }

    private List<CrmCommand> commands(String lead, int atLeast) {
        return kafka.await(
                Topics.CRM_COMMANDS,
                c -> TENANT.equals(c.tenant()) && lead.equals(c.leadId()),
                atLeast,
                Duration.ofSeconds(20));
    }

    private List<FollowUpEvent> events(String lead, int atLeast) {
        return kafka.await(
                Topics.FOLLOWUP_EVENTS,
                e -> TENANT.equals(e.tenant()) && lead.equals(e.leadId()),
                atLeast,
                Duration.ofSeconds(20));
    }

    private List<ConnectionStatusReported> opsReports(String runId, int atLeast) {
        return only(
                kafka.await(
                        Topics.OPS_REPORTS,
                        r -> r instanceof ConnectionStatusReported c
                                && runId.equals(c.details().get("runId")),
                        atLeast,
                        Duration.ofSeconds(20)),
                ConnectionStatusReported.class);
    }

    private static <T> List<T> only(List<?> records, Class<T> type) {
        return records.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
