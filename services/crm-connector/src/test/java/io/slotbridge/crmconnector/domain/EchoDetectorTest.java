package io.slotbridge.crmconnector.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotbridge.contracts.ContractSamples;
import io.slotbridge.contracts.crm.LeadSnapshotted;
import io.slotbridge.contracts.crm.StageSemantic;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EchoDetectorTest {

    final LeadSnapshotted before = ContractSamples.leadSnapshotted();

    @Test
    void a_snapshot_showing_only_our_write_is_an_echo_of_it() {
        LeadSnapshotted after = with(before, "6. Встреча проведена", Map.of());

        EchoDetector.Verdict verdict =
                EchoDetector.judge(before, after, List.of(write("cmd-1", "stage", "6. Встреча проведена")));

        assertThat(verdict.echoOf()).containsExactly("cmd-1");
        assertThat(verdict.settled()).containsExactly("cmd-1");
    }

    @Test
    void a_change_nobody_of_ours_wrote_makes_it_no_echo_but_our_shown_write_is_settled() {
        LeadSnapshotted after = with(before, "6. Встреча проведена", Map.of("Категория", "B"));

        EchoDetector.Verdict verdict =
                EchoDetector.judge(before, after, List.of(write("cmd-1", "stage", "6. Встреча проведена")));

        assertThat(verdict.isEcho()).isFalse();
        assertThat(verdict.settled()).containsExactly("cmd-1");
    }

    @Test
    void a_write_overridden_by_a_later_one_of_ours_is_settled_with_it() {
        LeadSnapshotted after = with(before, "Не дозвонились", Map.of());

        EchoDetector.Verdict verdict = EchoDetector.judge(
                before,
                after,
                List.of(write("cmd-1", "stage", "6. Встреча проведена"), write("cmd-2", "stage", "Не дозвонились")));

        assertThat(verdict.echoOf()).containsExactly("cmd-2");
        assertThat(verdict.settled()).containsExactly("cmd-1", "cmd-2");
    }

    @Test
    void a_write_the_snapshot_does_not_show_yet_stays_pending() {
        LeadSnapshotted after = with(before, before.stage(), Map.of("Категория", "B"));

        EchoDetector.Verdict verdict =
                EchoDetector.judge(before, after, List.of(write("cmd-1", "stage", "6. Встреча проведена")));

        assertThat(verdict.isEcho()).isFalse();
        assertThat(verdict.settled()).isEmpty();
    }

    @Test
    void without_a_previous_snapshot_nothing_is_called_an_echo() {
        EchoDetector.Verdict verdict =
                EchoDetector.judge(null, before, List.of(write("cmd-1", "stage", before.stage())));

        assertThat(verdict.isEcho()).isFalse();
    }

    private static EchoDetector.OurWrite write(String id, String key, String value) {
        Map<String, String> expected = new HashMap<>();
        expected.put(key, value);
        return new EchoDetector.OurWrite(id, expected);
    }

    private static LeadSnapshotted with(LeadSnapshotted s, String stage, Map<String, String> fieldChanges) {
        Map<String, String> fields = new LinkedHashMap<>(s.fields());
        fields.putAll(fieldChanges);
        return new LeadSnapshotted(
                "e2",
                s.tenant(),
                s.leadId(),
                s.occurredAt(),
                s.crm(),
                s.version() + 5,
                s.name(),
                s.pipeline(),
                stage,
                StageSemantic.OPEN,
                null,
                s.responsible(),
                s.modifiedBy(),
                s.createdAt(),
                s.updatedAt(),
                fields,
                s.contact(),
                s.cardUrl(),
                List.of(),
                null);
    }
}
