package io.slotbridge.console.overview.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SparklineTest {

    @Test
    void the_highest_value_touches_the_top_and_zero_the_bottom() {
        Sparkline line = new Sparkline(List.of(0L, 5L, 10L), 100, 21);

        assertThat(line.points()).isEqualTo("0.0,20.0 50.0,10.5 100.0,1.0");
        assertThat(line.total()).isEqualTo(15);
        assertThat(line.last()).isEqualTo(10);
    }

    @Test
    void minutes_without_records_count_as_zero() {
        Instant now = Instant.parse("2026-11-23T10:03:30Z");

        List<Long> series = MinuteSeries.fill(
                Map.of(Instant.parse("2026-11-23T10:01:00Z"), 4L, Instant.parse("2026-11-23T10:03:00Z"), 2L), now, 4);

        assertThat(series).containsExactly(0L, 4L, 0L, 2L);
    }
}
