package io.slotbridge.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.slotbridge.contracts.CloudEvents;
import io.slotbridge.contracts.Topics;
import io.slotbridge.contracts.calendar.CalendarCommand;
import io.slotbridge.contracts.calendar.CreateSlot;
import io.slotbridge.contracts.calendar.SlotIds;
import io.slotbridge.contracts.crm.AddNote;
import io.slotbridge.contracts.crm.CrmCommand;
import io.slotbridge.contracts.meeting.MeetingConfirmed;
import io.slotbridge.contracts.meeting.MeetingScheduled;
import io.slotbridge.contracts.sync.DecisionRecorded;
import io.slotbridge.contracts.sync.SyncDecision;
import io.slotbridge.platform.kafka.PlatformKafkaAutoConfiguration;
import io.slotbridge.platform.test.EmbeddedInfra;
import io.slotbridge.platform.test.KafkaProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * sync as it runs: connector snapshots in on Kafka, commands and meeting events out through the outbox, state in
 * PostgreSQL, the admin view over HTTP. The demo tenants file (deploy/tenants/demo.yml) is the configuration.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=sync",
            "SLOTBRIDGE_TENANT_CONFIG=../../deploy/tenants/demo.yml",
            "slotbridge.admin.token=" + SyncFlowIT.ADMIN_TOKEN
        })
@EmbeddedInfra
@AutoConfigureObservability(tracing = false) // Boot tests turn metric exporters off unless asked
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS) // SyncRestartIT runs its own instances
class SyncFlowIT {

    static final String ADMIN_TOKEN = "it-admin-token-5f1c2a9e";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final KafkaProbe kafka = KafkaProbe.shared();

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_booking_becomes_a_slot_its_echo_stays_quiet_and_banana_becomes_a_note() {
        String lead = uniqueLead();
        var booking = Inputs.booking(lead, "snap-" + lead);

        kafka.publish(Topics.CRM_LEAD_EVENTS, booking);

        CreateSlot create = (CreateSlot) single(kafka.await(Topics.CALENDAR_COMMANDS, ofLead(lead), 1, WAIT));
        assertThat(create.slotId()).isEqualTo(SlotIds.of("demo", lead, 1));
        assertThat(create.title()).isEqualTo("Встреча с Семён (категория A), 13:00 мск, (Паша)");
        assertThat(create.guestEmail()).isEqualTo("pasha@demo.example");
        assertThat(create.calendarId()).isEqualTo("kev-demo@group.calendar.google.com");
        assertThat(create.causationId()).isEqualTo(booking.eventId());
        assertThat(kafka.await(Topics.MEETING_EVENTS, e -> e.leadId().equals(lead), 1, WAIT))
                .singleElement()
                .isInstanceOf(MeetingScheduled.class);
        assertThat(decisionOn(booking.eventId()).rules()).containsExactly("crm.booked->create-slot");
        assertThat(decisionOn(booking.eventId()).commandIds()).containsExactly(create.commandId());

        var echo = Inputs.echoOf(create, "echo-" + lead, Instant.parse("2026-11-23T09:20:00Z"));
        kafka.publish(Topics.CALENDAR_SLOT_EVENTS, echo);
        assertThat(decisionOn(echo.eventId()).outcome()).isEqualTo("echo-suppressed");

        var banana = Inputs.paintedByPerson(create, "banana-" + lead, "5", Instant.parse("2026-11-24T06:30:00Z"));
        kafka.publish(Topics.CALENDAR_SLOT_EVENTS, banana);
        List<ConsumerRecord<String, byte[]>> crmRecords = kafka.read(
                Topics.CRM_COMMANDS.name(),
                WAIT,
                seen -> KafkaProbe.parse(Topics.CRM_COMMANDS, seen, ofCrmLead(lead))
                                .size()
                        >= 1);
        ConsumerRecord<String, byte[]> noteRecord = crmRecords.stream()
                .filter(r -> ofCrmLead(lead)
                        .test(KafkaProbe.parse(Topics.CRM_COMMANDS, List.of(r), c -> true)
                                .get(0)))
                .findFirst()
                .orElseThrow();
        assertThat(noteRecord.key()).as("CRM commands are keyed by tenant").isEqualTo("demo");
        assertThat(KafkaProbe.header(noteRecord, CloudEvents.SOURCE)).isEqualTo("/slotbridge/sync");
        AddNote note = (AddNote) KafkaProbe.parse(Topics.CRM_COMMANDS, List.of(noteRecord), c -> true)
                .get(0);
        assertThat(note.text()).startsWith("Клиент подтвердил встречу 24.11.2026 13:00 мск");
        assertThat(kafka.await(Topics.MEETING_EVENTS, e -> e.leadId().equals(lead), 2, WAIT))
                .last()
                .isInstanceOf(MeetingConfirmed.class);
        assertThat(jdbc.queryForObject(
                        "select status from sync.slot_link where tenant = 'demo' and slot_id = ?",
                        String.class,
                        create.slotId()))
                .isEqualTo("CONFIRMED");

        ResponseEntity<String> view = http.exchange(
                "/admin/leads/demo/" + lead, HttpMethod.GET, new HttpEntity<>(bearer(ADMIN_TOKEN)), String.class);
        assertThat(view.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(view.getBody())
                .contains("\"summary\":\"meeting 1 CONFIRMED")
                .contains("\"slotId\":\"" + create.slotId() + "\"")
                .contains("calendar.banana->note-confirmed")
                .contains("crm.booked->create-slot");
    }

    @Test
    void a_redelivered_snapshot_is_decided_once() {
        String lead = uniqueLead();
        var booking = Inputs.booking(lead, "snap-" + lead);

        kafka.publish(Topics.CRM_LEAD_EVENTS, booking, booking);

        List<SyncDecision> decisions =
                kafka.await(Topics.SYNC_DECISIONS, d -> d.leadId().equals(lead), 2, WAIT);
        assertThat(decisions).extracting(d -> ((DecisionRecorded) d).outcome()).containsExactly("applied", "duplicate");
        assertThat(kafka.await(Topics.CALENDAR_COMMANDS, ofLead(lead), 1, Duration.ofSeconds(3)))
                .as("one slot, however often the snapshot arrives")
                .hasSize(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from sync.decision_log where tenant = 'demo' and lead_id = ?",
                        Long.class,
                        lead))
                .isEqualTo(1);
    }

    @Test
    void a_tenant_missing_from_the_tenants_file_goes_to_the_dead_letter_topic_with_the_reason() {
        var stranger = Inputs.ofTenant("nobody", uniqueLead(), "stranger-" + UUID.randomUUID());

        kafka.publish(Topics.CRM_LEAD_EVENTS, stranger);

        var dead = kafka.read(Topics.CRM_LEAD_EVENTS.dlt(), WAIT, seen -> seen.stream()
                .anyMatch(r -> stranger.eventId().equals(KafkaProbe.header(r, CloudEvents.ID))));
        ConsumerRecord<String, byte[]> record = dead.stream()
                .filter(r -> stranger.eventId().equals(KafkaProbe.header(r, CloudEvents.ID)))
                .findFirst()
                .orElseThrow();
        assertThat(KafkaProbe.header(record, PlatformKafkaAutoConfiguration.REASON_HEADER))
                .isEqualTo("tenant 'nobody' is not in the tenants file (SLOTBRIDGE_TENANT_CONFIG) that sync reads");
        assertThat(KafkaProbe.header(record, PlatformKafkaAutoConfiguration.FAILED_BY_HEADER))
                .isEqualTo("sync");
    }

    @Test
    void the_admin_view_wants_the_admin_token_and_names_unknown_leads() {
        ResponseEntity<String> anonymous = http.getForEntity("/admin/leads/demo/1", String.class);
        ResponseEntity<String> wrong = http.exchange(
                "/admin/leads/demo/1", HttpMethod.GET, new HttpEntity<>(bearer("not-the-token-123456")), String.class);
        ResponseEntity<String> unknown = http.exchange(
                "/admin/leads/demo/no-such-lead", HttpMethod.GET, new HttpEntity<>(bearer(ADMIN_TOKEN)), String.class);

        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(unknown.getBody()).contains("no meeting state for lead 'no-such-lead' of tenant 'demo'");
    }

    @Test
    void decisions_are_counted_for_prometheus() {
        String lead = uniqueLead();
        kafka.publish(Topics.CRM_LEAD_EVENTS, Inputs.booking(lead, "snap-" + lead));
        kafka.await(Topics.CALENDAR_COMMANDS, ofLead(lead), 1, WAIT);

        await().atMost(WAIT).untilAsserted(() -> assertThat(http.getForObject("/actuator/prometheus", String.class))
                .contains("slotbridge_sync_decisions_total{")
                .contains("rule=\"crm.booked->create-slot\"")
                .contains("slotbridge_sync_commands_emitted_total{")
                .contains("slotbridge_sync_input_lag_seconds")
                .contains("slotbridge_sync_echo_suppressed_total"));
    }

    private DecisionRecorded decisionOn(String inputId) {
        return (DecisionRecorded) single(kafka.await(
                Topics.SYNC_DECISIONS, d -> ((DecisionRecorded) d).inputId().equals(inputId), 1, WAIT));
    }

    private static <T> T single(List<T> records) {
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    private static java.util.function.Predicate<CalendarCommand> ofLead(String lead) {
        return c -> c.leadId().equals(lead);
    }

    private static java.util.function.Predicate<CrmCommand> ofCrmLead(String lead) {
        return c -> c.leadId().equals(lead);
    }

    private static HttpHeaders bearer(String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return headers;
    }

    static String uniqueLead() {
        return "it-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
