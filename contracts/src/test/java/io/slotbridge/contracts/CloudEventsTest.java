package io.slotbridge.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CloudEventsTest {

    @Test
    void headers_carry_id_logical_type_source_time_and_subject() {
        Map<String, String> headers = CloudEvents.headers(ContractSamples.paintSlot(), Topics.SYNC);

        assertThat(headers)
                .containsEntry(CloudEvents.SPEC_VERSION, "1.0")
                .containsEntry(CloudEvents.ID, "cmd-paint-1")
                .containsEntry(CloudEvents.TYPE, "slot.paint")
                .containsEntry(CloudEvents.SOURCE, "/slotbridge/sync")
                .containsEntry(CloudEvents.TIME, "2026-11-23T09:15:00Z")
                .containsEntry(CloudEvents.SUBJECT, "demo:1001")
                .containsEntry(CloudEvents.TENANT, "demo");
    }

    @Test
    void the_type_is_never_a_java_class_name() {
        ContractSamples.all()
                .forEach(sample -> assertThat(CloudEvents.headers(sample, "x").get(CloudEvents.TYPE))
                        .doesNotContain("io.slotbridge")
                        .doesNotContain(sample.getClass().getSimpleName()));
    }

    @Test
    void a_class_without_a_logical_type_is_refused_every_time_it_is_asked() {
        // the type names are cached per class: a refusal must not be cached as a name
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> ContractTypes.typeName(String.class))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("java.lang.String has no @JsonTypeName");
        }
    }
}
