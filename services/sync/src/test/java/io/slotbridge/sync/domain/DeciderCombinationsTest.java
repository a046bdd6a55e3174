package io.slotbridge.sync.domain;

import static io.slotbridge.sync.domain.Demo.AT_13;
import static io.slotbridge.sync.domain.Demo.AT_14;
import static org.assertj.core.api.Assertions.assertThat;

import io.slotbridge.contracts.ContractTypes;
import io.slotbridge.contracts.Envelope;
import io.slotbridge.contracts.RejectionCode;
import io.slotbridge.contracts.calendar.CreateSlot;
import io.slotbridge.contracts.calendar.PaintSlot;
import io.slotbridge.contracts.calendar.SlotIds;
import io.slotbridge.contracts.calendar.UpdateSlotDetails;
import io.slotbridge.contracts.crm.AddNote;
import io.slotbridge.contracts.crm.CloseLeadLost;
import io.slotbridge.contracts.crm.CrmCommandRejected;
import io.slotbridge.contracts.crm.MoveLeadToStage;
import io.slotbridge.contracts.crm.SetLeadFields;
import io.slotbridge.contracts.meeting.MeetingEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the commands say, and the sequences the issue names: reschedule then cancel, flip-flops, races, replays. */
class DeciderCombinationsTest {

    @Test
    void the_slot_of_a_curator_booking_follows_op14() {
        World world = new World("1001");

        Decision decision = world.decide(world.crm.personBooks(AT_13, Demo.PASHA, CrmModel.OLGA, world.now));

        CreateSlot create = (CreateSlot) decision.calendarCommands().get(0);
        assertThat(create.title()).isEqualTo("Встреча с Семён (категория A), 13:00 мск, (Паша)");
        assertThat(create.guestEmail())
                .as("a curator booked: the expert is invited")
                .isEqualTo("pasha@demo.example");
        assertThat(create.description())
                .isEqualTo(
                        "Карточка: https://demo.amocrm.ru/leads/detail/1001\nЦель: Выйти на соревнования через полгода");
        assertThat(create.reminderMinutes()).isEqualTo(15);
        assertThat(create.colorId()).as("calendar default colour").isNull();
        assertThat(create.start()).isEqualTo(AT_13);
        assertThat(create.end()).isEqualTo(AT_13.plusSeconds(3600));
        assertThat(create.timeZone()).isEqualTo("Europe/Moscow");
        assertThat(create.calendarId()).isEqualTo(Demo.CALENDAR);
        assertThat(create.slotId()).isEqualTo(SlotIds.of("demo", "1001", 1));
        assertThat(create.meetingNumber()).isEqualTo(1);
    }

    @Test
    void an_expert_booking_their_own_meeting_is_not_invited() {
        World world = new World("1001");

        Decision decision = world.decide(world.crm.personBooks(AT_13, Demo.PASHA, CrmModel.PASHA, world.now));

        assertThat(((CreateSlot) decision.calendarCommands().get(0)).guestEmail())
                .isNull();
    }

    @Test
    void with_invite_always_even_the_experts_own_booking_invites_them() {
        World world =
                new World("1001", Demo.policy(TenantPolicy.GuestPolicy.ALWAYS, TenantPolicy.TomatoPolicy.CLOSE_LOST));

        Decision decision = world.decide(world.crm.personBooks(AT_13, Demo.PASHA, CrmModel.PASHA, world.now));

        assertThat(((CreateSlot) decision.calendarCommands().get(0)).guestEmail())
                .isEqualTo("pasha@demo.example");
    }

    @Test
    void a_new_expert_replaces_the_guest_and_the_title() {
        World world = new World("1001").bookedAt13();

        Decision decision = world.decide(world.crm.personSets(Demo.EXPERT, Demo.MASHA, world.now));

        UpdateSlotDetails update =
                (UpdateSlotDetails) decision.calendarCommands().get(0);
        assertThat(update.title()).isEqualTo("Встреча с Семён (категория A), 13:00 мск, (Маша)");
        assertThat(update.guestEmail()).isEqualTo("masha@demo.example");
        assertThat(update.removeGuest()).isFalse();
        assertThat(update.expectedEtag())
                .as("based on the version we saw")
                .isEqualTo(world.slot(1).etag());
    }

    @Test
    void a_reschedule_paints_the_old_slot_grape_with_the_reason_and_books_meeting_two() {
        World world = new World("1001").bookedAt13();

        Decision decision = world.decide(
                world.crm.personSets(Demo.MEETING_TIME, MeetingTimes.format(AT_14, Demo.MOSCOW), world.now));

        PaintSlot grape = (PaintSlot) decision.calendarCommands().get(0);
        assertThat(grape.slotId()).isEqualTo(SlotIds.of("demo", "1001", 1));
        assertThat(grape.colorId()).isEqualTo(Demo.GRAPE);
        assertThat(grape.reasonLine()).isEqualTo("Перенесена на 24.11.2026 14:00 мск (новое время указано в CRM)");
        CreateSlot next = (CreateSlot) decision.calendarCommands().get(1);
        assertThat(next.slotId()).isEqualTo(SlotIds.of("demo", "1001", 2));
        assertThat(next.title()).contains("14:00 мск");
        assertThat(decision.events()).singleElement().satisfies(e -> {
            var rescheduled = (io.slotbridge.contracts.meeting.MeetingRescheduled) e;
            assertThat(rescheduled.previousSlotId()).isEqualTo(grape.slotId());
            assertThat(rescheduled.previousStart()).isEqualTo(AT_13);
            assertThat(rescheduled.start()).isEqualTo(AT_14);
            assertThat(rescheduled.meetingNumber()).isEqualTo(2);
        });
    }

    @Test
    void reschedule_then_cancel_leaves_grape_then_tomato_and_a_lost_lead() {
        World world = new World("1001").bookedAt13();
        world.inCrm(c -> c.personSets(Demo.MEETING_TIME, MeetingTimes.format(AT_14, Demo.MOSCOW), world.now))
                .settled();

        Decision cancel = world.decide(world.crm.personClosesLost("Дорого", world.now));
        world.drain();

        PaintSlot tomato = (PaintSlot) cancel.calendarCommands().get(0);
        assertThat(tomato.slotId())
                .as("the live (second) meeting is cancelled")
                .isEqualTo(SlotIds.of("demo", "1001", 2));
        assertThat(tomato.reasonLine()).isEqualTo("Отменена: Дорого");
        assertThat(world.slot(1).colorId).isEqualTo(Demo.GRAPE);
        assertThat(world.slot(2).colorId).isEqualTo(Demo.TOMATO);
        assertThat(eventTypes(world)).containsExactly("meeting.scheduled", "meeting.rescheduled", "meeting.cancelled");
    }

    @Test
    void tomato_closes_the_lead_with_the_tenants_loss_reason_in_its_pipeline() {
        World world = new World("1001").bookedAt13();

        Decision decision = world.decide(world.calendar.personPaints(world.slot(1), Demo.TOMATO));

        CloseLeadLost close = (CloseLeadLost) decision.crmCommands().get(0);
        assertThat(close.lossReason()).isEqualTo("Встреча отменена");
        assertThat(close.pipeline()).isEqualTo("Воронка");
    }

    @Test
    void a_moved_slot_sets_the_crm_field_in_the_tenants_offset() {
        World world = new World("1001").bookedAt13();

        Decision decision = world.decide(world.calendar.personMoves(world.slot(1), AT_14));

        SetLeadFields set = (SetLeadFields) decision.crmCommands().get(0);
        assertThat(set.fields()).containsEntry(Demo.MEETING_TIME, "2026-11-24T14:00:00+03:00");
        world.drain();
        assertThat(world.slot(1).summary).contains("14:00 мск");
        assertThat(world.crm.meetingTime()).isEqualTo(AT_14);
        assertThat(world.state.meetings())
                .as("a move is the same meeting, not a reschedule")
                .hasSize(1);
    }

    @Test
    void colour_flip_flops_settle_on_the_last_colour_and_each_fact_is_noted_once() {
        World world = new World("1001").bookedAt13();
        CalendarModel.Slot slot = world.slot(1);

        world.inCalendar(c -> c.personPaints(slot, Demo.BANANA))
                .inCalendar(c -> c.personPaints(slot, Demo.BASIL))
                .inCalendar(c -> c.personPaints(slot, Demo.BANANA))
                .inCalendar(c -> c.personPaints(slot, Demo.TOMATO))
                .inCalendar(c -> c.personPaints(slot, null))
                .settled();

        assertThat(slot.colorId).isNull();
        assertThat(world.state.latest().orElseThrow().status()).isEqualTo(MeetingStatus.SCHEDULED);
        assertThat(world.crm.stage).as("the meeting is on again").isEqualTo(Demo.SCHEDULED);
        assertThat(world.crm.notes)
                .containsExactly(
                        "Клиент подтвердил встречу 24.11.2026 13:00 мск (слот в календаре окрашен в жёлтый).",
                        "Клиент подтвердил встречу 24.11.2026 13:00 мск (слот в календаре окрашен в жёлтый).");
        assertThat(eventTypes(world))
                .containsExactly(
                        "meeting.scheduled",
                        "meeting.confirmed",
                        "meeting.held",
                        "meeting.confirmed",
                        "meeting.cancelled");
    }

    @Test
    void snapshots_out_of_order_do_not_undo_newer_knowledge() {
        World world = new World("1001");
        var booked = world.crm.personBooks(AT_13, Demo.PASHA, CrmModel.OLGA, world.now);
        var moved = world.crm.personSets(Demo.MEETING_TIME, MeetingTimes.format(AT_14, Demo.MOSCOW), world.now);

        world.decide(moved);
        Decision late = world.decide(booked);

        assertThat(late.outcome()).isEqualTo(Outcome.STALE_IGNORED);
        assertThat(late.commandCount()).isZero();
        assertThat(world.state.meetings()).singleElement().satisfies(m -> assertThat(m.start())
                .isEqualTo(AT_14));
    }

    @Test
    void every_input_decided_twice_sends_nothing_new() {
        World world = new World("1001").bookedAt13();
        world.inCalendar(c -> c.personPaints(world.slot(1), Demo.BANANA))
                .inCrm(c -> c.personSets(Demo.EXPERT, Demo.MASHA, world.now))
                .settled();

        for (Envelope input : List.copyOf(world.delivered)) {
            Decision again = world.decideOnly(input);
            assertThat(again.commandCount())
                    .as("commands on replaying %s", input.recordId())
                    .isZero();
            assertThat(again.events()).isEmpty();
        }
    }

    @Test
    void deciding_the_same_input_on_the_same_state_gives_the_same_ids() {
        World world = new World("1001").bookedAt13();
        MeetingState before = world.state;
        var basil = world.calendar.personPaints(world.slot(1), Demo.BASIL);

        Decision first = world.decider.decide(before, basil, world.policy, world.now);
        Decision second = world.decider.decide(before, basil, world.policy, world.now.plusSeconds(60));

        assertThat(second.crmCommands().get(0).commandId())
                .isEqualTo(first.crmCommands().get(0).commandId());
        assertThat(second.events().get(0).eventId())
                .isEqualTo(first.events().get(0).eventId());
    }

    @Test
    void a_412_conflict_waits_for_the_fresh_snapshot_then_paints_on_its_etag() {
        World world = new World("1001").bookedAt13();
        Decision held = world.decide(world.crm.personMoves(Demo.HELD, world.now));
        PaintSlot basil = (PaintSlot) held.calendarCommands().get(0);
        // an expert edits the title meanwhile: our If-Match no longer matches
        var edited = world.calendar.personRetitles(world.slot(1), "Встреча с Семёном, зал 2");
        CalendarModel.Executed refused = world.calendar.execute(basil, world.now);

        Decision onConflict = world.decide(refused.result());
        assertThat(onConflict.rules()).containsExactly("calendar.conflict->await-snapshot");
        assertThat(onConflict.commandCount())
                .as("no second write on an etag we know is stale")
                .isZero();

        Decision onFresh = world.decide(edited);
        PaintSlot again = (PaintSlot) onFresh.calendarCommands().get(0);
        assertThat(again.colorId()).isEqualTo(Demo.BASIL);
        assertThat(again.expectedEtag()).isEqualTo(world.slot(1).etag());
        assertThat(again.commandId()).isNotEqualTo(basil.commandId());
        assertThat(onFresh.crmCommands()).as("a title edit is not a rule").isEmpty();
    }

    @Test
    void a_conflict_reported_after_the_fresh_snapshot_re_decides_at_once() {
        World world = new World("1001").bookedAt13();
        PaintSlot basil = (PaintSlot) world.decide(world.crm.personMoves(Demo.HELD, world.now))
                .calendarCommands()
                .get(0);
        var edited = world.calendar.personRetitles(world.slot(1), "Встреча с Семёном, зал 2");
        CalendarModel.Executed refused = world.calendar.execute(basil, world.now);

        assertThat(world.decide(edited).commandCount())
                .as("our paint is still in flight")
                .isZero();
        Decision onConflict = world.decide(refused.result());

        assertThat(onConflict.rules()).startsWith("calendar.conflict->re-decide");
        assertThat(onConflict.calendarCommands()).singleElement().isInstanceOf(PaintSlot.class);
    }

    @Test
    void a_late_write_of_ours_that_lands_after_a_persons_change_is_corrected() {
        World world = new World("1001").bookedAt13();
        world.decide(world.calendar.personPaints(world.slot(1), Demo.BASIL)); // → MoveLeadToStage(held) in flight
        var personLost = world.crm.personClosesLost("Передумал", world.now); // a manager closes the lead meanwhile
        world.decide(personLost);

        var ourLateMove = world.nextEchoOfCrmCommand(); // our move lands after the manager's change
        Decision correction = world.decide(ourLateMove);

        assertThat(correction.rules()).containsExactly("converge->crm.close-lead-lost");
        assertThat(((CloseLeadLost) correction.crmCommands().get(0)).lossReason())
                .isEqualTo("Передумал");
        world.drain();
        assertThat(world.crm.stage).isEqualTo(Demo.LOST);
        assertThat(world.slot(1).colorId)
                .as("the meeting was held before the deal was lost")
                .isEqualTo(Demo.BASIL);
    }

    @Test
    void a_refused_crm_write_is_not_repeated_until_the_crm_shows_something_new() {
        World world = new World("1001").bookedAt13();
        Decision basil = world.decide(world.calendar.personPaints(world.slot(1), Demo.BASIL));
        MoveLeadToStage move = (MoveLeadToStage) basil.crmCommands().get(0);
        var refused = new CrmCommandRejected(
                "rej-1",
                "demo",
                "1001",
                world.now,
                move.commandId(),
                "crm.move-lead-to-stage",
                RejectionCode.NOT_FOUND,
                "stage '6. Встреча проведена' does not exist in pipeline 'Воронка'",
                false,
                400);

        Decision onRefusal = world.decide(refused);
        Decision unrelated =
                world.decide(world.calendar.personAnswers(world.slot(1), "pasha@demo.example", "accepted"));
        Decision newerLead = world.decide(world.crm.personSets(Demo.GOAL, "Марафон", world.now));

        assertThat(onRefusal.rules()).containsExactly("crm.command-refused");
        assertThat(onRefusal.commandCount()).isZero();
        assertThat(world.state.failures()).isEmpty(); // forgotten again by the newer CRM snapshot
        assertThat(unrelated.crmCommands()).noneMatch(MoveLeadToStage.class::isInstance);
        assertThat(newerLead.crmCommands()).singleElement().isInstanceOf(MoveLeadToStage.class);
    }

    @Test
    void a_deleted_slot_is_restored_tomato_and_the_note_explains_why() {
        World world = new World("1001").bookedAt13();

        world.inCalendar(c -> c.personDeletes(world.slot(1))).settled();

        assertThat(world.slot(1).status).isEqualTo(io.slotbridge.contracts.calendar.SlotStatus.CONFIRMED);
        assertThat(world.slot(1).colorId).isEqualTo(Demo.TOMATO);
        assertThat(world.slot(1).description)
                .endsWith(
                        "Слот удалили в календаре; Slotbridge восстановил его: встречи не удаляем, они нужны для статистики");
        assertThat(world.crm.notes).singleElement().asString().startsWith("Слот встречи 24.11.2026 13:00 мск удалили");
        assertThat(world.crm.stage).isEqualTo(Demo.LOST);
    }

    @Test
    void after_the_lead_is_deleted_nothing_is_written_to_the_crm() {
        World world = new World("1001").bookedAt13();
        world.decide(new io.slotbridge.contracts.crm.LeadDeleted(
                "del-1", "demo", "1001", world.now, io.slotbridge.contracts.crm.CrmKind.AMOCRM, "hint"));
        world.drain();

        Decision answer = world.decide(world.calendar.personAnswers(world.slot(1), "pasha@demo.example", "declined"));

        assertThat(world.slot(1).colorId).isEqualTo(Demo.TOMATO);
        assertThat(world.slot(1).description).endsWith("Отменена: сделка удалена в CRM");
        assertThat(answer.crmCommands()).isEmpty();
        assertThat(answer.events()).hasSize(1);
    }

    @Test
    void a_graphite_slot_sends_client_unreachable_with_the_meeting_time() {
        World world = new World("1001").bookedAt13();

        Decision decision = world.decide(world.calendar.personPaints(world.slot(1), Demo.GRAPHITE));

        var unreachable = (io.slotbridge.contracts.meeting.ClientUnreachable)
                decision.events().get(0);
        assertThat(unreachable.meetingStart()).isEqualTo(AT_13);
        assertThat(((MoveLeadToStage) decision.crmCommands().get(0)).stage()).isEqualTo(Demo.NO_CONTACT);
    }

    @Test
    void an_sla_breach_is_noted_with_how_late_it_was() {
        World world = new World("1001");

        Decision decision = world.decide(world.crm.personBooks(
                AT_13, Demo.PASHA, CrmModel.OLGA, Demo.FIRST_CONTACT.plusSeconds(3 * 86_400 + 5 * 3600)));

        assertThat(decision.crmCommands())
                .filteredOn(AddNote.class::isInstance)
                .singleElement()
                .extracting(c -> ((AddNote) c).text())
                .isEqualTo("Встреча назначена через 3 дн. 5 ч после первого контакта — позже нормы 2 дн. (ОП-14).");
    }

    private static List<String> eventTypes(World world) {
        return world.steps.stream()
                .flatMap(s -> s.decision().events().stream())
                .map(MeetingEvent.class::cast)
                .map(ContractTypes::typeName)
                .toList();
    }
}
