package io.slotbridge.crmconnector;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.havingExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static io.slotbridge.crmconnector.AmoCrmStubs.api;
import static io.slotbridge.crmconnector.AmoCrmStubs.hal;
import static io.slotbridge.crmconnector.AmoCrmStubs.lead;
import static io.slotbridge.crmconnector.AmoCrmStubs.leadsPage;
import static io.slotbridge.crmconnector.AmoCrmStubs.withContact;
import static io.slotbridge.crmconnector.AmoCrmStubs.withField;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slotbridge.contracts.Topics;
import io.slotbridge.contracts.crm.LeadDeleted;
import io.slotbridge.contracts.crm.LeadEvent;
import io.slotbridge.contracts.crm.LeadNoteAdded;
import io.slotbridge.contracts.crm.LeadSnapshotted;
import io.slotbridge.contracts.crm.NoteKind;
import io.slotbridge.contracts.crm.StageSemantic;
import io.slotbridge.crmconnector.app.AntiEntropySweeper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Hints (and the sweep) become named snapshots, published only when something changed. Tenant {@code it-snap}. */
class LeadSnapshotIT extends CrmConnectorIT {

    static final String TENANT = "it-snap";
    static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    AntiEntropySweeper sweeper;

    @Test
    void a_hint_becomes_a_snapshot_with_every_id_resolved_to_its_name() {
        ObjectNode lead = lead(3001, 70013, 1795000000L);
        withField(lead, 9001, "Дата и время встречи", "date_time", 1795514400L, null);
        withField(lead, 9002, "Сотрудник, который будет проводить встречу", "select", "Паша", 1L);
        withField(lead, 9003, "Категория", "select", "A", 11L);
        withField(lead, 9004, "Цель клиента", "textarea", "Выйти на соревнования", null);
        withContact(lead, 2001);
        stubLeads(List.of(lead), "3001");
        WIREMOCK.stubFor(get(api(TENANT, "/api/v4/contacts"))
                .withQueryParam("filter[id][]", havingExactly("2001"))
                .willReturn(hal(AmoCrmStubs.contacts(2001, "Семён", "8 (903) 123-45-67"))));

        kafka.publish(Topics.CRM_LEAD_HINTS, hint(TENANT, "3001", "lead", "status", null));

        LeadSnapshotted s = snapshots("3001", 1).get(0);
        assertThat(s.pipeline()).isEqualTo("Воронка");
        assertThat(s.stage()).isEqualTo("5. Встреча назначена");
        assertThat(s.stageSemantic()).isEqualTo(StageSemantic.OPEN);
        assertThat(s.fields())
                .containsEntry("Дата и время встречи", "2026-11-24T13:00:00+03:00")
                .containsEntry("Сотрудник, который будет проводить встречу", "Паша")
                .containsEntry("Категория", "A")
                .containsEntry("Цель клиента", "Выйти на соревнования");
        assertThat(s.responsible().email()).isEqualTo("olga@demo.example");
        assertThat(s.modifiedBy().name()).isEqualTo("Паша");
        assertThat(s.contact().phone()).isEqualTo("79031234567");
        assertThat(s.contact().name()).isEqualTo("Семён");
        assertThat(s.cardUrl()).isEqualTo("https://it-snap.amocrm.ru/leads/detail/3001");
        assertThat(s.version()).isEqualTo(1795000000L);
        assertThat(s.echoOfCommandIds()).isEmpty();
    }

    @Test
    void a_lost_lead_carries_the_semantic_and_the_loss_reason_by_name() {
        ObjectNode lead = lead(3005, 143, 1795000100L);
        lead.put("loss_reason_id", 601);
        stubLeads(List.of(lead), "3005");

        kafka.publish(Topics.CRM_LEAD_HINTS, hint(TENANT, "3005", "lead", "status", null));

        LeadSnapshotted s = snapshots("3005", 1).get(0);
        assertThat(s.stage()).isEqualTo("Отказ. Сделка закрыта");
        assertThat(s.stageSemantic()).isEqualTo(StageSemantic.LOST);
        assertThat(s.lossReason()).isEqualTo("Нет контакта");
    }

    @Test
    void re_reading_an_unchanged_lead_publishes_nothing() {
        stubLeads(List.of(lead(3010, 70012, 1795000200L)), "3010");
        stubLeads(List.of(lead(3011, 70012, 1795000200L)), "3011");
        kafka.publish(Topics.CRM_LEAD_HINTS, hint(TENANT, "3010", "lead", "update", null));
        snapshots("3010", 1);

        kafka.publish(Topics.CRM_LEAD_HINTS, hint(TENANT, "3010", "lead", "update", null));
        kafka.publish(Topics.CRM_LEAD_HINTS, hint(TENANT, "3011", "lead", "update", null));
        snapshots(
                "3011", 1); // published after the second re-read of 3010 (same partition order is not needed: it waits)

        assertThat(requests(TENANT, "GET", "/api/v4/leads?").stream()
                        .filter(e -> e.getRequest().getUrl().contains("=3010"))
                        .count())
                .isEqualTo(2);
        assertThat(events("3010", e -> e instanceof LeadSnapshotted)).hasSize(1);
    }

    @Test
    void a_deleted_lead_becomes_lead_deleted() {
        // lead 3020 does not exist in the emulated account: amoCRM answers 204 No Content

        kafka.publish(Topics.CRM_LEAD_HINTS, hint(TENANT, "3020", "lead", "delete", null));

        List<LeadEvent> deleted = awaitEvents("3020", e -> e instanceof LeadDeleted, 1);
        assertThat(deleted).hasSize(1);
    }

    @Test
    void a_contact_hint_refreshes_every_lead_of_the_contact() {
        WIREMOCK.stubFor(
                get(api(TENANT, "/api/v4/contacts/4001"))
                        .withQueryParam("with", havingExactly("leads"))
                        .willReturn(
                                hal(
                                        "{\"id\":4001,\"name\":\"Семён\",\"_embedded\":{\"leads\":[{\"id\":3030,\"_links\":{}},{\"id\":3031,\"_links\":{}}]}}")));
        stubLeads(List.of(lead(3030, 70011, 1795000300L), lead(3031, 70012, 1795000300L)), "3030", "3031");

        kafka.publish(Topics.CRM_LEAD_HINTS, hint(TENANT, "contact-4001", "contact", "update", "4001"));

        assertThat(snapshots("3030", 1).get(0).stage()).isEqualTo("Первичный контакт");
        assertThat(snapshots("3031", 1).get(0).stage()).isEqualTo("Квалифицирован");
    }

    @Test
    void a_note_hint_publishes_the_call_note_with_its_duration() {
        stubLeads(List.of(lead(3040, 70013, 1795000400L)), "3040");
        WIREMOCK.stubFor(get(api(TENANT, "/api/v4/leads/notes"))
                .withQueryParam("filter[id][]", havingExactly("8801"))
                .willReturn(hal(
                        "{\"_page\":1,\"_links\":{\"self\":{\"href\":\"https://example.amocrm.ru/api/v4/leads/notes\"}},"
                                + "\"_embedded\":{\"notes\":[{\"id\":8801,\"entity_id\":3040,\"created_by\":503,\"updated_by\":503,"
                                + "\"created_at\":1795000400,\"updated_at\":1795000400,\"responsible_user_id\":503,\"group_id\":0,"
                                + "\"note_type\":\"call_out\",\"params\":{\"uniq\":\"8f52d38a-5fb3-406d-93a3-a4832dc28f8b\","
                                + "\"duration\":125,\"source\":\"onlinePBX\",\"link\":\"https://example.com/call.mp3\","
                                + "\"phone\":\"+79031234567\"},\"account_id\":30307558}]}}")));

        kafka.publish(Topics.CRM_LEAD_HINTS, hint(TENANT, "3040", "note", "note", "8801"));

        LeadNoteAdded note = (LeadNoteAdded)
                awaitEvents("3040", e -> e instanceof LeadNoteAdded, 1).get(0);
        assertThat(note.kind()).isEqualTo(NoteKind.CALL_OUT);
        assertThat(note.callDurationSeconds()).isEqualTo(125);
        assertThat(note.isConversation()).isTrue();
        assertThat(note.createdBy().email()).isEqualTo("ivan@demo.example");
        assertThat(note.echoOfCommandId()).isNull();
    }

    @Test
    void the_sweep_publishes_leads_updated_since_the_last_sweep_without_reading_them_again() {
        WIREMOCK.stubFor(get(api(TENANT, "/api/v4/leads"))
                .atPriority(1)
                .withQueryParam("filter[updated_at][from]", matching("\\d+"))
                .withQueryParam("page", havingExactly("1"))
                .willReturn(hal(
                        leadsPage(List.of(lead(3060, 70011, 1795000500L), lead(3061, 70011, 1795000500L)), true, 1))));
        WIREMOCK.stubFor(get(api(TENANT, "/api/v4/leads"))
                .atPriority(1)
                .withQueryParam("filter[updated_at][from]", matching("\\d+"))
                .withQueryParam("page", havingExactly("2"))
                .willReturn(hal(leadsPage(List.of(lead(3062, 70014, 1795000500L)), false, 2))));

        int changed = sweeper.sweepIfDue(TENANT);

        assertThat(changed).isEqualTo(3);
        assertThat(snapshots("3062", 1).get(0).stage()).isEqualTo("6. Встреча проведена");
        assertThat(snapshots("3060", 1).get(0).causationId()).startsWith("sweep:" + TENANT);
        assertThat(requests(TENANT, "GET", "/api/v4/leads?").stream()
                        .filter(e -> e.getRequest().getUrl().contains("filter%5Bid%5D")
                                || e.getRequest().getUrl().contains("filter[id]"))
                        .filter(e -> e.getRequest().getUrl().contains("=306"))
                        .count())
                .isZero();
        long since = Long.parseLong(requests(TENANT, "GET", "/api/v4/leads?").stream()
                .filter(e -> e.getRequest()
                        .queryParameter("filter[updated_at][from]")
                        .isPresent())
                .findFirst()
                .orElseThrow()
                .getRequest()
                .queryParameter("filter[updated_at][from]")
                .firstValue());
        assertThat(Instant.ofEpochSecond(since)).isBefore(Instant.now().minus(Duration.ofHours(23)));
    }

    @Test
    void a_snapshot_showing_only_our_own_write_names_the_command_and_a_later_human_change_does_not() {
        ObjectNode lead = lead(3070, 70013, 1795000600L);
        withField(lead, 9003, "Категория", "select", "A", 11L);
        stubLeads(List.of(lead), "3070");
        kafka.publish(Topics.CRM_LEAD_HINTS, hint(TENANT, "3070", "lead", "update", null));
        snapshots("3070", 1);
        String command = "echo-" + java.util.UUID.randomUUID();

        publishAll(
                Topics.CRM_COMMANDS,
                new io.slotbridge.contracts.crm.SetLeadFields(
                        command, TENANT, "3070", Instant.now(), "sync", null, java.util.Map.of("Категория", "B")));
        kafka.await(Topics.CRM_COMMAND_RESULTS, r -> r.commandId().equals(command), 1, WAIT);
        kafka.publish(
                Topics.CRM_LEAD_HINTS, hint(TENANT, "3070", "lead", "update", null)); // the webhook our write caused

        LeadSnapshotted echo = snapshots("3070", 2).get(1);
        assertThat(echo.field("Категория")).isEqualTo("B");
        assertThat(echo.echoOfCommandIds()).containsExactly(command);

        ObjectNode changed = AmoLeadsEmulator.get(TENANT, "3070").deepCopy();
        withField(changed, 9004, "Цель клиента", "textarea", "Перезвонить вечером", null);
        changed.put("updated_at", changed.path("updated_at").asLong() + 60);
        AmoLeadsEmulator.put(TENANT, changed);
        kafka.publish(Topics.CRM_LEAD_HINTS, hint(TENANT, "3070", "lead", "update", null));

        LeadSnapshotted human = snapshots("3070", 3).get(2);
        assertThat(human.field("Цель клиента")).isEqualTo("Перезвонить вечером");
        assertThat(human.echoOfCommandIds()).isEmpty();
    }

    @Test
    void a_note_we_wrote_comes_back_naming_our_command() {
        stubLeads(List.of(lead(3080, 70013, 1795000700L)), "3080");
        String command = "note-" + java.util.UUID.randomUUID();
        publishAll(
                Topics.CRM_COMMANDS,
                new io.slotbridge.contracts.crm.AddNote(
                        command, TENANT, "3080", Instant.now(), "sync", null, "Клиент подтвердил встречу"));
        String noteId = ((io.slotbridge.contracts.crm.CrmCommandApplied) kafka.await(
                                Topics.CRM_COMMAND_RESULTS, r -> r.commandId().equals(command), 1, WAIT)
                        .get(0))
                .createdEntityId();
        WIREMOCK.stubFor(get(api(TENANT, "/api/v4/leads/notes"))
                .withQueryParam("filter[id][]", havingExactly(noteId))
                .willReturn(hal("{\"_page\":1,\"_links\":{},\"_embedded\":{\"notes\":[{\"id\":" + noteId
                        + ",\"entity_id\":3080,\"created_by\":503,\"created_at\":1795000700,\"note_type\":\"common\","
                        + "\"params\":{\"text\":\"Клиент подтвердил встречу\"}}]}}")));

        kafka.publish(Topics.CRM_LEAD_HINTS, hint(TENANT, "3080", "note", "note", noteId));

        LeadNoteAdded note = (LeadNoteAdded)
                awaitEvents("3080", e -> e instanceof LeadNoteAdded, 1).get(0);
        assertThat(note.kind()).isEqualTo(NoteKind.COMMON);
        assertThat(note.echoOfCommandId()).isEqualTo(command);
    }

    static void stubLeads(List<ObjectNode> leads, String... ids) {
        leads.forEach(l -> AmoLeadsEmulator.put(TENANT, l));
    }

    List<LeadSnapshotted> snapshots(String leadId, int count) {
        return awaitEvents(leadId, e -> e instanceof LeadSnapshotted, count).stream()
                .map(LeadSnapshotted.class::cast)
                .toList();
    }

    List<LeadEvent> awaitEvents(String leadId, java.util.function.Predicate<LeadEvent> filter, int count) {
        return kafka.await(
                Topics.CRM_LEAD_EVENTS,
                e -> e.tenant().equals(TENANT) && e.leadId().equals(leadId) && filter.test(e),
                count,
                WAIT);
    }

    List<LeadEvent> events(String leadId, java.util.function.Predicate<LeadEvent> filter) {
        return kafka.await(
                Topics.CRM_LEAD_EVENTS,
                e -> e.tenant().equals(TENANT) && e.leadId().equals(leadId) && filter.test(e),
                Integer.MAX_VALUE,
                Duration.ofSeconds(3));
    }
}
