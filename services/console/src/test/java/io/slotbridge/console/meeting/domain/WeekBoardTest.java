package io.slotbridge.console.meeting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeekBoardTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    record Slot(String id, Instant start, String expert) {}

    @Test
    void slots_sit_under_their_expert_on_their_local_day_in_time_order() {
        LocalDate monday = WeekBoard.mondayOf(LocalDate.parse("2026-11-26"));
        List<Slot> slots = List.of(
                new Slot("late", Instant.parse("2026-11-24T12:00:00Z"), "Паша"),
                new Slot("early", Instant.parse("2026-11-24T07:00:00Z"), "Паша"),
                // 22:30 UTC on Sunday is already Monday 01:30 in Moscow: next week, not shown
                new Slot("next-week", Instant.parse("2026-11-29T22:30:00Z"), "Маша"),
                new Slot("sunday", Instant.parse("2026-11-29T20:00:00Z"), "Маша"),
                new Slot("nobody", Instant.parse("2026-11-23T06:00:00Z"), null));

        WeekBoard<Slot> board = WeekBoard.of(slots, Slot::start, Slot::expert, monday, MOSCOW);

        assertThat(monday).isEqualTo(LocalDate.parse("2026-11-23"));
        assertThat(board.days()).hasSize(7).startsWith(monday).endsWith(LocalDate.parse("2026-11-29"));
        assertThat(board.rows()).extracting(WeekBoard.Row::expert).containsExactly("Маша", "Паша", WeekBoard.NO_EXPERT);
        assertThat(board.rows().get(1).days().get(1)).extracting(Slot::id).containsExactly("early", "late");
        assertThat(board.rows().get(0).days().get(6)).extracting(Slot::id).containsExactly("sunday");
        assertThat(board.rows().get(2).days().get(0)).extracting(Slot::id).containsExactly("nobody");
        assertThat(WeekBoard.start(monday, MOSCOW)).isEqualTo(Instant.parse("2026-11-22T21:00:00Z"));
        assertThat(board.nextWeek()).isEqualTo(LocalDate.parse("2026-11-30"));
    }
}
