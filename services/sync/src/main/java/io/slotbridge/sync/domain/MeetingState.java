package io.slotbridge.sync.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything sync knows about one lead: the CRM side as last seen, its meetings and slots, what it wants each side
 * to show, and the commands still in flight.
 *
 * @param lead null until the first snapshot of the lead
 * @param meetings ordered by number
 * @param pending commands whose effect has not been observed yet
 * @param recent the last {@value #RECENT_LIMIT} commands issued (to recognise our own late writes)
 * @param failures commands refused for good, not repeated until a newer snapshot arrives
 */
public record MeetingState(
        String tenant,
        String leadId,
        LeadView lead,
        boolean leadDeleted,
        LeadTarget leadTarget,
        List<Meeting> meetings,
        List<PendingCommand> pending,
        List<IssuedCommand> recent,
        List<CommandFailure> failures) {

    static final int RECENT_LIMIT = 32;

    public MeetingState {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(leadId, "leadId");
        leadTarget = leadTarget == null ? LeadTarget.NONE : leadTarget;
        meetings = meetings == null
                ? List.of()
                : meetings.stream()
                        .sorted(Comparator.comparingInt(Meeting::number))
                        .toList();
        pending = pending == null ? List.of() : List.copyOf(pending);
        recent = recent == null ? List.of() : List.copyOf(recent);
        failures = failures == null ? List.of() : List.copyOf(failures);
    }

    public static MeetingState empty(String tenant, String leadId) {
        return new MeetingState(
                tenant, leadId, null, false, LeadTarget.NONE, List.of(), List.of(), List.of(), List.of());
    }

    public Optional<Meeting> latest() {
        return meetings.isEmpty() ? Optional.empty() : Optional.of(meetings.get(meetings.size() - 1));
    }

    public Optional<Meeting> meeting(int number) {
        return meetings.stream().filter(m -> m.number() == number).findFirst();
    }

    public Optional<Meeting> meetingBySlot(String slotId) {
        return meetings.stream().filter(m -> m.slotId().equals(slotId)).findFirst();
    }

    /** One line for the console timeline and logs. */
    public String summary() {
        StringBuilder line = new StringBuilder();
        latest().ifPresentOrElse(
                        m -> line.append("meeting ")
                                .append(m.number())
                                .append(' ')
                                .append(m.status())
                                .append(m.start() == null ? "" : " at " + m.start())
                                .append(" slot ")
                                .append(m.slotId()),
                        () -> line.append("no meeting"));
        if (lead != null) {
            line.append("; lead stage '").append(lead.stage()).append('\'');
        }
        if (leadDeleted) {
            line.append("; lead deleted");
        }
        if (!pending.isEmpty()) {
            line.append("; ").append(pending.size()).append(" pending");
        }
        if (!failures.isEmpty()) {
            line.append("; ").append(failures.size()).append(" failed");
        }
        return line.toString();
    }

    MeetingState withLead(LeadView view, boolean deleted) {
        return new MeetingState(tenant, leadId, view, deleted, leadTarget, meetings, pending, recent, failures);
    }

    MeetingState withLeadTarget(LeadTarget target) {
        return new MeetingState(tenant, leadId, lead, leadDeleted, target, meetings, pending, recent, failures);
    }

    MeetingState withMeeting(Meeting meeting) {
        List<Meeting> updated = new ArrayList<>(meetings);
        updated.removeIf(m -> m.number() == meeting.number());
        updated.add(meeting);
        return new MeetingState(tenant, leadId, lead, leadDeleted, leadTarget, updated, pending, recent, failures);
    }

    MeetingState withPending(List<PendingCommand> newPending) {
        return new MeetingState(tenant, leadId, lead, leadDeleted, leadTarget, meetings, newPending, recent, failures);
    }

    MeetingState withRecent(List<IssuedCommand> newRecent) {
        return new MeetingState(tenant, leadId, lead, leadDeleted, leadTarget, meetings, pending, newRecent, failures);
    }

    MeetingState withFailures(List<CommandFailure> newFailures) {
        return new MeetingState(tenant, leadId, lead, leadDeleted, leadTarget, meetings, pending, recent, newFailures);
    }
}
