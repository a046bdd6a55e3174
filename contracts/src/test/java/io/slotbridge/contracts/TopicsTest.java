package io.slotbridge.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void topic_names_follow_the_area_entity_kind_version_convention_and_are_unique() {
        List<String> names = Topics.ALL.stream().map(TopicSpec::name).toList();

        assertThat(names).doesNotHaveDuplicates().allMatch(n -> n.matches("[a-z]+\\.[a-z]+(-[a-z]+)*\\.v[0-9]+"));
        assertThat(Topics.allNamesWithDlts()).hasSize(names.size() * 2).contains("ingress.raw.v1-dlt");
    }

    @Test
    void dead_letter_topics_resolve_to_their_source_topic() {
        assertThat(Topics.byNameOrDlt("crm.commands.v1-dlt")).contains(Topics.CRM_COMMANDS);
        assertThat(Topics.byNameOrDlt("crm.commands.v1")).contains(Topics.CRM_COMMANDS);
        assertThat(Topics.byNameOrDlt("nope.v1-dlt")).isEmpty();
    }

    @Test
    void lead_topics_key_by_tenant_and_lead_and_crm_commands_by_tenant() {
        ContractSamples.all().forEach(sample -> {
            TopicSpec<?> topic = ContractSchemas.topicOf(sample);
            switch (topic.keyRule()) {
                case LEAD -> assertThat(sample.kafkaKey()).isEqualTo("demo:1001");
                case TENANT -> assertThat(sample.kafkaKey()).isEqualTo("demo");
                case TENANT_SCOPED ->
                    assertThat(sample.kafkaKey()).startsWith("demo:").isNotEqualTo("demo:");
            }
        });
    }

    @Test
    void event_topics_must_have_exactly_one_writer() {
        assertThatThrownBy(() -> new TopicSpec<>(
                        "x.y-events.v1",
                        Envelope.class,
                        TopicSpec.Kind.EVENT,
                        TopicSpec.KeyRule.LEAD,
                        1,
                        List.of("a", "b"),
                        "two writers"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exactly one writer");
    }

    @Test
    void keys_reject_tenants_that_would_break_the_key_format() {
        assertThat(Keys.lead("demo", "42")).isEqualTo("demo:42");
        assertThat(Keys.tenantOf("demo:42")).isEqualTo("demo");
        assertThatThrownBy(() -> Keys.lead("de:mo", "42")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Keys.tenant("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_record_id_is_the_event_or_command_id_even_when_a_record_has_a_message_id_field_of_its_own() {
        ContractSamples.all().forEach(sample -> {
            String expected = sample instanceof DomainEvent e ? e.eventId() : ((Command) sample).commandId();
            assertThat(sample.recordId()).as(sample.getClass().getSimpleName()).isEqualTo(expected);
        });
        assertThat(ContractSamples.whatsAppStatusUpdated().recordId()).isEqualTo("wa-2");
    }
}
