package io.slotbridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotbridge.local.people.CalendarPerson;
import io.slotbridge.local.people.LeadCard;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * ОП-2 scenario B end to end: an expert paints a no-show Graphite, the follow-up runs its calls and WhatsApp templates
 * on the shared simulated clock to {@code Отказ. Сделка закрыта} / {@code Нет контакта}; a client who answers on
 * WhatsApp stops their own run and nobody else's. The same scenario for every CRM (see the subclasses).
 */
@ExtendWith(SlotbridgeExtension.class)
abstract class FollowupScenarioB {

    private static final String FIRST_CALL = "ОП-2: клиент не пришёл на встречу — перезвонить и переназначить";
    private static final List<String> CALLS = List.of(
            FIRST_CALL,
            "ОП-2: второй звонок сегодня — переназначить встречу",
            "ОП-2: клиент не ответил — позвонить ещё раз",
            "ОП-2: последний звонок перед закрытием лида");
    /** Аудио Михаила Николаевича, Игнор, Полный игнор (deploy/tenants/demo.yml, both tenants). */
    static final List<String> TEMPLATES = List.of(
            "0b6c2d1e-0000-4000-8000-000000000001",
            "0b6c2d1e-0000-4000-8000-000000000002",
            "0b6c2d1e-0000-4000-8000-000000000003");

    private final DemoTenant demo;
    private final FollowupRuns runs;

    FollowupScenarioB(DemoTenant demo) {
        this.demo = demo;
        this.runs = new FollowupRuns(demo);
    }

    @Test
    void aNoShowRunsScenarioBToNoContactAndAReplyStopsOnlyTheClientWhoWrote() {
        DemoTenant.Booked silent = demo.bookedLead("Паша", 11);
        DemoTenant.Booked answers = demo.bookedLead("Маша", 12);
        demo.paintBookedSlot(silent, CalendarPerson.GRAPHITE);
        demo.paintBookedSlot(answers, CalendarPerson.GRAPHITE);
        runs.awaitScenarioB(silent.id());
        runs.awaitScenarioB(answers.id());

        demo.sandbox.clientWrites(
                demo.overview.wazzupChannelId(),
                answers.lead().phone(),
                "Здравствуйте, не смог прийти, давайте перенесём");
        DemoTenant.patiently("the answering client's run stopped")
                .until(() -> runs.of(answers.id()).orElseThrow(), run -> "STOPPED".equals(run.status()));
        assertThat(runs.of(answers.id()).orElseThrow().stopReason()).isEqualTo("client-replied");

        runs.assertRunsToNoContact(silent.lead(), CALLS, TEMPLATES);

        LeadCard stopped = demo.crm.read(answers.id());
        assertThat(stopped.stage()).isNotEqualTo(DemoTenant.STAGE_LOST);
        assertThat(demo.whatsAppTo(answers.lead().phone()))
                .as("nothing is sent to a client who answered")
                .isEmpty();
        assertThat(demo.crm.tasks(answers.id())).doesNotContain(CALLS.get(2), CALLS.get(3));
    }
}
