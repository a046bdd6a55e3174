package io.slotbridge.sync.domain;

import io.slotbridge.contracts.Envelope;
import io.slotbridge.contracts.calendar.CalendarCommand;
import io.slotbridge.contracts.calendar.SlotSnapshotted;
import io.slotbridge.contracts.crm.CrmCommand;
import io.slotbridge.contracts.crm.CrmUser;
import io.slotbridge.contracts.crm.LeadSnapshotted;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * One lead in a small world: the CRM, the calendar, the connectors between them and sync, connected by FIFO queues
 * like the Kafka topics (one queue per topic, per-lead order kept, no order across topics). Tests let people act,
 * deliver records in any order they like, and look at what sync decided.
 */
final class World {

    enum Queue {
        LEAD_EVENTS,
        SLOT_EVENTS,
        CRM_RESULTS,
        CALENDAR_RESULTS,
        CRM_COMMANDS,
        CALENDAR_COMMANDS
    }

    /** One input and what sync decided about it. */
    record Step(Envelope input, Decision decision) {}

    final TenantPolicy policy;
    final Decider decider = new Decider();
    final CrmModel crm;
    final CalendarModel calendar;
    MeetingState state;
    Instant now = Demo.FIRST_CONTACT;

    private final Deque<Envelope> leadEvents = new ArrayDeque<>();
    private final Deque<Envelope> slotEvents = new ArrayDeque<>();
    private final Deque<Envelope> crmResults = new ArrayDeque<>();
    private final Deque<Envelope> calendarResults = new ArrayDeque<>();
    private final Deque<CrmCommand> crmCommands = new ArrayDeque<>();
    private final Deque<CalendarCommand> calendarCommands = new ArrayDeque<>();
    final List<Step> steps = new ArrayList<>();
    final List<Envelope> delivered = new ArrayList<>();

    World(String leadId) {
        this(leadId, Demo.policy());
    }

    World(String leadId, TenantPolicy policy) {
        this.policy = policy;
        this.crm = new CrmModel(leadId);
        this.calendar = new CalendarModel(leadId);
        this.state = MeetingState.empty(Demo.TENANT, leadId);
    }

    // ---- people act ------------------------------------------------------------------------------------------------

    World inCrm(Function<CrmModel, LeadSnapshotted> change) {
        tick();
        leadEvents.add(change.apply(crm));
        return this;
    }

    World inCalendar(Function<CalendarModel, SlotSnapshotted> change) {
        tick();
        slotEvents.add(change.apply(calendar));
        return this;
    }

    /** The curator books the lead (stage 5, time, expert) in one save. */
    World booked(Instant meeting, String expert) {
        return inCrm(c -> c.personBooks(meeting, expert, CrmModel.OLGA, now));
    }

    World settled() {
        drain();
        return this;
    }

    /** The curator booked the lead for 13:00 with Паша, and everything settled. */
    World bookedAt13() {
        return booked(Demo.AT_13, Demo.PASHA).settled();
    }

    World deliverNext(Queue queue) {
        deliver(queue);
        return this;
    }

    /** The calendar-connector executes sync's next command; its echo snapshot is returned instead of queued. */
    SlotSnapshotted nextEchoOfCalendarCommand() {
        CalendarModel.Executed done = calendar.execute(calendarCommands.poll(), now);
        calendarResults.add(done.result());
        return done.snapshots().get(0);
    }

    /** The crm-connector executes sync's next CRM command; its echo snapshot is returned instead of queued. */
    LeadSnapshotted nextEchoOfCrmCommand() {
        CrmModel.Executed done = crm.execute(crmCommands.poll(), now);
        crmResults.add(done.result());
        return done.echo().orElseThrow();
    }

    LeadSnapshotted firstLeadSnapshot() {
        return deliveredOf(LeadSnapshotted.class).get(0);
    }

    LeadSnapshotted lastLeadSnapshot() {
        List<LeadSnapshotted> all = deliveredOf(LeadSnapshotted.class);
        return all.get(all.size() - 1);
    }

    SlotSnapshotted firstSlotSnapshot() {
        return deliveredOf(SlotSnapshotted.class).get(0);
    }

    /** A calendar event a person created by hand (no Slotbridge properties). */
    SlotSnapshotted foreignSlot() {
        SlotSnapshotted ours = firstSlotSnapshot();
        return new SlotSnapshotted(
                "foreign-" + now,
                Demo.TENANT,
                crm.leadId,
                now,
                Demo.CALENDAR,
                "handmade0123",
                null,
                io.slotbridge.contracts.calendar.SlotStatus.CONFIRMED,
                "Созвон",
                null,
                ours.start(),
                ours.end(),
                "Europe/Moscow",
                null,
                List.of(),
                null,
                now,
                "\"1\"",
                1,
                false,
                null,
                null,
                "push");
    }

    private <T> List<T> deliveredOf(Class<T> type) {
        return delivered.stream().filter(type::isInstance).map(type::cast).toList();
    }

    CalendarModel.Slot slot(int meetingNumber) {
        return calendar.slot(meetingNumber)
                .orElseThrow(() -> new AssertionError("no slot for meeting " + meetingNumber));
    }

    // ---- the wires -------------------------------------------------------------------------------------------------

    boolean isEmpty(Queue queue) {
        return deque(queue).isEmpty();
    }

    boolean atRest() {
        for (Queue queue : Queue.values()) {
            if (!isEmpty(queue)) {
                return false;
            }
        }
        return true;
    }

    /** Moves the head of one queue one hop: an input to sync, or a command to its connector. */
    void deliver(Queue queue) {
        tick();
        switch (queue) {
            case CRM_COMMANDS -> {
                CrmModel.Executed done = crm.execute(crmCommands.poll(), now);
                crmResults.add(done.result());
                done.echo().ifPresent(leadEvents::add);
            }
            case CALENDAR_COMMANDS -> {
                CalendarModel.Executed done = calendar.execute(calendarCommands.poll(), now);
                calendarResults.add(done.result());
                slotEvents.addAll(done.snapshots());
            }
            default -> decide((Envelope) deque(queue).poll());
        }
    }

    /** Delivers everything, round robin, until nothing moves. */
    void drain() {
        int hops = 0;
        while (!atRest()) {
            for (Queue queue : Queue.values()) {
                if (!isEmpty(queue)) {
                    deliver(queue);
                    if (++hops > 5_000) {
                        throw new AssertionError("the world does not settle; last steps: "
                                + steps.subList(Math.max(0, steps.size() - 8), steps.size()));
                    }
                }
            }
        }
    }

    /** Sync decides one input; its commands join their topics. */
    Decision decide(Envelope input) {
        Decision decision = decider.decide(state, input, policy, now);
        state = decision.state();
        steps.add(new Step(input, decision));
        delivered.add(input);
        crmCommands.addAll(decision.crmCommands());
        calendarCommands.addAll(decision.calendarCommands());
        return decision;
    }

    /** Sync decides an input without the world reacting to the commands (they are dropped). */
    Decision decideOnly(Envelope input) {
        Decision decision = decider.decide(state, input, policy, now);
        state = decision.state();
        steps.add(new Step(input, decision));
        return decision;
    }

    /** Snapshots the connectors would publish if they re-read everything now (no echo marks). */
    List<Envelope> freshReads() {
        List<Envelope> reads = new ArrayList<>();
        reads.add(crm.snapshot(List.of(), now));
        calendar.slots.values().forEach(slot -> reads.add(calendar.snapshot(slot, false)));
        return reads;
    }

    Step lastStep() {
        return steps.get(steps.size() - 1);
    }

    private Deque<?> deque(Queue queue) {
        return switch (queue) {
            case LEAD_EVENTS -> leadEvents;
            case SLOT_EVENTS -> slotEvents;
            case CRM_RESULTS -> crmResults;
            case CALENDAR_RESULTS -> calendarResults;
            case CRM_COMMANDS -> crmCommands;
            case CALENDAR_COMMANDS -> calendarCommands;
        };
    }

    private void tick() {
        now = now.plus(Duration.ofMinutes(1));
    }

    static CrmUser olga() {
        return CrmModel.OLGA;
    }

    static CrmUser pasha() {
        return CrmModel.PASHA;
    }
}
