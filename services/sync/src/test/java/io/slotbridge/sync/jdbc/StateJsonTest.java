package io.slotbridge.sync.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotbridge.contracts.ContractSamples;
import io.slotbridge.contracts.calendar.SlotAttendee;
import io.slotbridge.contracts.crm.LeadSnapshotted;
import io.slotbridge.contracts.crm.StageSemantic;
import io.slotbridge.sync.domain.Decider;
import io.slotbridge.sync.domain.MeetingState;
import io.slotbridge.sync.domain.MeetingStatus;
import io.slotbridge.sync.domain.TenantPolicy;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateJsonTest {

    @Test
    void a_decided_state_survives_the_round_trip_through_its_stored_form() {
        LeadSnapshotted booked = ContractSamples.leadSnapshotted();
        MeetingState state = new Decider()
                .decide(MeetingState.empty("demo", booked.leadId()), booked, policy(), ContractSamples.T0)
                .state();

        String json = StateJson.write(state);
        MeetingState read = StateJson.read(json);

        assertThat(read).isEqualTo(state);
        assertThat(read.meetings()).hasSize(1);
        assertThat(read.pending()).hasSize(1);
        assertThat(json).contains("\"status\":\"SCHEDULED\"").doesNotContain("\"latest\"");
    }

    @Test
    void attendees_and_empty_lists_read_back() {
        MeetingState empty = MeetingState.empty("demo", "1");
        assertThat(StateJson.read(StateJson.write(empty))).isEqualTo(empty);
        assertThat(new SlotAttendee("a@b.c", "accepted")).isNotNull();
        assertThat(StageSemantic.OPEN).isNotNull();
    }

    private static TenantPolicy policy() {
        return new TenantPolicy(
                "demo",
                ZoneId.of("Europe/Moscow"),
                null,
                new TenantPolicy.Stages(
                        "5. Встреча назначена", "6. Встреча проведена", "Не дозвонились", "Отказ. Сделка закрыта"),
                new TenantPolicy.Fields(
                        "Дата и время встречи",
                        "Сотрудник, который будет проводить встречу",
                        "Категория",
                        "Цель клиента"),
                new TenantPolicy.LossReasons("Встреча отменена", null),
                List.of(new TenantPolicy.Person("Паша", "pasha@demo.example", "expert")),
                new TenantPolicy.CalendarSettings(
                        "kev-demo@group.calendar.google.com",
                        Map.of(
                                MeetingStatus.SCHEDULED,
                                "",
                                MeetingStatus.CONFIRMED,
                                "5",
                                MeetingStatus.HELD,
                                "10",
                                MeetingStatus.CANCELLED,
                                "11",
                                MeetingStatus.RESCHEDULED,
                                "3",
                                MeetingStatus.NO_CONTACT,
                                "8"),
                        15,
                        Duration.ofHours(1)),
                new TenantPolicy.Rules(
                        TenantPolicy.GuestPolicy.CURATOR, TenantPolicy.TomatoPolicy.CLOSE_LOST, Duration.ofDays(2)),
                null);
    }
}
