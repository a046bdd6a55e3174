package io.slotbridge.calendarconnector.slot.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slotbridge.contracts.calendar.MoveSlot;
import io.slotbridge.contracts.calendar.PaintSlot;
import io.slotbridge.contracts.calendar.RestoreSlot;
import io.slotbridge.contracts.calendar.SlotAttendee;
import io.slotbridge.contracts.calendar.SlotLinkProperties;
import io.slotbridge.contracts.calendar.SlotSnapshotted;
import io.slotbridge.contracts.calendar.SlotStatus;
import io.slotbridge.contracts.calendar.UpdateSlotDetails;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlotDomainTest {

    private static final Instant START = Instant.parse("2026-11-25T10:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-20T09:00:00Z");
    private final LeadLinkResolver resolver =
            new LeadLinkResolver("demo", CardUrlPattern.of("https://demo.amocrm.ru/leads/detail/{leadId}"));

    @Test
    void our_private_properties_link_the_event_to_its_lead_and_meeting() {
        CalendarEntry entry = entry(
                "sbabc00001",
                "\"1\"",
                Map.of(
                        SlotLinkProperties.TENANT,
                        "demo",
                        SlotLinkProperties.LEAD,
                        "1001",
                        SlotLinkProperties.MEETING_NUMBER,
                        "2"),
                null,
                "5");

        assertThat(resolver.resolve(entry, null)).contains(new LeadLink("1001", 2));
    }

    @Test
    void another_tenants_properties_do_not_link_but_the_card_link_in_the_description_does() {
        CalendarEntry entry = entry(
                "handmade01",
                "\"1\"",
                Map.of(SlotLinkProperties.TENANT, "other", SlotLinkProperties.LEAD, "1"),
                "<a href=\"https://demo.amocrm.ru/leads/detail/2002\">карточка</a>",
                null);

        assertThat(resolver.resolve(entry, null)).contains(new LeadLink("2002", null));
    }

    @Test
    void a_deleted_event_without_properties_keeps_the_link_we_knew_and_a_stranger_has_none() {
        CalendarEntry deleted = new CalendarEntry(
                "sbabc00001",
                SlotStatus.CANCELLED,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                "\"9\"",
                null,
                null,
                null);

        assertThat(resolver.resolve(deleted, new LeadLink("1001", 1))).contains(new LeadLink("1001", 1));
        assertThat(resolver.resolve(entry("lunch00001", "\"1\"", Map.of(), "Обед", null), null))
                .isEmpty();
    }

    @Test
    void a_card_url_template_without_the_placeholder_is_refused() {
        assertThatThrownBy(() -> CardUrlPattern.of("https://demo.amocrm.ru/leads/"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("{leadId}");
    }

    @Test
    void the_event_is_our_echo_only_while_etag_and_command_marker_both_match() {
        Map<String, String> ours = Map.of(SlotLinkProperties.LAST_COMMAND, "cmd-1");
        OwnWrite write = new OwnWrite("cmd-1", "\"7\"");

        assertThat(write.isCurrentStateOf(entry("sbabc00001", "\"7\"", ours, null, "5")))
                .isTrue();
        assertThat(write.isCurrentStateOf(entry("sbabc00001", "\"8\"", ours, null, "11")))
                .as("a person repainted it after our write")
                .isFalse();
        assertThat(write.isCurrentStateOf(
                        entry("sbabc00001", "\"7\"", Map.of(SlotLinkProperties.LAST_COMMAND, "cmd-2"), null, "5")))
                .isFalse();
    }

    @Test
    void the_fingerprint_ignores_bookkeeping_but_not_what_the_snapshot_says() {
        LeadLink link = new LeadLink("1001", 1);
        String base = SlotFingerprint.of(entry("sbabc00001", "\"1\"", Map.of(), "x", "5"), link);

        assertThat(SlotFingerprint.of(entry("sbabc00001", "\"2\"", Map.of(), "x", "5"), link))
                .isEqualTo(base);
        assertThat(SlotFingerprint.of(entry("sbabc00001", "\"1\"", Map.of(), "x", "11"), link))
                .isNotEqualTo(base);
        assertThat(SlotFingerprint.of(entry("sbabc00001", "\"1\"", Map.of(), "y", "5"), link))
                .isNotEqualTo(base);
    }

    @Test
    void a_snapshot_is_flagged_as_ours_with_the_command_and_has_a_deterministic_id() {
        CalendarEntry entry = entry("sbabc00001", "\"7\"", Map.of(SlotLinkProperties.LAST_COMMAND, "cmd-1"), "x", "5");
        LeadLink link = new LeadLink("1001", 1);
        String fingerprint = SlotFingerprint.of(entry, link);

        SlotSnapshotted ours =
                SlotSnapshots.of("demo", "cal", entry, link, new OwnWrite("cmd-1", "\"7\""), fingerprint, NOW, "n-1");
        SlotSnapshotted again = SlotSnapshots.of("demo", "cal", entry, link, null, fingerprint, NOW, "n-2");

        assertThat(ours.ownWrite()).isTrue();
        assertThat(ours.writtenByCommandId()).isEqualTo("cmd-1");
        assertThat(ours.leadId()).isEqualTo("1001");
        assertThat(ours.kafkaKey()).isEqualTo("demo:1001");
        assertThat(again.ownWrite()).isFalse();
        assertThat(again.eventId()).isEqualTo(ours.eventId());
    }

    @Test
    void painting_sets_the_colour_and_appends_the_reason_once() {
        CalendarEntry entry = entry("sbabc00001", "\"1\"", Map.of(), "Карточка: x", null);
        PaintSlot paint =
                new PaintSlot("c", "demo", "1001", NOW, "sync", null, "cal", "sbabc00001", "11", "Отменена", null);

        SlotEdit edit = SlotEdits.paint(entry, paint);
        CalendarEntry painted = withEdit(entry, edit);

        assertThat(edit.colorId()).isEqualTo("11");
        assertThat(edit.description()).isEqualTo("Карточка: x\nОтменена");
        assertThat(edit.changes(entry)).isTrue();
        assertThat(SlotEdits.paint(painted, paint).changes(painted))
                .as("a repeated paint")
                .isFalse();
    }

    @Test
    void painting_with_the_default_colour_clears_it() {
        CalendarEntry entry = entry("sbabc00001", "\"1\"", Map.of(), "x", "5");
        PaintSlot paint = new PaintSlot("c", "demo", "1001", NOW, "sync", null, "cal", "sbabc00001", "", null, null);

        assertThat(SlotEdits.paint(entry, paint).colorId()).isNull();
    }

    @Test
    void restoring_confirms_a_cancelled_slot() {
        CalendarEntry cancelled = new CalendarEntry(
                "sbabc00001",
                SlotStatus.CANCELLED,
                "Встреча",
                "x",
                START,
                START.plusSeconds(3600),
                "Europe/Moscow",
                null,
                List.of(),
                15,
                NOW,
                "\"3\"",
                1,
                null,
                Map.of());
        RestoreSlot restore = new RestoreSlot(
                "c", "demo", "1001", NOW, "sync", null, "cal", "sbabc00001", "11", "Удалена вручную, восстановлена");

        SlotEdit edit = SlotEdits.restore(cancelled, restore);

        assertThat(edit.status()).isEqualTo(SlotStatus.CONFIRMED);
        assertThat(edit.colorId()).isEqualTo("11");
        assertThat(edit.description()).endsWith("\nУдалена вручную, восстановлена");
    }

    @Test
    void moving_changes_time_and_title_and_refuses_an_end_before_the_start() {
        CalendarEntry entry = entry("sbabc00001", "\"1\"", Map.of(), "x", null);
        MoveSlot move = new MoveSlot(
                "c",
                "demo",
                "1001",
                NOW,
                "sync",
                null,
                "cal",
                "sbabc00001",
                START.plusSeconds(86400),
                START.plusSeconds(90000),
                "Встреча, 14:00 мск",
                null);
        MoveSlot backwards = new MoveSlot(
                "c", "demo", "1001", NOW, "sync", null, "cal", "sbabc00001", START, START.minusSeconds(60), null, null);

        SlotEdit edit = SlotEdits.move(entry, move);

        assertThat(edit.start()).isEqualTo(START.plusSeconds(86400));
        assertThat(edit.summary()).isEqualTo("Встреча, 14:00 мск");
        assertThatThrownBy(() -> SlotEdits.move(entry, backwards)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void updating_details_replaces_or_removes_the_guest_and_keeps_what_is_not_given() {
        CalendarEntry entry = entry("sbabc00001", "\"1\"", Map.of(), "x", null);
        UpdateSlotDetails replace = new UpdateSlotDetails(
                "c",
                "demo",
                "1001",
                NOW,
                "sync",
                null,
                "cal",
                "sbabc00001",
                null,
                "masha@demo.example",
                false,
                null,
                null);
        UpdateSlotDetails remove = new UpdateSlotDetails(
                "c", "demo", "1001", NOW, "sync", null, "cal", "sbabc00001", "Новое", null, true, null, null);

        assertThat(SlotEdits.updateDetails(entry, replace).guestEmails()).containsExactly("masha@demo.example");
        assertThat(SlotEdits.updateDetails(entry, replace).summary()).isEqualTo(entry.summary());
        assertThat(SlotEdits.updateDetails(entry, remove).guestEmails()).isEmpty();
        assertThat(SlotEdits.updateDetails(entry, remove).summary()).isEqualTo("Новое");
    }

    private static CalendarEntry entry(
            String id, String etag, Map<String, String> properties, String description, String colorId) {
        return new CalendarEntry(
                id,
                SlotStatus.CONFIRMED,
                "Встреча с Семёном",
                description,
                START,
                START.plusSeconds(3600),
                "Europe/Moscow",
                colorId,
                List.of(new SlotAttendee("pasha@demo.example", "needsAction")),
                15,
                NOW,
                etag,
                0,
                null,
                properties);
    }

    private static CalendarEntry withEdit(CalendarEntry entry, SlotEdit edit) {
        return new CalendarEntry(
                entry.id(),
                edit.status(),
                edit.summary(),
                edit.description(),
                edit.start(),
                edit.end(),
                entry.timeZone(),
                edit.colorId(),
                entry.attendees(),
                entry.reminderMinutes(),
                entry.updated(),
                "\"2\"",
                entry.sequence(),
                entry.htmlLink(),
                entry.privateProperties());
    }
}
