package io.slotbridge.sync.domain;

import static io.slotbridge.sync.domain.Demo.AT_13;
import static io.slotbridge.sync.domain.Demo.AT_14;
import static io.slotbridge.sync.domain.Demo.NEXT_DAY_11;
import static org.assertj.core.api.Assertions.assertThat;

import io.slotbridge.contracts.ContractTypes;
import io.slotbridge.contracts.Envelope;
import io.slotbridge.contracts.crm.CrmKind;
import io.slotbridge.contracts.crm.LeadDeleted;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule of the issue, one row each: a settled world (given), one input (when), and the rules that fire with the
 * commands and meeting events they send (then). Command and event lists are compared without order.
 */
class DeciderRulesTest {

    record Row(
            String name,
            TenantPolicy policy,
            Consumer<World> given,
            Function<World, Envelope> when,
            List<String> rules,
            List<String> commands,
            List<String> events,
            Outcome outcome) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rules() {
        return Stream.of(
                // ---- CRM → calendar ------------------------------------------------------------------------------
                row("lead booked: slot created, meeting scheduled")
                        .when(w -> w.crm.personBooks(AT_13, Demo.PASHA, CrmModel.OLGA, w.now))
                        .then(List.of("crm.booked->create-slot"), List.of("slot.create"), List.of("meeting.scheduled")),
                row("booked more than 2 days after first contact: SLA breach noted")
                        .when(w -> w.crm.personBooks(
                                AT_13, Demo.PASHA, CrmModel.OLGA, Demo.FIRST_CONTACT.plusSeconds(3 * 86_400)))
                        .then(
                                List.of("crm.booked->create-slot", "crm.booked-late->sla-breached"),
                                List.of("slot.create", "crm.add-note"),
                                List.of("meeting.scheduled", "meeting.sla-breached")),
                row("stage 5 without an expert: nothing yet")
                        .when(w -> {
                            w.crm.fields.put(Demo.MEETING_TIME, MeetingTimes.format(AT_13, Demo.MOSCOW));
                            return w.crm.personMoves(Demo.SCHEDULED, w.now);
                        })
                        .then(List.of(), List.of(), List.of()),
                row("meeting time unreadable: flagged, nothing booked")
                        .when(w -> {
                            w.crm.fields.put(Demo.EXPERT, Demo.PASHA);
                            w.crm.fields.put(Demo.MEETING_TIME, "завтра в обед");
                            return w.crm.personMoves(Demo.SCHEDULED, w.now);
                        })
                        .then(List.of("crm.meeting-time-unreadable"), List.of(), List.of()),
                row("meeting time changed: old slot Grape, new slot, meeting rescheduled")
                        .given(World::bookedAt13)
                        .when(w -> w.crm.personSets(Demo.MEETING_TIME, MeetingTimes.format(AT_14, Demo.MOSCOW), w.now))
                        .then(
                                List.of("crm.time-changed->reschedule"),
                                List.of("slot.paint", "slot.create"),
                                List.of("meeting.rescheduled")),
                row("expert changed: guest and title updated")
                        .given(World::bookedAt13)
                        .when(w -> w.crm.personSets(Demo.EXPERT, Demo.MASHA, w.now))
                        .then(List.of("crm.expert-changed->update-slot"), List.of("slot.update-details"), List.of()),
                row("category changed: title updated")
                        .given(World::bookedAt13)
                        .when(w -> w.crm.personSets(Demo.CATEGORY, "B", w.now))
                        .then(List.of("crm.details-changed->update-slot"), List.of("slot.update-details"), List.of()),
                row("lead closed lost: slot Tomato, meeting cancelled")
                        .given(World::bookedAt13)
                        .when(w -> w.crm.personClosesLost("Дорого", w.now))
                        .then(List.of("crm.lost->paint-tomato"), List.of("slot.paint"), List.of("meeting.cancelled")),
                row("lead deleted: slot Tomato, meeting cancelled")
                        .given(World::bookedAt13)
                        .when(w -> new LeadDeleted(
                                "del-" + w.now, Demo.TENANT, w.crm.leadId, w.now, CrmKind.AMOCRM, "hint"))
                        .then(
                                List.of("crm.deleted->paint-tomato"),
                                List.of("slot.paint"),
                                List.of("meeting.cancelled")),
                row("lead moved to the held stage: slot Basil, meeting held")
                        .given(World::bookedAt13)
                        .when(w -> w.crm.personMoves(Demo.HELD, w.now))
                        .then(List.of("crm.held->paint-basil"), List.of("slot.paint"), List.of("meeting.held")),
                row("lead moved to no-contact: slot Graphite, client unreachable")
                        .given(World::bookedAt13)
                        .when(w -> w.crm.personMoves(Demo.NO_CONTACT, w.now))
                        .then(
                                List.of("crm.no-contact->paint-graphite"),
                                List.of("slot.paint"),
                                List.of("meeting.client-unreachable")),
                row("back to stage 5 at the same time after held: meeting on again")
                        .given(w -> w.bookedAt13()
                                .inCrm(c -> c.personMoves(Demo.HELD, w.now))
                                .settled())
                        .when(w -> w.crm.personMoves(Demo.SCHEDULED, w.now))
                        .then(
                                List.of("crm.reopened->revive-slot"),
                                List.of("slot.paint"),
                                List.of("meeting.scheduled")),
                row("re-booked after a no-show: new slot")
                        .given(w -> w.bookedAt13()
                                .inCrm(c -> c.personMoves(Demo.NO_CONTACT, w.now))
                                .settled())
                        .when(w -> w.crm.personBooks(NEXT_DAY_11, Demo.MASHA, CrmModel.OLGA, w.now))
                        .then(
                                List.of("crm.rebooked->create-slot"),
                                List.of("slot.create"),
                                List.of("meeting.scheduled")),
                row("new time after the slot was painted Grape: new slot, meeting rescheduled")
                        .given(w -> w.bookedAt13()
                                .inCalendar(c -> c.personPaints(w.slot(1), Demo.GRAPE))
                                .settled())
                        .when(w -> w.crm.personSets(
                                Demo.MEETING_TIME, MeetingTimes.format(NEXT_DAY_11, Demo.MOSCOW), w.now))
                        .then(
                                List.of("crm.new-time->create-slot"),
                                List.of("slot.create"),
                                List.of("meeting.rescheduled")),
                row("lead in another pipeline: ignored")
                        .when(w -> {
                            w.crm.pipeline = "Партнёры";
                            return w.crm.personBooks(AT_13, Demo.PASHA, CrmModel.OLGA, w.now);
                        })
                        .then(List.of("crm.other-pipeline"), List.of(), List.of(), Outcome.IGNORED),

                // ---- calendar → CRM ------------------------------------------------------------------------------
                row("Banana: client confirmed, noted")
                        .given(World::bookedAt13)
                        .when(w -> w.calendar.personPaints(w.slot(1), Demo.BANANA))
                        .then(
                                List.of("calendar.banana->note-confirmed"),
                                List.of("crm.add-note"),
                                List.of("meeting.confirmed")),
                row("Basil: lead to the held stage")
                        .given(World::bookedAt13)
                        .when(w -> w.calendar.personPaints(w.slot(1), Demo.BASIL))
                        .then(
                                List.of("calendar.basil->stage-held"),
                                List.of("crm.move-lead-to-stage"),
                                List.of("meeting.held")),
                row("Tomato: lead closed lost with the meeting-cancelled reason")
                        .given(World::bookedAt13)
                        .when(w -> w.calendar.personPaints(w.slot(1), Demo.TOMATO))
                        .then(
                                List.of("calendar.tomato->close-lost"),
                                List.of("crm.close-lead-lost"),
                                List.of("meeting.cancelled")),
                row("Tomato when the tenant says note-only: a note, the lead stays")
                        .policy(Demo.policy(TenantPolicy.GuestPolicy.CURATOR, TenantPolicy.TomatoPolicy.NOTE_ONLY))
                        .given(World::bookedAt13)
                        .when(w -> w.calendar.personPaints(w.slot(1), Demo.TOMATO))
                        .then(List.of("calendar.tomato->note"), List.of("crm.add-note"), List.of("meeting.cancelled")),
                row("Grape without a new time: noted, waiting")
                        .given(World::bookedAt13)
                        .when(w -> w.calendar.personPaints(w.slot(1), Demo.GRAPE))
                        .then(List.of("calendar.grape->note-await-new-time"), List.of("crm.add-note"), List.of()),
                row("Graphite: lead to no-contact, client unreachable (follow-up scenario B)")
                        .given(World::bookedAt13)
                        .when(w -> w.calendar.personPaints(w.slot(1), Demo.GRAPHITE))
                        .then(
                                List.of("calendar.graphite->stage-no-contact"),
                                List.of("crm.move-lead-to-stage"),
                                List.of("meeting.client-unreachable")),
                row("slot moved by a person: CRM meeting time and slot title follow")
                        .given(World::bookedAt13)
                        .when(w -> w.calendar.personMoves(w.slot(1), AT_14))
                        .then(
                                List.of("calendar.moved->set-meeting-time"),
                                List.of("slot.update-details", "crm.set-lead-fields"),
                                List.of()),
                row("slot deleted: restored Tomato, noted, lead closed lost")
                        .given(World::bookedAt13)
                        .when(w -> w.calendar.personDeletes(w.slot(1)))
                        .then(
                                List.of("calendar.deleted->close-lost", "calendar.deleted->restore-slot"),
                                List.of("slot.restore", "crm.add-note", "crm.close-lead-lost"),
                                List.of("meeting.cancelled", "meeting.slot-restored")),
                row("expert accepted the invitation: noted")
                        .given(World::bookedAt13)
                        .when(w -> w.calendar.personAnswers(w.slot(1), "pasha@demo.example", "accepted"))
                        .then(
                                List.of("calendar.guest-answered->note"),
                                List.of("crm.add-note"),
                                List.of("meeting.expert-responded")),
                row("Basil painted back to Banana: confirmed, lead back to stage 5")
                        .given(w -> w.bookedAt13()
                                .inCalendar(c -> c.personPaints(w.slot(1), Demo.BASIL))
                                .settled())
                        .when(w -> w.calendar.personPaints(w.slot(1), Demo.BANANA))
                        .then(
                                List.of("calendar.banana->note-confirmed", "calendar.reopened->stage-scheduled"),
                                List.of("crm.add-note", "crm.move-lead-to-stage"),
                                List.of("meeting.confirmed")),
                row("a colour with no meaning (Peacock): left alone")
                        .given(World::bookedAt13)
                        .when(w -> w.calendar.personPaints(w.slot(1), "7"))
                        .then(List.of("calendar.unmapped-colour"), List.of(), List.of()),
                row("an old (rescheduled) slot painted Banana: painted back")
                        .given(w -> w.bookedAt13()
                                .inCrm(c ->
                                        c.personSets(Demo.MEETING_TIME, MeetingTimes.format(AT_14, Demo.MOSCOW), w.now))
                                .settled())
                        .when(w -> w.calendar.personPaints(w.slot(1), Demo.BANANA))
                        .then(
                                List.of("calendar.old-slot-marked-upcoming->paint-back"),
                                List.of("slot.paint"),
                                List.of()),

                // ---- echoes, stale and repeated inputs -----------------------------------------------------------
                row("echo of our own slot write: nothing")
                        .given(w -> w.booked(AT_13, Demo.PASHA).deliverNext(World.Queue.LEAD_EVENTS))
                        .when(World::nextEchoOfCalendarCommand)
                        .then(List.of(), List.of(), List.of(), Outcome.ECHO_SUPPRESSED),
                row("echo of our own CRM write: nothing")
                        .given(w -> w.bookedAt13()
                                .inCalendar(c -> c.personPaints(w.slot(1), Demo.BASIL))
                                .deliverNext(World.Queue.SLOT_EVENTS))
                        .when(World::nextEchoOfCrmCommand)
                        .then(List.of(), List.of(), List.of(), Outcome.ECHO_SUPPRESSED),
                row("an older lead snapshot: ignored")
                        .given(w -> w.bookedAt13()
                                .inCrm(c -> c.personSets(Demo.GOAL, "Похудеть", w.now))
                                .settled())
                        .when(w -> w.firstLeadSnapshot())
                        .then(List.of(), List.of(), List.of(), Outcome.STALE_IGNORED),
                row("an older slot snapshot: ignored")
                        .given(w -> w.bookedAt13()
                                .inCalendar(c -> c.personPaints(w.slot(1), Demo.BANANA))
                                .settled())
                        .when(w -> w.firstSlotSnapshot())
                        .then(List.of(), List.of(), List.of(), Outcome.STALE_IGNORED),
                row("the same snapshot again: nothing")
                        .given(World::bookedAt13)
                        .when(w -> w.lastLeadSnapshot())
                        .then(List.of(), List.of(), List.of(), Outcome.NO_CHANGE),
                row("a slot sync did not create: ignored")
                        .given(World::bookedAt13)
                        .when(w -> w.foreignSlot())
                        .then(List.of("calendar.unknown-slot"), List.of(), List.of(), Outcome.IGNORED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void fires(Row row) {
        World world = new World("1001", row.policy());
        row.given().accept(world);

        Decision decision = world.decide(row.when().apply(world));

        assertThat(decision.rules()).as("rules").containsExactlyElementsOf(row.rules());
        assertThat(typeNames(decision)).as("commands").containsExactlyInAnyOrderElementsOf(row.commands());
        assertThat(decision.events().stream().map(ContractTypes::typeName))
                .as("events")
                .containsExactlyInAnyOrderElementsOf(row.events());
        assertThat(decision.outcome()).isEqualTo(row.outcome());
        world.drain();
        for (Envelope read : world.freshReads()) {
            assertThat(world.decideOnly(read).commandCount())
                    .as("silent once settled")
                    .isZero();
        }
    }

    private static List<String> typeNames(Decision decision) {
        List<String> names = new ArrayList<>();
        decision.calendarCommands().forEach(c -> names.add(ContractTypes.typeName(c)));
        decision.crmCommands().forEach(c -> names.add(ContractTypes.typeName(c)));
        return names;
    }

    // ---- a tiny builder for readable rows
    // ----------------------------------------------------------------------------

    static RowBuilder row(String name) {
        return new RowBuilder(name);
    }

    static final class RowBuilder {
        private final String name;
        private TenantPolicy policy = Demo.policy();
        private Consumer<World> given = w -> {};
        private Function<World, Envelope> when;

        RowBuilder(String name) {
            this.name = name;
        }

        RowBuilder policy(TenantPolicy tenantPolicy) {
            this.policy = tenantPolicy;
            return this;
        }

        RowBuilder given(Consumer<World> setup) {
            this.given = setup;
            return this;
        }

        RowBuilder when(Function<World, Envelope> input) {
            this.when = input;
            return this;
        }

        Row then(List<String> rules, List<String> commands, List<String> events) {
            return then(
                    rules,
                    commands,
                    events,
                    commands.isEmpty() && events.isEmpty() ? Outcome.NO_CHANGE : Outcome.APPLIED);
        }

        Row then(List<String> rules, List<String> commands, List<String> events, Outcome outcome) {
            return new Row(name, policy, given, when, rules, commands, events, outcome);
        }
    }
}
