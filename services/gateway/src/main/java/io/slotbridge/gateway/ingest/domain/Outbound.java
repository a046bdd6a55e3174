package io.slotbridge.gateway.ingest.domain;

import io.slotbridge.contracts.Envelope;
import io.slotbridge.contracts.TopicSpec;
import java.util.Map;
import java.util.Objects;

/** A record to publish and where: its catalogue topic, or a dead-letter topic with reason headers. */
public record Outbound(String topic, Envelope record, Map<String, String> headers) {

    public Outbound {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(record, "record");
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public static <V extends Envelope> Outbound to(TopicSpec<V> topic, V record) {
        return new Outbound(topic.name(), record, Map.of());
    }
}
