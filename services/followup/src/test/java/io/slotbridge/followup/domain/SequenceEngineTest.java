package io.slotbridge.followup.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SequenceEngineTest {

    static final ZoneId MSK = ZoneId.of("Europe/Moscow");
    static final WorkingCalendar OFFICE = WorkingCalendar.moscowOfficeHours();
    static final Sequence A = Sequences.defaults().get("A");
    static final Sequence B = Sequences.defaults().get("B");

    /** 2026-11-23 is a Monday. */
    static Instant msk(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(MSK).toInstant();
    }

    /** Runs the sequence the way the service does: each step at its due time, until the run completes. */
    static List<String> walk(Sequence sequence, Instant start) {
        List<String> log = new ArrayList<>();
        Run run = Run.start("run", "demo", "1", sequence, start, OFFICE);
        for (int guard = 0; run.isActive() && guard < 50; guard++) {
            Instant now = run.nextDueAt();
            SequenceEngine.Decision decision = SequenceEngine.onDue(sequence, run.position(), now, OFFICE);
            if (decision instanceof SequenceEngine.Decision.Execute execute) {
                log.add(now.atZone(MSK).toLocalDateTime() + " " + execute.step().label());
                run = run.stepDone(sequence, now, OFFICE);
            } else if (decision instanceof SequenceEngine.Decision.Complete) {
                log.add(now.atZone(MSK).toLocalDateTime() + " completed");
                run = run.complete();
            } else {
                throw new AssertionError("a due time computed by the engine must be working time: " + decision);
            }
        }
        return log;
    }

    @Test
    void scenario_b_runs_to_the_end_two_calls_the_same_day_then_audio_ignore_full_ignore_and_close_lost() {
        assertThat(walk(B, msk("2026-11-23T14:00")))
                .containsExactly(
                        "2026-11-23T14:00 call-task ОП-2: клиент не пришёл на встречу — перезвонить и переназначить",
                        "2026-11-23T16:00 call-task ОП-2: второй звонок сегодня — переназначить встречу",
                        "2026-11-23T18:00 send-template Аудио Михаила Николаевича",
                        "2026-11-24T10:00 send-template Игнор",
                        "2026-11-24T10:00 call-task ОП-2: клиент не ответил — позвонить ещё раз",
                        "2026-11-26T10:00 send-template Полный игнор",
                        "2026-11-26T10:00 call-task ОП-2: последний звонок перед закрытием лида",
                        "2026-11-27T10:00 close-lost no-contact",
                        "2026-11-27T10:00 completed");
    }

    @Test
    void scenario_a_runs_to_the_end_and_its_last_step_skips_the_weekend() {
        assertThat(walk(A, msk("2026-11-23T12:00")))
                .containsExactly(
                        "2026-11-23T12:00 send-template Первое сообщение",
                        "2026-11-24T10:00 call-task ОП-2: позвонить клиенту и назначить встречу",
                        "2026-11-24T13:00 send-template Аудио Михаила Николаевича",
                        "2026-11-25T10:00 send-template Игнор",
                        "2026-11-25T10:00 call-task ОП-2: клиент не ответил — позвонить ещё раз",
                        "2026-11-27T10:00 send-template Полный игнор",
                        "2026-11-27T10:00 call-task ОП-2: последний звонок перед закрытием лида",
                        "2026-11-30T10:00 close-lost no-contact",
                        "2026-11-30T10:00 completed");
    }

    @Test
    void a_trigger_at_night_before_a_weekend_waits_for_monday_morning() {
        Run run = Run.start("run", "demo", "1", B, msk("2026-11-27T22:30"), OFFICE);

        assertThat(run.position()).isZero();
        assertThat(run.nextDueAt()).isEqualTo(msk("2026-11-30T09:00"));
    }

    @Test
    void a_trigger_early_in_the_morning_waits_for_opening_the_same_day() {
        Run run = Run.start("run", "demo", "1", B, msk("2026-11-24T06:10"), OFFICE);

        assertThat(run.nextDueAt()).isEqualTo(msk("2026-11-24T09:00"));
    }

    @Test
    void two_days_later_that_falls_on_saturday_moves_to_monday_opening() {
        // Игнор on Thursday 10:00 -> +P2D = Saturday -> Monday 09:00
        Instant thursday = msk("2026-11-26T10:00");
        Run atIgnore = new Run("run", "demo", "1", "B", Run.Status.ACTIVE, 7, thursday, null);

        Run next = atIgnore.stepDone(B, thursday, OFFICE);

        assertThat(next.position()).isEqualTo(9);
        assertThat(next.nextDueAt()).isEqualTo(msk("2026-11-30T09:00"));
    }

    @Test
    void the_second_call_of_a_late_no_show_still_happens_the_same_day() {
        assertThat(walk(B, msk("2026-11-23T18:30")))
                .startsWith(
                        "2026-11-23T18:30 call-task ОП-2: клиент не пришёл на встречу — перезвонить и переназначить",
                        "2026-11-23T19:59 call-task ОП-2: второй звонок сегодня — переназначить встречу",
                        "2026-11-23T19:59 send-template Аудио Михаила Николаевича",
                        "2026-11-24T10:00 send-template Игнор");
    }

    @Test
    void a_step_found_due_at_night_after_an_outage_is_postponed_to_the_morning() {
        SequenceEngine.Decision decision = SequenceEngine.onDue(B, 4, msk("2026-11-24T23:05"), OFFICE);

        assertThat(decision).isEqualTo(new SequenceEngine.Decision.Postpone(msk("2026-11-25T09:00")));
    }

    @ParameterizedTest
    @EnumSource(
            value = StopCondition.class,
            names = {"CLIENT_REPLIED", "CALL_WITH_CONVERSATION", "MEETING_SCHEDULED", "LEAD_CLOSED", "LEAD_DELETED"})
    void every_contact_signal_stops_either_scenario_at_every_step(StopCondition signal) {
        for (Sequence sequence : List.of(A, B)) {
            Run run = Run.start("run", "demo", "1", sequence, msk("2026-11-23T14:00"), OFFICE);
            int stepsSeen = 0;
            while (run.isActive() && run.position() < sequence.size()) {
                Run stopped = run.stop(sequence, signal);

                assertThat(stopped.status())
                        .as("%s at step %d", sequence.name(), run.position())
                        .isEqualTo(Run.Status.STOPPED);
                assertThat(stopped.stopReason()).isEqualTo(signal);
                assertThat(stopped.nextDueAt()).isNull();
                assertThat(stopped.stop(sequence, signal)).isSameAs(stopped);

                run = run.stepDone(sequence, run.nextDueAt(), OFFICE);
                stepsSeen++;
            }
            assertThat(stepsSeen).as("action steps of %s", sequence.name()).isEqualTo(8);
        }
    }

    @Test
    void a_sequence_that_does_not_list_a_signal_keeps_running_on_it() {
        Sequence onlyReplies = new Sequence(
                "C",
                "C",
                Trigger.MANUAL,
                List.of(new Step.Note("hi", "note hi")),
                java.util.EnumSet.of(StopCondition.CLIENT_REPLIED));
        Run run = Run.start("run", "demo", "1", onlyReplies, msk("2026-11-23T14:00"), OFFICE);

        assertThat(run.stop(onlyReplies, StopCondition.LEAD_CLOSED)).isSameAs(run);
        assertThat(run.stop(onlyReplies, StopCondition.STOPPED_BY_ADMIN).status())
                .isEqualTo(Run.Status.STOPPED);
    }

    @Test
    void a_completed_run_ignores_stop_signals() {
        Run completed = new Run("run", "demo", "1", "B", Run.Status.COMPLETED, 13, null, null);

        assertThat(completed.stop(B, StopCondition.CLIENT_REPLIED)).isSameAs(completed);
    }
}
