package io.slotbridge.gateway.ingest.domain;

import java.util.List;

/** What a source made of an authenticated request. */
public sealed interface Parsed {

    /**
     * Understood. {@code records} may be empty for deliveries that carry nothing for us (a Wazzup probe, an amoCRM
     * event we do not follow); the request is still archived.
     */
    record Understood(List<Outbound> records, String note) implements Parsed {
        public Understood {
            records = List.copyOf(records);
        }
    }

    /** Authenticated but not readable: the raw body goes to the dead-letter topic with this reason. */
    record Unreadable(String problem) implements Parsed {}

    /** The body itself fails authentication (Bitrix24 token, amoCRM account); answered exactly like a wrong secret. */
    record Refused(String reason) implements Parsed {}
}
