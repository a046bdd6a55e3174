package io.slotbridge.sync.domain;

import io.slotbridge.contracts.calendar.CreateSlot;
import io.slotbridge.contracts.calendar.PaintSlot;
import io.slotbridge.contracts.calendar.RestoreSlot;
import io.slotbridge.contracts.calendar.UpdateSlotDetails;
import io.slotbridge.contracts.crm.CloseLeadLost;
import io.slotbridge.contracts.crm.MoveLeadToStage;
import io.slotbridge.contracts.crm.SetLeadFields;
import java.util.Map;
import java.util.Objects;

/**
 * The only place commands for tracked aspects are made: for each aspect whose target differs from what was last
 * observed, and for which the same value is neither in flight nor refused, send one command. At rest every target
 * equals what is observed, so nothing is sent.
 */
final class Convergence {

    private static final String EXISTS = "exists";

    private Convergence() {}

    static void converge(DecisionRun run) {
        for (Meeting meeting : run.state.meetings()) {
            if (!meeting.awaitingRefresh()) {
                slot(run, meeting);
            }
        }
        if (run.state.lead() != null && !run.state.leadDeleted()) {
            leadStage(run);
            leadMeetingTime(run);
        }
    }

    private static void slot(DecisionRun run, Meeting meeting) {
        int n = meeting.number();
        SlotView observed = meeting.observed();
        if (!observed.seen() && run.pending(Aspect.SLOT_CREATE, n).isEmpty()) {
            if (!run.failed(Aspect.SLOT_CREATE, n, EXISTS) && run.state.lead() != null) {
                create(run, meeting);
            }
            return;
        }
        if (writeInFlightOn(run, meeting) || run.slotWritten(n)) {
            return; // one write per slot at a time: a second one on the same etag would only conflict
        }
        SlotTarget target = meeting.target();
        String calendarId = run.policy.calendar().calendarId();
        String colour = target.colourKey();
        if (observed.deleted()) {
            if (worthSending(run, Aspect.SLOT_RESTORE, n, colour, false)) {
                run.sendCalendar(
                        id -> new RestoreSlot(
                                id,
                                run.tenant(),
                                run.leadId(),
                                run.now,
                                DecisionRun.ISSUER,
                                run.inputId(),
                                calendarId,
                                meeting.slotId(),
                                target.colorId(),
                                target.colourReason()),
                        Aspect.SLOT_RESTORE,
                        n,
                        colour,
                        null);
            }
            return;
        }
        if (worthSending(run, Aspect.SLOT_COLOUR, n, colour, colour.equals(observed.colourKey()))) {
            run.sendCalendar(
                    id -> new PaintSlot(
                            id,
                            run.tenant(),
                            run.leadId(),
                            run.now,
                            DecisionRun.ISSUER,
                            run.inputId(),
                            calendarId,
                            meeting.slotId(),
                            target.colorId(),
                            target.colourReason(),
                            observed.etag()),
                    Aspect.SLOT_COLOUR,
                    n,
                    colour,
                    observed.etag());
            return;
        }
        String details = target.detailsKey();
        if (worthSending(run, Aspect.SLOT_DETAILS, n, details, target.detailsShownBy(observed))) {
            run.sendCalendar(
                    id -> new UpdateSlotDetails(
                            id,
                            run.tenant(),
                            run.leadId(),
                            run.now,
                            DecisionRun.ISSUER,
                            run.inputId(),
                            calendarId,
                            meeting.slotId(),
                            target.title(),
                            target.guest(),
                            target.guest() == null,
                            null,
                            observed.etag()),
                    Aspect.SLOT_DETAILS,
                    n,
                    details,
                    observed.etag());
        }
    }

    /** Not shown yet, not already on its way, not refused before: then (and only then) a command is worth sending. */
    private static boolean worthSending(DecisionRun run, Aspect aspect, int meeting, String wanted, boolean shown) {
        return !shown && !run.pendingRequests(aspect, meeting, wanted) && !run.failed(aspect, meeting, wanted);
    }

    /** A write based on the etag we still see will change it; wait for its snapshot before the next one. */
    private static boolean writeInFlightOn(DecisionRun run, Meeting meeting) {
        String etag = meeting.observed().etag();
        return etag != null
                && run.state.pending().stream()
                        .anyMatch(p -> p.meetingNumber() == meeting.number()
                                && p.aspect().side() == Aspect.Side.CALENDAR
                                && etag.equals(p.expectedEtag()));
    }

    private static void create(DecisionRun run, Meeting meeting) {
        TenantPolicy policy = run.policy;
        SlotTarget target = meeting.target();
        String description = Wording.description(run.state.lead());
        run.sendCalendar(
                id -> new CreateSlot(
                        id,
                        run.tenant(),
                        run.leadId(),
                        run.now,
                        DecisionRun.ISSUER,
                        run.inputId(),
                        policy.calendar().calendarId(),
                        meeting.slotId(),
                        meeting.number(),
                        target.title(),
                        description,
                        meeting.start(),
                        meeting.end(),
                        policy.zone().getId(),
                        target.guest(),
                        policy.calendar().reminderMinutes(),
                        target.colorId()),
                Aspect.SLOT_CREATE,
                meeting.number(),
                EXISTS,
                null);
        run.put(meeting.withObserved(SlotView.requested(target, meeting.start(), meeting.end())));
    }

    private static void leadStage(DecisionRun run) {
        LeadTarget.StageTarget target = run.state.leadTarget().stage();
        LeadView lead = run.state.lead();
        if (target == null) {
            return;
        }
        String wanted = target.key();
        if (!worthSending(run, Aspect.LEAD_STAGE, 0, wanted, wanted.equals(lead.stageKey(run.policy)))) {
            return;
        }
        if (target.lost()) {
            String reason = target.lossReason() != null
                    ? target.lossReason()
                    : run.policy.lossReasons().meetingCancelled();
            run.sendCrm(
                    id -> new CloseLeadLost(
                            id,
                            run.tenant(),
                            run.leadId(),
                            run.now,
                            DecisionRun.ISSUER,
                            run.inputId(),
                            reason,
                            lead.pipeline()),
                    Aspect.LEAD_STAGE,
                    wanted);
        } else {
            run.sendCrm(
                    id -> new MoveLeadToStage(
                            id,
                            run.tenant(),
                            run.leadId(),
                            run.now,
                            DecisionRun.ISSUER,
                            run.inputId(),
                            target.stage(),
                            lead.pipeline()),
                    Aspect.LEAD_STAGE,
                    wanted);
        }
    }

    private static void leadMeetingTime(DecisionRun run) {
        LeadView lead = run.state.lead();
        java.time.Instant target = run.state.leadTarget().meetingTime();
        if (target == null || Objects.equals(target, lead.meetingTime())) {
            return;
        }
        String wanted = LeadTarget.timeKey(target);
        if (!worthSending(run, Aspect.LEAD_MEETING_TIME, 0, wanted, false)) {
            return;
        }
        run.sendCrm(
                id -> new SetLeadFields(
                        id,
                        run.tenant(),
                        run.leadId(),
                        run.now,
                        DecisionRun.ISSUER,
                        run.inputId(),
                        Map.of(run.policy.fields().meetingTime(), MeetingTimes.format(target, run.policy.zone()))),
                Aspect.LEAD_MEETING_TIME,
                wanted);
    }
}
