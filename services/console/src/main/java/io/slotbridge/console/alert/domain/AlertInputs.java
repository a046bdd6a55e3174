package io.slotbridge.console.alert.domain;

import io.slotbridge.console.connection.domain.ConnectionHealth;
import java.util.List;

/** What the rules look at: dead letters that arrived in the window, connection reports, consumer lag. */
public record AlertInputs(
        List<DeadLetterArrivals> deadLetters,
        List<ConnectionHealth> connections,
        List<GroupLag> lags,
        String lagProblem) {

    public AlertInputs {
        deadLetters = List.copyOf(deadLetters);
        connections = List.copyOf(connections);
        lags = List.copyOf(lags);
    }

    public record DeadLetterArrivals(String tenant, String topic, long count, String newestReason) {}

    public record GroupLag(String group, long lag, String worstTopic) {}
}
