package io.slotbridge.console.projection.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotbridge.contracts.ContractSamples;
import io.slotbridge.contracts.Envelope;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class RecordDescriptionsTest {

    private final RecordDescriptions describe = new RecordDescriptions(ZoneId.of("Europe/Moscow"));

    @Test
    void every_contract_record_gets_a_title_of_its_own() {
        for (Envelope record : ContractSamples.all()) {
            Description line = describe.describe(record);
            assertThat(line.title())
                    .as(record.getClass().getSimpleName())
                    .isNotBlank()
                    .isNotEqualTo(record.getClass().getSimpleName());
            assertThat(line.outcome()).isIn("ok", "failed", "warning", "info");
        }
    }

    @Test
    void times_read_in_the_tenants_time_zone() {
        Description scheduled = describe.describe(ContractSamples.meetingScheduled());

        assertThat(scheduled.title()).isEqualTo("Meeting #1 scheduled for 24.11.2026 13:00 with Паша");
    }

    @Test
    void rejected_commands_are_failures_linked_to_their_command() {
        Description rejected = describe.describe(ContractSamples.crmCommandRejected());

        assertThat(rejected.title()).isEqualTo("CRM rejected crm.move-lead-to-stage: NOT_FOUND");
        assertThat(rejected.outcome()).isEqualTo(Description.FAILED);
        assertThat(rejected.commandId()).isEqualTo("cmd-move-1");
        assertThat(rejected.detail()).contains("does not exist");
    }

    @Test
    void slot_snapshots_name_their_colour_and_link_the_command_that_wrote_them() {
        Description slot = describe.describe(ContractSamples.slotSnapshotted());
        Description paint = describe.describe(ContractSamples.paintSlot());

        assertThat(slot.title()).startsWith("Calendar slot Banana, 24.11.2026 13:00");
        assertThat(slot.causationId()).isEqualTo("notif-1");
        assertThat(paint.title()).isEqualTo("Calendar command: paint slot Tomato");
        assertThat(paint.detail()).contains("Отменена: Встреча отменена").contains("issued by sync");
    }

    @Test
    void hints_and_webhooks_share_the_raw_event_id_and_decisions_point_at_their_input() {
        assertThat(describe.describe(ContractSamples.leadChangeNoticed()).rawEventId())
                .isEqualTo("raw-1");
        assertThat(describe.describe(ContractSamples.rawWebhookReceived()).rawEventId())
                .isEqualTo("raw-1");
        Description decision = describe.describe(ContractSamples.decisionRecorded());
        assertThat(decision.causationId()).isEqualTo("snap-1");
        assertThat(decision.title()).isEqualTo("Decision: crm.booked->create-slot, crm.booked-late->sla-breach");
    }

    @Test
    void sla_breaches_and_client_replies_stand_out() {
        assertThat(describe.describe(ContractSamples.slaBreached()).outcome()).isEqualTo(Description.WARNING);
        Description reply = describe.describe(ContractSamples.whatsAppMessageReceived());
        assertThat(reply.title()).isEqualTo("WhatsApp from the client");
        assertThat(reply.outcome()).isEqualTo(Description.OK);
    }

    @Test
    void slot_titles_name_the_expert() {
        assertThat(SlotTitles.expertOf("Встреча с Семёном (категория A), 13:00 мск, (Паша)"))
                .contains("Паша");
        assertThat(SlotTitles.expertOf("Созвон")).isEmpty();
        assertThat(SlotTitles.expertOf(null)).isEmpty();
    }
}
