package io.slotbridge.sync.domain;

import io.slotbridge.contracts.meeting.ClientUnreachable;
import io.slotbridge.contracts.meeting.MeetingCancelled;
import io.slotbridge.contracts.meeting.MeetingConfirmed;
import io.slotbridge.contracts.meeting.MeetingEvent;
import io.slotbridge.contracts.meeting.MeetingHeld;

/** The meeting event that announces a status a meeting just reached. */
final class MeetingEvents {

    private MeetingEvents() {}

    static MeetingEvent of(DecisionRun run, Meeting meeting, MeetingStatus status, String cancelReason) {
        int n = meeting.number();
        return switch (status) {
            case CONFIRMED ->
                new MeetingConfirmed(
                        run.eventId("meeting.confirmed", n),
                        run.tenant(),
                        run.leadId(),
                        run.now,
                        n,
                        meeting.slotId(),
                        run.inputId());
            case HELD ->
                new MeetingHeld(
                        run.eventId("meeting.held", n),
                        run.tenant(),
                        run.leadId(),
                        run.now,
                        n,
                        meeting.slotId(),
                        run.inputId());
            case CANCELLED ->
                new MeetingCancelled(
                        run.eventId("meeting.cancelled", n),
                        run.tenant(),
                        run.leadId(),
                        run.now,
                        n,
                        meeting.slotId(),
                        run.inputId(),
                        cancelReason);
            case NO_CONTACT ->
                new ClientUnreachable(
                        run.eventId("meeting.client-unreachable", n),
                        run.tenant(),
                        run.leadId(),
                        run.now,
                        n,
                        meeting.slotId(),
                        run.inputId(),
                        meeting.start());
            default -> throw new IllegalArgumentException("no meeting event announces " + status);
        };
    }
}
