package io.slotbridge.followup.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotbridge.followup.domain.SendLog.State;
import io.slotbridge.followup.domain.SendLog.Verdict;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SendLogTest {

    static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    static final Duration SAFE = Duration.ofSeconds(50);

    @Test
    void nothing_reached_wazzup_yet_so_sending_is_safe_at_any_time() {
        assertThat(SendLog.verdict(State.SENDING, null, NOW, SAFE)).isEqualTo(Verdict.SEND);
    }

    @Test
    void a_request_that_may_have_arrived_can_be_repeated_with_the_same_id_inside_the_window() {
        assertThat(SendLog.verdict(State.SENDING, NOW.minusSeconds(20), NOW, SAFE))
                .isEqualTo(Verdict.SEND);
    }

    @Test
    void after_the_window_a_possibly_delivered_send_is_uncertain_and_never_repeated() {
        assertThat(SendLog.verdict(State.SENDING, NOW.minusSeconds(50), NOW, SAFE))
                .isEqualTo(Verdict.UNCERTAIN);
        assertThat(SendLog.verdict(State.SENDING, NOW.minus(Duration.ofDays(1)), NOW, SAFE))
                .isEqualTo(Verdict.UNCERTAIN);
    }

    @Test
    void a_send_with_an_outcome_is_settled() {
        for (State state : new State[] {State.SENT, State.FAILED, State.UNCERTAIN}) {
            assertThat(SendLog.verdict(state, NOW.minusSeconds(1), NOW, SAFE)).isEqualTo(Verdict.SETTLED);
        }
    }
}
