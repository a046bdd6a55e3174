package io.slotbridge.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Loads the published JSON Schemas and validates records against them (formats asserted, not just annotated). */
public final class ContractSchemas {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private static final ConcurrentHashMap<String, JsonSchema> CACHE = new ConcurrentHashMap<>();

    private ContractSchemas() {}

    public static JsonSchema schemaOf(TopicSpec<?> topic) {
        return CACHE.computeIfAbsent(topic.name(), name -> load(topic));
    }

    public static Set<ValidationMessage> validate(TopicSpec<?> topic, JsonNode json) {
        return schemaOf(topic).validate(json);
    }

    /** The topic whose sealed interface the record implements. */
    public static TopicSpec<?> topicOf(Object record) {
        return Topics.ALL.stream()
                .filter(t -> t.valueType().isInstance(record))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no topic carries " + record.getClass()));
    }

    private static JsonSchema load(TopicSpec<?> topic) {
        try (InputStream in = ContractSchemas.class.getResourceAsStream(topic.schemaResource())) {
            if (in == null) {
                throw new IllegalStateException("missing schema " + topic.schemaResource());
            }
            return FACTORY.getSchema(in, CONFIG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
