package io.slotbridge.followup.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotbridge.followup.domain.Sequence;
import io.slotbridge.followup.domain.Step;
import io.slotbridge.followup.domain.StopCondition;
import io.slotbridge.followup.domain.Trigger;
import io.slotbridge.followup.domain.WaitRule;
import java.time.Duration;
import java.time.LocalTime;
import java.time.Period;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SequenceParserTest {

    static final Set<String> TEMPLATES = Set.of("Аудио Михаила Николаевича", "Игнор");

    static Map<String, Sequence> parse(String yaml) {
        return SequenceParser.parse("test.yml", yaml, TEMPLATES::contains);
    }

    static SequenceFileException failure(String yaml) {
        try {
            parse(yaml);
        } catch (SequenceFileException e) {
            return e;
        }
        throw new AssertionError("expected the file to be rejected");
    }

    @Test
    void reads_every_kind_of_step() {
        Map<String, Sequence> sequences = parse(
                """
                sequences:
                  B:
                    title: Неявка
                    trigger: client-unreachable
                    stop-when: [client-replied, lead-deleted]
                    steps:
                      - call-task: Позвонить
                        name: first-call
                      - wait: {same-day-plus: PT2H}
                      - send-template: Игнор
                      - wait: {until: next-working-day-at 10:30}
                      - note: Ещё раз
                      - wait: {plus: P2D}
                      - close-lost: no-contact
                """);

        Sequence b = sequences.get("B");
        assertThat(b.title()).isEqualTo("Неявка");
        assertThat(b.trigger()).isEqualTo(Trigger.CLIENT_UNREACHABLE);
        assertThat(b.stopWhen()).containsExactlyInAnyOrder(StopCondition.CLIENT_REPLIED, StopCondition.LEAD_DELETED);
        assertThat(b.steps())
                .containsExactly(
                        new Step.CallTask("Позвонить", "first-call"),
                        new Step.Wait(new WaitRule.SameDayPlus(Duration.ofHours(2)), "wait same day plus PT2H"),
                        new Step.SendTemplate("Игнор", "send-template Игнор"),
                        new Step.Wait(
                                new WaitRule.NextWorkingDayAt(LocalTime.of(10, 30)),
                                "wait until next working day at 10:30"),
                        new Step.Note("Ещё раз", "note Ещё раз"),
                        new Step.Wait(new WaitRule.Plus(Period.ofDays(2)), "wait plus P2D"),
                        new Step.CloseLost("no-contact", "close-lost no-contact"));
    }

    @Test
    void stop_conditions_default_to_every_contact_signal() {
        Sequence a = parse(
                        """
                sequences:
                  A:
                    trigger: qualified-idle
                    steps:
                      - call-task: Позвонить
                """)
                .get("A");

        assertThat(a.stopWhen()).isEqualTo(StopCondition.configurable());
        assertThat(a.title()).isEqualTo("A");
    }

    @Test
    void the_shipped_defaults_parse_against_the_demo_templates() {
        Map<String, Sequence> defaults = io.slotbridge.followup.domain.Sequences.defaults();

        assertThat(defaults).containsOnlyKeys("A", "B");
        assertThat(defaults.get("A").trigger()).isEqualTo(Trigger.QUALIFIED_IDLE);
        assertThat(defaults.get("B").trigger()).isEqualTo(Trigger.CLIENT_UNREACHABLE);
    }

    @Test
    void an_unknown_step_is_rejected_with_its_line() {
        SequenceFileException e = failure(
                """
                sequences:
                  B:
                    trigger: client-unreachable
                    steps:
                      - call-task: Позвонить
                      - send-templat: Игнор
                """);

        assertThat(e.problems())
                .containsExactly("line 6: unknown step 'send-templat' (expected one of call-task, "
                        + "close-lost, note, send-template, wait, optionally with name)");
        assertThat(e.getMessage()).startsWith("follow-up sequence file test.yml is invalid: line 6:");
    }

    @Test
    void every_problem_of_a_file_is_reported_at_once_each_with_its_line() {
        SequenceFileException e = failure(
                """
                sequences:
                  B:
                    trigger: no-show
                    stop-when: [client-replied, moon-phase]
                    steps:
                      - wait: {plus: 2 days}
                      - wait: {until: tomorrow}
                      - wait: {same-day-plus: P1D}
                      - send-template: Неизвестный шаблон
                      - call-task: Позвонить
                        note: и записать
                """);

        assertThat(e.problems())
                .containsExactly(
                        "line 3: unknown trigger 'no-show' (expected one of client-unreachable, manual, qualified-idle)",
                        "line 4: unknown stop condition 'moon-phase' (expected one of call-with-conversation, "
                                + "client-replied, lead-closed, lead-deleted, meeting-scheduled)",
                        "line 6: '2 days' is not an ISO-8601 period or duration such as P2D or PT2H",
                        "line 7: until must be 'next-working-day-at HH:mm', got 'tomorrow'",
                        "line 8: same-day-plus takes hours or minutes (PT2H), not days: 'P1D'",
                        "line 9: template 'Неизвестный шаблон' is not configured in followup.templates of this "
                                + "tenant",
                        "line 11: a step does one thing; found both 'call-task' and 'note'");
    }

    @Test
    void missing_trigger_and_steps_are_reported_on_the_sequence_line() {
        SequenceFileException e = failure(
                """
                sequences:
                  A:
                    title: пусто
                """);

        assertThat(e.problems())
                .containsExactly("line 2: sequence 'A' has no trigger", "line 2: sequence 'A' has no steps");
    }

    @Test
    void a_sequence_that_only_waits_is_rejected() {
        SequenceFileException e = failure(
                """
                sequences:
                  A:
                    trigger: qualified-idle
                    steps:
                      - wait: {plus: P1D}
                """);

        assertThat(e.problems())
                .containsExactly(
                        "line 2: sequence 'A' only waits; it needs at least one step that " + "does something");
    }

    @Test
    void broken_yaml_names_the_line() {
        SequenceFileException e = failure(
                """
                sequences:
                  A:
                    trigger: qualified-idle
                    steps: [call-task: x
                """);

        assertThat(e.problems()).singleElement().asString().startsWith("line 5: not valid YAML");
    }

    @Test
    void a_file_without_sequences_is_rejected() {
        assertThat(failure("steps: []\n").problems())
                .containsExactly(
                        "line 1: unknown key 'steps' (expected 'sequences')",
                        "line 1: 'sequences' must map sequence names to sequences");
    }
}
