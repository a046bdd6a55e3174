package io.slotbridge.crmconnector.app;

import java.time.Instant;
import java.util.List;

/**
 * What became of a tenant's batch of work: all of it done, except {@code waiting}, which the CRM does not take
 * before {@code retryAt} (a blocked account, a parked method).
 */
public record Deferral<T>(List<T> waiting, Instant retryAt, String reason) {

    public static <T> Deferral<T> none() {
        return new Deferral<>(List.of(), null, null);
    }

    /** The items that were not done, in the order given; none when every item was. */
    public static <T> Deferral<T> of(List<T> waiting, AccountBlockedException blocked) {
        return waiting.isEmpty()
                ? none()
                : new Deferral<>(List.copyOf(waiting), blocked.retryAt(), blocked.getMessage());
    }

    public boolean done() {
        return waiting.isEmpty();
    }
}
