package io.slotbridge.platform.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class AdjustableClockTest {

    @Test
    void advancing_moves_every_view_of_the_clock() {
        AdjustableClock clock = AdjustableClock.system();
        var moscow = clock.withZone(ZoneId.of("Europe/Moscow"));
        Instant before = clock.instant();

        clock.advance(Duration.ofDays(2));

        assertThat(clock.instant()).isAfterOrEqualTo(before.plus(Duration.ofDays(2)));
        assertThat(moscow.instant()).isAfterOrEqualTo(before.plus(Duration.ofDays(2)));
        assertThat(clock.offset()).isEqualTo(Duration.ofDays(2));
    }

    @Test
    void time_does_not_go_back() {
        assertThatThrownBy(() -> AdjustableClock.system().advance(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
