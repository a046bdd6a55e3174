package io.slotbridge.sync.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotbridge.contracts.Envelope;
import io.slotbridge.contracts.calendar.SlotStatus;
import io.slotbridge.contracts.crm.AddNote;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * People change the CRM and the calendar while records travel in any order between sync and the connectors, which
 * execute sync's commands and publish echoes. Once everything is delivered, both sides tell the same story (the
 * rules' table) and re-reading either side makes sync send nothing.
 */
class ConvergencePropertyTest {

    private static final List<Instant> TIMES = List.of(Demo.AT_13, Demo.AT_14, Demo.NEXT_DAY_11);
    private static final List<String> EXPERTS = List.of(Demo.PASHA, Demo.MASHA);
    private static final List<String> STAGES = List.of(Demo.SCHEDULED, Demo.HELD, Demo.LOST, Demo.NO_CONTACT);
    private static final List<String> COLOURS =
            java.util.Arrays.asList(null, Demo.BANANA, Demo.BASIL, Demo.TOMATO, Demo.GRAPE, Demo.GRAPHITE);

    /** Something that happens in the world. */
    sealed interface Action {
        void happen(World world);
    }

    record CrmStage(String stage) implements Action {
        public void happen(World w) {
            w.inCrm(c -> c.personMoves(stage, w.now));
        }
    }

    record CrmTime(Instant time) implements Action {
        public void happen(World w) {
            w.inCrm(c -> c.personSets(Demo.MEETING_TIME, MeetingTimes.format(time, Demo.MOSCOW), w.now));
        }
    }

    record CrmExpert(String expert) implements Action {
        public void happen(World w) {
            w.inCrm(c -> c.personSets(Demo.EXPERT, expert, w.now));
        }
    }

    record CrmBooking(Instant time, String expert) implements Action {
        public void happen(World w) {
            w.booked(time, expert);
        }
    }

    record Paint(int slot, String colour) implements Action {
        public void happen(World w) {
            pick(w, slot).ifPresent(s -> w.inCalendar(c -> c.personPaints(s, colour)));
        }
    }

    record MoveSlot(int slot, Instant time) implements Action {
        public void happen(World w) {
            pick(w, slot).ifPresent(s -> w.inCalendar(c -> c.personMoves(s, time)));
        }
    }

    record DeleteSlot(int slot) implements Action {
        public void happen(World w) {
            pick(w, slot).ifPresent(s -> w.inCalendar(c -> c.personDeletes(s)));
        }
    }

    record Answer(String answer) implements Action {
        public void happen(World w) {
            pick(w, -1)
                    .filter(s -> !s.attendees.isEmpty())
                    .ifPresent(s -> w.inCalendar(
                            c -> c.personAnswers(s, s.attendees.get(0).email(), answer)));
        }
    }

    record Deliver(World.Queue queue) implements Action {
        public void happen(World w) {
            if (!w.isEmpty(queue)) {
                w.deliver(queue);
            }
        }
    }

    /** Kafka redelivers a record sync already decided (the service's inbox would drop it; the decider must too). */
    record Redeliver(int index) implements Action {
        public void happen(World w) {
            if (w.delivered.isEmpty()) {
                return;
            }
            Envelope again = w.delivered.get(Math.floorMod(index, w.delivered.size()));
            List<MeetingStatus> before = statuses(w.state);
            Decision decision = w.decide(again);
            assertThat(decision.events())
                    .as("facts announced again by a redelivery of %s", again)
                    .isEmpty();
            assertThat(decision.crmCommands()).noneMatch(AddNote.class::isInstance);
            assertThat(statuses(w.state)).isEqualTo(before);
        }
    }

    @Provide
    Arbitrary<List<Action>> histories() {
        Arbitrary<Instant> time = Arbitraries.of(TIMES);
        Arbitrary<String> expert = Arbitraries.of(EXPERTS);
        Arbitrary<Integer> slot = Arbitraries.integers().between(-1, 3);
        Arbitrary<Action> crm = Arbitraries.oneOf(
                Arbitraries.of(STAGES).map(CrmStage::new),
                time.map(CrmTime::new),
                expert.map(CrmExpert::new),
                Combinators.combine(time, expert).as(CrmBooking::new));
        Arbitrary<Action> calendar = Arbitraries.oneOf(
                Combinators.combine(slot, Arbitraries.of(COLOURS)).as(Paint::new),
                Combinators.combine(slot, time).as(MoveSlot::new),
                slot.map(DeleteSlot::new),
                Arbitraries.of("accepted", "declined").map(Answer::new));
        Arbitrary<Action> wires = Arbitraries.of(World.Queue.values()).map(Deliver::new);
        Arbitrary<Action> redeliveries = Arbitraries.integers().between(0, 200).map(Redeliver::new);
        return Arbitraries.frequencyOf(
                        Tuple.of(3, crm), Tuple.of(3, calendar), Tuple.of(10, wires), Tuple.of(1, redeliveries))
                .list()
                .ofMinSize(1)
                .ofMaxSize(60);
    }

    @Property(tries = 500)
    void both_sides_agree_at_rest_and_sync_is_silent(@ForAll("histories") List<Action> history) {
        World world = new World("4242").booked(Demo.AT_13, Demo.PASHA);
        history.forEach(action -> action.happen(world));
        world.drain();

        silentAtRest(world);
        calendarShowsEveryMeeting(world);
        sidesAgree(world);
    }

    private static void silentAtRest(World world) {
        for (Envelope read : world.freshReads()) {
            Decision decision = world.decideOnly(read);
            assertThat(decision.calendarCommands())
                    .as("calendar commands at rest after %s", read)
                    .isEmpty();
            assertThat(decision.crmCommands())
                    .as("CRM commands at rest after %s", read)
                    .isEmpty();
            assertThat(decision.events()).as("events at rest after %s", read).isEmpty();
        }
    }

    private static void calendarShowsEveryMeeting(World world) {
        MeetingState state = world.state;
        assertThat(state.pending()).as("commands still in flight at rest").isEmpty();
        for (Meeting meeting : state.meetings()) {
            CalendarModel.Slot slot = world.slot(meeting.number());
            assertThat(slot.status).as("slots are never deleted").isNotEqualTo(SlotStatus.CANCELLED);
            assertThat(slot.colorId)
                    .as("colour of meeting %s (%s)", meeting.number(), meeting.status())
                    .isEqualTo(world.policy.colour(meeting.status()));
            assertThat(meeting.observed().colorId()).isEqualTo(slot.colorId);
            assertThat(meeting.observed().start()).isEqualTo(slot.start);
        }
        Meeting latest = state.latest().orElse(null);
        assertThat(state.meetings())
                .as("only the latest meeting may still be on (older ones were rescheduled, held, cancelled…)")
                .filteredOn(m -> m != latest)
                .noneMatch(m -> m.status().live());
    }

    private static void sidesAgree(World world) {
        CrmModel crm = world.crm;
        assertThat(world.state.lead().stage()).as("sync knows the CRM stage").isEqualTo(crm.stage);
        Optional<Meeting> latest = world.state.latest();
        if (latest.isEmpty()) {
            return;
        }
        Meeting meeting = latest.get();
        assertThat(meeting.status().open())
                .as("meeting %s is %s while the lead is in '%s'", meeting.number(), meeting.status(), crm.stage)
                .isEqualTo(crm.stage.equals(Demo.SCHEDULED));
        if (meeting.status().live()) {
            CalendarModel.Slot slot = world.slot(meeting.number());
            assertThat(crm.meetingTime())
                    .as("CRM meeting time of the live meeting")
                    .isEqualTo(meeting.start());
            assertThat(slot.start).isEqualTo(meeting.start());
            assertThat(meeting.expert()).isEqualTo(crm.expert());
            assertThat(slot.summary)
                    .as("slot title")
                    .isEqualTo(Wording.title(world.policy, world.state.lead(), meeting.start(), crm.expert()));
        }
    }

    private static Optional<CalendarModel.Slot> pick(World world, int index) {
        List<CalendarModel.Slot> slots = world.calendar.slots.values().stream()
                .filter(s -> s.status != SlotStatus.CANCELLED)
                .toList();
        if (slots.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(index < 0 ? slots.get(slots.size() - 1) : slots.get(index % slots.size()));
    }

    private static List<MeetingStatus> statuses(MeetingState state) {
        return state.meetings().stream().map(Meeting::status).toList();
    }
}
