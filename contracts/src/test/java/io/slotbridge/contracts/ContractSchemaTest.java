package io.slotbridge.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ContractSchemaTest {

    static Stream<Envelope> samples() {
        return ContractSamples.all().stream();
    }

    static Stream<TopicSpec<?>> topics() {
        return Topics.ALL.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void every_record_serialises_to_json_its_topic_schema_accepts(Envelope sample) {
        TopicSpec<?> topic = ContractSchemas.topicOf(sample);
        JsonNode json = ContractJson.mapper().valueToTree(sample);

        assertThat(ContractSchemas.validate(topic, json)).isEmpty();
        assertThat(json.get("type").asText()).isEqualTo(ContractTypes.typeName(sample));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void every_record_reads_back_as_its_topic_type(Envelope sample) {
        TopicSpec<?> topic = ContractSchemas.topicOf(sample);
        byte[] bytes = ContractJson.toBytes(sample);

        Object back = ContractJson.fromBytes(bytes, topic.valueType());

        assertThat(back).isEqualTo(sample);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void schema_rejects_a_record_without_its_tenant(Envelope sample) {
        TopicSpec<?> topic = ContractSchemas.topicOf(sample);
        ObjectNode json = ContractJson.mapper().valueToTree(sample);
        json.remove("tenant");

        assertThat(ContractSchemas.validate(topic, json)).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void schema_rejects_an_unknown_type_name_and_unknown_fields(Envelope sample) {
        TopicSpec<?> topic = ContractSchemas.topicOf(sample);
        ObjectNode renamed = ContractJson.mapper().valueToTree(sample);
        renamed.put("type", "com.example.SomeJavaClass");
        ObjectNode extended = ContractJson.mapper().valueToTree(sample);
        extended.put("notInTheContract", 1);

        assertThat(ContractSchemas.validate(topic, renamed)).isNotEmpty();
        assertThat(ContractSchemas.validate(topic, extended)).isNotEmpty();
    }

    @Test
    void schema_rejects_a_time_that_is_not_iso_8601() {
        ObjectNode json = ContractJson.mapper().valueToTree(ContractSamples.leadSnapshotted());
        json.put("occurredAt", "23.11.2026 12:15");

        assertThat(ContractSchemas.validate(Topics.CRM_LEAD_EVENTS, json)).isNotEmpty();
    }

    @Test
    void schema_rejects_a_phone_with_formatting() {
        ObjectNode json = ContractJson.mapper().valueToTree(ContractSamples.leadSnapshotted());
        ((ObjectNode) json.get("contact")).put("phone", "+7 (903) 123-45-67");

        assertThat(ContractSchemas.validate(Topics.CRM_LEAD_EVENTS, json)).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topics")
    void every_record_type_of_a_topic_has_a_sample_and_a_registered_type_name(TopicSpec<?> topic) {
        List<Class<?>> permitted = ContractTypes.recordTypes(topic);
        List<Class<?>> registered = Arrays.stream(
                        topic.valueType().getAnnotation(JsonSubTypes.class).value())
                .<Class<?>>map(JsonSubTypes.Type::value)
                .toList();
        List<Class<?>> sampled =
                ContractSamples.all().stream().<Class<?>>map(Object::getClass).toList();

        assertThat(registered).containsExactlyInAnyOrderElementsOf(permitted);
        assertThat(sampled).containsAll(permitted);
        permitted.forEach(type -> assertThat(ContractTypes.typeName(type)).matches("[a-z]+\\.[a-z-]+"));
    }

    @Test
    void type_names_are_unique_across_all_topics() {
        List<String> names = Topics.ALL.stream()
                .flatMap(t -> ContractTypes.recordTypes(t).stream())
                .map(ContractTypes::typeName)
                .toList();

        assertThat(names).doesNotHaveDuplicates();
    }
}
