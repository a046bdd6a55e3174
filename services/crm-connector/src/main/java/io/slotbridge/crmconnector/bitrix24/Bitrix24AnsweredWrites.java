package io.slotbridge.crmconnector.bitrix24;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Writes that went through in a batch whose other writes hit a parked method. The batch as a whole is handed back to be
 * redelivered after the park (the listener only knows "wait and retry"), so when the same command text comes again its
 * remembered result answers it instead of a second timeline comment or to-do. Kept in memory for {@code keep}: a
 * redelivery comes within the park (at most minutes), and after a restart the write ledger's PENDING rows are the
 * guard, as for any write interrupted by a crash.
 */
final class Bitrix24AnsweredWrites {

    private record Answer(JsonNode result, Instant at) {}

    private final Map<String, Deque<Answer>> answers = new HashMap<>();
    private final Duration keep;
    private final Clock clock;

    Bitrix24AnsweredWrites(Duration keep, Clock clock) {
        this.keep = keep;
        this.clock = clock;
    }

    synchronized void remember(String command, JsonNode result) {
        answers.computeIfAbsent(command, c -> new ArrayDeque<>()).add(new Answer(result, clock.instant()));
    }

    /** The remembered result of an identical command, used up by this call. */
    synchronized Optional<JsonNode> take(String command) {
        Instant oldest = clock.instant().minus(keep);
        answers.values().forEach(q -> q.removeIf(a -> a.at().isBefore(oldest)));
        answers.values().removeIf(Deque::isEmpty);
        Deque<Answer> remembered = answers.get(command);
        return remembered == null
                ? Optional.empty()
                : Optional.of(remembered.poll().result());
    }
}
