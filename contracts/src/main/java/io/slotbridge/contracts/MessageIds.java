package io.slotbridge.contracts;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Deterministic ids. The same decision over the same input yields the same command id, so a replayed input or a
 * redelivered record produces a command the executor recognises as already applied.
 */
public final class MessageIds {

    private MessageIds() {}

    /** A name-based UUID of the parts joined with {@code |}. */
    public static String deterministic(String... parts) {
        return UUID.nameUUIDFromBytes(String.join("|", parts).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** A random id for facts that happen once (a webhook received). */
    public static String random() {
        return UUID.randomUUID().toString();
    }
}
