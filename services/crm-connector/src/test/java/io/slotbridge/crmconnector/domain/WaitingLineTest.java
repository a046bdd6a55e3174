package io.slotbridge.crmconnector.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WaitingLineTest {

    record Item(String name, String lead) {}

    private static List<String> runnable(List<Item> waiting, Set<String> due) {
        return WaitingLine.runnable(waiting, Item::lead, i -> due.contains(i.name())).stream()
                .map(Item::name)
                .toList();
    }

    @Test
    void everything_due_runs_oldest_first() {
        List<Item> waiting = List.of(new Item("a1", "A"), new Item("b1", "B"), new Item("a2", "A"));

        assertThat(runnable(waiting, Set.of("a1", "b1", "a2"))).containsExactly("a1", "b1", "a2");
    }

    @Test
    void a_command_not_yet_due_holds_back_the_later_ones_of_its_lead_only() {
        List<Item> waiting = List.of(
                new Item("a1", "A"),
                new Item("b1", "B"),
                new Item("a2", "A"),
                new Item("b2", "B"),
                new Item("c1", "C"));

        // b1 waits (its method is parked): b2 must not overtake it, A and C go on
        assertThat(runnable(waiting, Set.of("a1", "a2", "b2", "c1"))).containsExactly("a1", "a2", "c1");
    }

    @Test
    void a_later_command_that_is_due_still_waits_behind_an_earlier_one_of_its_lead() {
        List<Item> waiting = List.of(new Item("a1", "A"), new Item("a2", "A"));

        assertThat(runnable(waiting, Set.of("a2"))).isEmpty();
    }

    @Test
    void nothing_waiting_nothing_runs() {
        assertThat(runnable(List.of(), Set.of())).isEmpty();
    }
}
