package io.slotbridge.crmconnector.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The order rule of deferred commands: a lead's commands are written in the order they arrived, so a command may run
 * only when it is due and no earlier command of its lead is still waiting. Leads do not wait for each other.
 */
public final class WaitingLine {

    private WaitingLine() {}

    /**
     * @param waiting the deferred commands, oldest first
     * @return those that may be written now, oldest first
     */
    public static <T> List<T> runnable(List<T> waiting, Function<T, String> lead, Predicate<T> due) {
        Set<String> held = new HashSet<>();
        List<T> runnable = new ArrayList<>();
        for (T item : waiting) {
            String leadId = lead.apply(item);
            if (held.contains(leadId)) {
                continue;
            }
            if (due.test(item)) {
                runnable.add(item);
            } else {
                held.add(leadId);
            }
        }
        return runnable;
    }
}
