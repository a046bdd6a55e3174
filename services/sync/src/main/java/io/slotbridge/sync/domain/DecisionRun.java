package io.slotbridge.sync.domain;

import io.slotbridge.contracts.ContractTypes;
import io.slotbridge.contracts.Envelope;
import io.slotbridge.contracts.MessageIds;
import io.slotbridge.contracts.calendar.CalendarCommand;
import io.slotbridge.contracts.crm.AddNote;
import io.slotbridge.contracts.crm.CrmCommand;
import io.slotbridge.contracts.meeting.MeetingEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The working copy of one decision: the state as it evolves while rules fire, and everything emitted so far. Ids
 * are derived from the input id, so deciding the same input on the same state twice emits the same ids.
 */
final class DecisionRun {

    static final String ISSUER = "sync";

    final TenantPolicy policy;
    final Instant now;
    final Envelope input;
    MeetingState state;

    private final List<CalendarCommand> calendarCommands = new ArrayList<>();
    private final List<CrmCommand> crmCommands = new ArrayList<>();
    private final List<MeetingEvent> events = new ArrayList<>();
    private final Set<String> rules = new LinkedHashSet<>();
    private final Set<String> steered = new HashSet<>();
    private final Set<Integer> slotsWritten = new HashSet<>();
    private boolean sawEcho;
    private Outcome verdict;

    DecisionRun(MeetingState state, Envelope input, TenantPolicy policy, Instant now) {
        this.state = Objects.requireNonNull(state, "state");
        this.input = Objects.requireNonNull(input, "input");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.now = Objects.requireNonNull(now, "now");
        if (!state.tenant().equals(input.tenant()) || !state.tenant().equals(policy.tenant())) {
            throw new IllegalArgumentException("input of tenant '" + input.tenant() + "' decided on state of tenant '"
                    + state.tenant() + "' with the policy of '" + policy.tenant() + "'");
        }
    }

    String tenant() {
        return state.tenant();
    }

    String leadId() {
        return state.leadId();
    }

    String inputId() {
        return input.recordId();
    }

    // ---- outcome -------------------------------------------------------------------------------------------------

    /** The input is older than what we know: nothing else happens. */
    void stale() {
        verdict = Outcome.STALE_IGNORED;
    }

    /** The input is not ours to decide: nothing else happens. */
    void ignored(String why) {
        rules.add(why);
        verdict = Outcome.IGNORED;
    }

    boolean settled() {
        return verdict != null;
    }

    void sawEcho() {
        sawEcho = true;
    }

    void rule(String name) {
        rules.add(name);
    }

    Decision finish() {
        Outcome outcome = verdict;
        if (outcome == null) {
            if (!calendarCommands.isEmpty() || !crmCommands.isEmpty() || !events.isEmpty()) {
                outcome = Outcome.APPLIED;
            } else if (sawEcho && rules.isEmpty()) {
                outcome = Outcome.ECHO_SUPPRESSED;
            } else {
                outcome = Outcome.NO_CHANGE;
            }
        }
        return new Decision(state, calendarCommands, crmCommands, events, new ArrayList<>(rules), outcome);
    }

    // ---- meetings and targets ------------------------------------------------------------------------------------

    Optional<Meeting> latest() {
        return state.latest();
    }

    boolean isLatest(Meeting meeting) {
        return latest().map(m -> m.number() == meeting.number()).orElse(false);
    }

    void put(Meeting meeting) {
        state = state.withMeeting(meeting);
    }

    /** Remembers that a rule of this decision chose the value of an aspect (commands for it are the rule's). */
    void steer(Aspect aspect, int meetingNumber) {
        steered.add(aspect + "#" + meetingNumber);
    }

    boolean steeredInThisRun(Aspect aspect, int meetingNumber) {
        return steered.contains(aspect + "#" + meetingNumber);
    }

    void targetStage(LeadTarget.StageTarget stage) {
        state = state.withLeadTarget(state.leadTarget().withStage(stage));
        steer(Aspect.LEAD_STAGE, 0);
    }

    void targetMeetingTime(Instant time) {
        state = state.withLeadTarget(state.leadTarget().withMeetingTime(time));
        steer(Aspect.LEAD_MEETING_TIME, 0);
    }

    // ---- commands in flight --------------------------------------------------------------------------------------

    Optional<PendingCommand> pending(Aspect aspect, int meetingNumber) {
        return state.pending().stream()
                .filter(p -> p.concerns(aspect, meetingNumber))
                .findFirst();
    }

    Optional<PendingCommand> pendingById(String commandId) {
        return state.pending().stream()
                .filter(p -> p.commandId().equals(commandId))
                .findFirst();
    }

    boolean pendingRequests(Aspect aspect, int meetingNumber, String requested) {
        return pending(aspect, meetingNumber)
                .map(p -> Objects.equals(p.requested(), requested))
                .orElse(false);
    }

    void dropPending(Aspect aspect, int meetingNumber) {
        removePending(p -> p.concerns(aspect, meetingNumber));
    }

    void dropPendingById(String commandId) {
        removePending(p -> p.commandId().equals(commandId));
    }

    void removePending(java.util.function.Predicate<PendingCommand> which) {
        List<PendingCommand> kept = new ArrayList<>(state.pending());
        if (kept.removeIf(which)) {
            state = state.withPending(kept);
        }
    }

    /** The aspect of a recent command of ours, if the id is one. */
    Optional<IssuedCommand> issued(String commandId) {
        if (commandId == null) {
            return Optional.empty();
        }
        return state.recent().stream()
                .filter(c -> c.commandId().equals(commandId))
                .findFirst();
    }

    boolean failed(Aspect aspect, int meetingNumber, String requested) {
        return state.failures().stream()
                .anyMatch(f -> f.aspect() == aspect
                        && f.meetingNumber() == meetingNumber
                        && Objects.equals(f.requested(), requested));
    }

    void fail(CommandFailure failure) {
        List<CommandFailure> failures = new ArrayList<>(state.failures());
        failures.removeIf(f -> f.aspect() == failure.aspect() && f.meetingNumber() == failure.meetingNumber());
        failures.add(failure);
        state = state.withFailures(failures);
    }

    /** A newer snapshot of a side is the natural moment to try refused writes of that side once more. */
    void forgetFailures(Aspect.Side side) {
        List<CommandFailure> failures = new ArrayList<>(state.failures());
        if (failures.removeIf(f -> f.aspect().side() == side)) {
            state = state.withFailures(failures);
        }
    }

    // ---- emitting ------------------------------------------------------------------------------------------------

    String commandId(Aspect aspect, int meetingNumber, String... extra) {
        List<String> parts = new ArrayList<>(List.of(tenant(), leadId(), aspect.name(), "m" + meetingNumber));
        parts.addAll(List.of(extra));
        parts.add(inputId());
        return MessageIds.deterministic(parts.toArray(String[]::new));
    }

    String eventId(String eventType, int meetingNumber, String... extra) {
        List<String> parts = new ArrayList<>(List.of(tenant(), leadId(), eventType, "m" + meetingNumber));
        parts.addAll(List.of(extra));
        parts.add(inputId());
        return MessageIds.deterministic(parts.toArray(String[]::new));
    }

    /** Whether a write to this slot is already part of this decision (one write per slot and decision). */
    boolean slotWritten(int meetingNumber) {
        return slotsWritten.contains(meetingNumber);
    }

    void sendCalendar(
            Function<String, CalendarCommand> command,
            Aspect aspect,
            int meetingNumber,
            String requested,
            String expectedEtag) {
        String id = commandId(aspect, meetingNumber);
        CalendarCommand built = command.apply(id);
        calendarCommands.add(built);
        slotsWritten.add(meetingNumber);
        track(new PendingCommand(id, aspect, meetingNumber, requested, expectedEtag));
        attribute(aspect, meetingNumber, built);
    }

    void sendCrm(Function<String, CrmCommand> command, Aspect aspect, String requested) {
        String id = commandId(aspect, 0);
        CrmCommand built = command.apply(id);
        crmCommands.add(built);
        track(new PendingCommand(id, aspect, 0, requested, null));
        attribute(aspect, 0, built);
    }

    /** A note on the lead, written once per fact; none once the lead is deleted. */
    void note(int meetingNumber, String discriminator, String text) {
        if (state.leadDeleted() || state.lead() == null) {
            return;
        }
        String id = commandId(Aspect.LEAD_NOTE, meetingNumber, discriminator);
        crmCommands.add(new AddNote(id, tenant(), leadId(), now, ISSUER, inputId(), text));
        remember(new IssuedCommand(id, Aspect.LEAD_NOTE, meetingNumber));
    }

    void event(MeetingEvent event) {
        events.add(event);
    }

    private void track(PendingCommand command) {
        removePending(p -> p.concerns(command.aspect(), command.meetingNumber()));
        List<PendingCommand> pending = new ArrayList<>(state.pending());
        pending.add(command);
        state = state.withPending(pending);
        remember(new IssuedCommand(command.commandId(), command.aspect(), command.meetingNumber()));
    }

    private void remember(IssuedCommand command) {
        List<IssuedCommand> recent = new ArrayList<>(state.recent());
        recent.add(command);
        while (recent.size() > MeetingState.RECENT_LIMIT) {
            recent.remove(0);
        }
        state = state.withRecent(recent);
    }

    /** A command no rule of this decision asked for corrects a drift: say so on the timeline. */
    private void attribute(Aspect aspect, int meetingNumber, Object command) {
        if (!steeredInThisRun(aspect, meetingNumber)) {
            rules.add("converge->" + ContractTypes.typeName(command));
        }
    }
}
