package io.slotbridge.followup.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RunTest {

    static final Sequence B = Sequences.defaults().get("B");
    static final WorkingCalendar OFFICE = WorkingCalendar.moscowOfficeHours();
    static final Instant MONDAY_NOON = Instant.parse("2026-11-23T09:00:00Z");

    @Test
    void a_lead_closed_while_steps_remain_stops_the_run() {
        Run run = Run.start("r1", "demo", "1", B, MONDAY_NOON, OFFICE);

        Run stopped = run.stop(B, StopCondition.LEAD_CLOSED);

        assertThat(stopped.status()).isEqualTo(Run.Status.STOPPED);
        assertThat(stopped.stopReason()).isEqualTo(StopCondition.LEAD_CLOSED);
    }

    @Test
    void the_echo_of_its_own_closing_step_does_not_stop_a_run_that_only_has_completion_left() {
        Run run = Run.start("r1", "demo", "1", B, MONDAY_NOON, OFFICE);
        Instant now = MONDAY_NOON;
        while (run.position() < B.size()) {
            now = run.nextDueAt();
            run = run.stepDone(B, now, OFFICE);
        }

        Run afterEcho = run.stop(B, StopCondition.LEAD_CLOSED);

        assertThat(afterEcho).isSameAs(run);
        assertThat(afterEcho.complete().status()).isEqualTo(Run.Status.COMPLETED);
    }
}
