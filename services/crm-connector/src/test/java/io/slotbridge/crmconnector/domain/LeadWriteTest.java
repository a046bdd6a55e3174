package io.slotbridge.crmconnector.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotbridge.contracts.crm.CloseLeadLost;
import io.slotbridge.contracts.crm.MoveLeadToStage;
import io.slotbridge.contracts.crm.SetLeadFields;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeadWriteTest {

    static final Instant T = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void changes_to_one_lead_merge_into_one_write_where_the_later_command_wins() {
        var close = new Plan.LeadChange(
                new CloseLeadLost("c1", "demo", "1", T, "followup", null, "Нет контакта", null),
                "7001",
                "143",
                "601",
                List.of(),
                Map.of());
        var move = new Plan.LeadChange(
                new MoveLeadToStage("c2", "demo", "1", T, "sync", null, "5. Встреча назначена", null),
                "7001",
                "70013",
                null,
                List.of(),
                Map.of());
        var field1 = new Plan.LeadChange(
                new SetLeadFields("c3", "demo", "1", T, "sync", null, Map.of("Категория", "A")),
                null,
                null,
                null,
                List.of(new FieldWrite.Options("9003", List.of("11"))),
                Map.of());
        var field2 = new Plan.LeadChange(
                new SetLeadFields("c4", "demo", "1", T, "sync", null, Map.of("Категория", "B")),
                null,
                null,
                null,
                List.of(new FieldWrite.Options("9003", List.of("12"))),
                Map.of());
        var other = new Plan.LeadChange(
                new SetLeadFields("c5", "demo", "2", T, "sync", null, Map.of("Категория", "C")),
                null,
                null,
                null,
                List.of(new FieldWrite.Options("9003", List.of("13"))),
                Map.of());

        List<LeadWrite> writes = LeadWrite.coalesce(List.of(close, field1, other, move, field2));

        assertThat(writes).hasSize(2);
        LeadWrite first = writes.get(0);
        assertThat(first.leadId()).isEqualTo("1");
        assertThat(first.stageId()).isEqualTo("70013");
        assertThat(first.lossReasonId()).isNull(); // moved out of "lost" again
        assertThat(first.fields()).containsEntry("9003", new FieldWrite.Options("9003", List.of("12")));
        assertThat(first.commandIds()).containsExactly("c1", "c3", "c2", "c4");
        assertThat(writes.get(1).commandIds()).containsExactly("c5");
    }
}
