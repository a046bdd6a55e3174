package io.slotbridge.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotbridge.contracts.calendar.SlotIds;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void slot_ids_are_stable_valid_google_ids_and_differ_per_meeting() {
        String first = SlotIds.of("demo", "1001", 1);

        assertThat(first).isEqualTo(SlotIds.of("demo", "1001", 1)).hasSize(34).startsWith("sb");
        assertThat(SlotIds.isValidGoogleEventId(first)).isTrue();
        assertThat(SlotIds.of("demo", "1001", 2)).isNotEqualTo(first);
        assertThat(SlotIds.of("demo-b24", "1001", 1)).isNotEqualTo(first);
        assertThat(SlotIds.isValidGoogleEventId("has-dash")).isFalse();
        assertThat(SlotIds.isValidGoogleEventId("wxyz0")).isFalse();
    }

    @Test
    void deterministic_ids_depend_only_on_their_parts() {
        assertThat(MessageIds.deterministic("demo", "1001", "create-slot", "snap-1"))
                .isEqualTo(MessageIds.deterministic("demo", "1001", "create-slot", "snap-1"))
                .isNotEqualTo(MessageIds.deterministic("demo", "1001", "create-slot", "snap-2"));
        assertThat(MessageIds.random()).isNotEqualTo(MessageIds.random());
    }
}
