package io.slotbridge.contracts;

import java.util.List;
import java.util.Objects;

/**
 * One Kafka topic: its name, the sealed interface of its records, how its records are keyed, and who writes it.
 *
 * @param name topic name, {@code <area>.<entity>-<kind>.v<major>}
 * @param valueType the sealed interface every record on the topic implements
 * @param kind event topics have exactly one writer; command topics belong to their consumer
 * @param keyRule how records are keyed
 * @param partitions default partition count used by topic creation
 * @param writers services allowed to produce to the topic
 * @param description one line for docs and the console
 * @param compacted the topic keeps the latest record per key for ever ({@code cleanup.policy=compact}) instead of
 *     deleting records after the retention time: for state a reader rebuilds from the beginning
 */
public record TopicSpec<V extends Envelope>(
        String name,
        Class<V> valueType,
        Kind kind,
        KeyRule keyRule,
        int partitions,
        List<String> writers,
        String description,
        boolean compacted) {

    /** Suffix spring-kafka 3.3's DeadLetterPublishingRecoverer appends by default. */
    public static final String DLT_SUFFIX = "-dlt";

    public enum Kind {
        EVENT,
        COMMAND,
        ARCHIVE
    }

    public enum KeyRule {
        /** {@code {tenant}:{leadId}} */
        LEAD,
        /** {@code {tenant}} */
        TENANT,
        /** {@code {tenant}:{something else}}, e.g. a chat or a watch channel */
        TENANT_SCOPED
    }

    /** A topic whose records expire after the retention time (Kafka's default policy). */
    public TopicSpec(
            String name,
            Class<V> valueType,
            Kind kind,
            KeyRule keyRule,
            int partitions,
            List<String> writers,
            String description) {
        this(name, valueType, kind, keyRule, partitions, writers, description, false);
    }

    public TopicSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(valueType, "valueType");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(keyRule, "keyRule");
        writers = List.copyOf(writers);
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1");
        }
        if (kind == Kind.EVENT && writers.size() != 1) {
            throw new IllegalArgumentException("event topic " + name + " must have exactly one writer");
        }
    }

    /** The dead-letter topic for records of this topic that cannot be processed. */
    public String dlt() {
        return name + DLT_SUFFIX;
    }

    /** The JSON Schema resource that publishes this topic's contract. */
    public String schemaResource() {
        return "/schemas/" + name + ".schema.json";
    }
}
