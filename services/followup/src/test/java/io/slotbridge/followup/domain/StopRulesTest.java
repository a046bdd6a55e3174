package io.slotbridge.followup.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StopRulesTest {

    static final String MEETING = "5. Встреча назначена";

    @Test
    void moving_into_the_meeting_stage_stops() {
        assertThat(StopRules.forStage("Квалифицирован", MEETING, false, MEETING))
                .contains(StopCondition.MEETING_SCHEDULED);
    }

    @Test
    void staying_in_the_meeting_stage_after_a_no_show_does_not_stop() {
        assertThat(StopRules.forStage(MEETING, MEETING, false, MEETING)).isEmpty();
        assertThat(StopRules.forStage(null, MEETING, false, MEETING)).isEmpty();
    }

    @Test
    void a_closed_lead_stops_whatever_the_stage() {
        assertThat(StopRules.forStage(MEETING, "Отказ. Сделка закрыта", true, MEETING))
                .contains(StopCondition.LEAD_CLOSED);
    }

    @Test
    void other_stage_moves_do_not_stop() {
        assertThat(StopRules.forStage("Квалифицирован", "Не дозвонились", false, MEETING))
                .isEmpty();
    }
}
