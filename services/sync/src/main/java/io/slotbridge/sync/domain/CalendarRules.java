package io.slotbridge.sync.domain;

import io.slotbridge.contracts.calendar.SlotAttendee;
import io.slotbridge.contracts.calendar.SlotSnapshotted;
import io.slotbridge.contracts.meeting.ExpertResponded;
import io.slotbridge.contracts.meeting.SlotRestored;
import java.util.Objects;

/**
 * Calendar → CRM. Rules fire on what a person changed on a slot since its last snapshot: its colour (the meeting
 * status of ОП-14), its time, its existence, the guest's answer. Our own writes fire nothing.
 */
final class CalendarRules {

    private static final String NEEDS_ACTION = "needsAction";

    private CalendarRules() {}

    static void onSnapshot(DecisionRun run, SlotSnapshotted snapshot) {
        Meeting meeting = run.state.meetingBySlot(snapshot.slotId()).orElse(null);
        if (meeting == null) {
            run.ignored("calendar.unknown-slot");
            return;
        }
        SlotView previous = meeting.observed();
        if (previous.seen() && previous.updated() != null && snapshot.updated().isBefore(previous.updated())) {
            run.stale();
            return;
        }
        SlotView next = SlotView.of(snapshot);
        if (next.deleted()) {
            // Google returns deleted events with little more than their status: keep what we saw before.
            next = new SlotView(
                    true,
                    true,
                    previous.colorId(),
                    previous.start(),
                    previous.end(),
                    previous.title(),
                    previous.attendees(),
                    next.updated(),
                    next.etag());
        }
        int n = meeting.number();
        boolean ours =
                snapshot.ownWrite() && run.issued(snapshot.writtenByCommandId()).isPresent();
        if (ours) {
            run.sawEcho();
        }
        boolean personDeleted = !ours && next.deleted() && !previous.deleted();
        boolean personColour = !ours
                && !next.deleted()
                && !Objects.equals(previous.colorId(), next.colorId())
                && !run.pendingRequests(Aspect.SLOT_COLOUR, n, next.colourKey())
                && !run.pendingRequests(Aspect.SLOT_RESTORE, n, next.colourKey());
        boolean personMoved = !ours
                && !next.deleted()
                && (!Objects.equals(previous.start(), next.start()) || !Objects.equals(previous.end(), next.end()));
        boolean detailsChanged = !Objects.equals(previous.title(), next.title())
                || !previous.attendees().stream()
                        .map(SlotAttendee::email)
                        .toList()
                        .equals(next.attendees().stream()
                                .map(SlotAttendee::email)
                                .toList());
        boolean personDetails = !ours
                && !next.deleted()
                && detailsChanged
                && !(meeting.target().detailsShownBy(next)
                        && run.pendingRequests(
                                Aspect.SLOT_DETAILS, n, meeting.target().detailsKey()));
        if (!ours
                && !personDeleted
                && !personColour
                && !personMoved
                && !personDetails
                && hasPendingShownBy(run, meeting, next)) {
            run.sawEcho();
        }

        meeting = meeting.withObserved(next).withAwaitingRefresh(false);
        run.put(meeting);
        run.forgetFailures(Aspect.Side.CALENDAR);
        settle(run, meeting, snapshot.writtenByCommandId());
        if (personColour) {
            run.dropPending(Aspect.SLOT_COLOUR, n);
            meeting = meeting.withTarget(meeting.target().withColour(next.colorId(), null));
            run.put(meeting);
        }
        if (personDetails) {
            run.dropPending(Aspect.SLOT_DETAILS, n);
            meeting = meeting.withTarget(meeting.target()
                    .withDetails(next.title(), next.guestLike(meeting.target().guest())));
            run.put(meeting);
        }

        if (personDeleted) {
            restore(run, meeting);
            return;
        }
        if (personColour) {
            if (run.isLatest(meeting)) {
                repaintedByPerson(run, meeting, next.colorId());
            } else {
                oldSlotRepainted(run, run.state.meeting(n).orElseThrow(), next.colorId());
            }
        }
        Meeting current = run.state.meeting(n).orElseThrow();
        if (personMoved) {
            if (run.isLatest(current) && current.status().live()) {
                moved(run, current, next);
            } else {
                // the slot's time is the meeting's time, also for history; only a live meeting moves the CRM field
                run.put(current.withTime(next.start(), next.end()));
            }
        }
        if (!ours && !next.deleted()) {
            answers(run, run.state.meeting(n).orElseThrow(), previous, next);
        }
    }

    private static boolean hasPendingShownBy(DecisionRun run, Meeting meeting, SlotView next) {
        int n = meeting.number();
        return run.pendingRequests(Aspect.SLOT_COLOUR, n, next.colourKey())
                || run.pendingRequests(Aspect.SLOT_RESTORE, n, next.colourKey())
                || run.pending(Aspect.SLOT_CREATE, n).isPresent();
    }

    /** Pending slot writes that this snapshot shows (or names) are done. */
    private static void settle(DecisionRun run, Meeting meeting, String writtenBy) {
        int n = meeting.number();
        SlotView seen = meeting.observed();
        run.removePending(p -> p.meetingNumber() == n
                && p.aspect().side() == Aspect.Side.CALENDAR
                && (p.commandId().equals(writtenBy)
                        || p.aspect() == Aspect.SLOT_CREATE
                        || (p.aspect() == Aspect.SLOT_COLOUR && p.requested().equals(seen.colourKey()))
                        || (p.aspect() == Aspect.SLOT_RESTORE
                                && !seen.deleted()
                                && p.requested().equals(seen.colourKey()))
                        || (p.aspect() == Aspect.SLOT_DETAILS
                                && p.requested().equals(meeting.target().detailsKey())
                                && meeting.target().detailsShownBy(seen))));
    }

    /** ОП-14 colours set by a person on the latest meeting decide its status; the CRM follows. */
    private static void repaintedByPerson(DecisionRun run, Meeting meeting, String colorId) {
        TenantPolicy policy = run.policy;
        MeetingStatus to = policy.statusOf(colorId).orElse(null);
        if (to == null) {
            run.rule("calendar.unmapped-colour");
            return;
        }
        MeetingStatus from = meeting.status();
        if (to == from) {
            return;
        }
        Meeting changed = meeting.withStatus(to);
        run.put(changed);
        int n = changed.number();
        switch (to) {
            case CONFIRMED -> {
                run.rule("calendar.banana->note-confirmed");
                run.note(n, "confirmed", Wording.confirmedNote(policy, changed));
                run.event(MeetingEvents.of(run, changed, to, null));
            }
            case HELD -> {
                run.rule("calendar.basil->stage-held");
                crmTarget(run, LeadTarget.StageTarget.move(policy.stages().meetingHeld()));
                run.event(MeetingEvents.of(run, changed, to, null));
            }
            case CANCELLED -> cancelledByPerson(run, changed, "calendar.tomato");
            case RESCHEDULED -> {
                run.rule("calendar.grape->note-await-new-time");
                run.note(n, "rescheduled", Wording.rescheduledNote(policy, changed));
            }
            case NO_CONTACT -> {
                run.rule("calendar.graphite->stage-no-contact");
                crmTarget(run, LeadTarget.StageTarget.move(policy.stages().noContact()));
                run.event(MeetingEvents.of(run, changed, to, null));
            }
            case SCHEDULED -> run.rule("calendar.default-colour->scheduled");
        }
        if (!from.live() && to.live()) {
            nowLive(run, changed, from.open());
        } else if (!from.open() && to.open()) {
            run.rule("calendar.reopened->stage-scheduled");
            crmTarget(run, LeadTarget.StageTarget.move(policy.stages().meetingScheduled()));
        }
    }

    /**
     * Slots of earlier meetings are history: a person may re-mark how that meeting ended (Basil, Tomato, Grape,
     * Graphite), which only updates the statistic. Marking it as upcoming again cannot be right while a later meeting
     * exists, so that colour is painted back.
     */
    private static void oldSlotRepainted(DecisionRun run, Meeting meeting, String colorId) {
        MeetingStatus meant = run.policy.statusOf(colorId).orElse(null);
        if (meant == null) {
            return;
        }
        if (meant.live()) {
            run.put(meeting.withTarget(meeting.target()
                    .withColour(run.policy.colour(meeting.status()), Wording.oldMeetingStays(run.policy))));
            run.steer(Aspect.SLOT_COLOUR, meeting.number());
            run.rule("calendar.old-slot-marked-upcoming->paint-back");
        } else if (meant != meeting.status()) {
            run.put(meeting.withStatus(meant));
            run.rule("calendar.old-slot-repainted");
        }
    }

    /** Tomato (or a deleted slot): per tenant rule the lead is closed as lost, or only gets a note. */
    private static void cancelledByPerson(DecisionRun run, Meeting meeting, String rulePrefix) {
        TenantPolicy policy = run.policy;
        String reason = policy.lossReasons().meetingCancelled();
        if (policy.rules().tomatoMeans() == TenantPolicy.TomatoPolicy.CLOSE_LOST) {
            run.rule(rulePrefix + "->close-lost");
            crmTarget(run, LeadTarget.StageTarget.closeLost(policy.stages().lost(), reason));
        } else {
            run.rule(rulePrefix + "->note");
            run.note(meeting.number(), "cancelled", Wording.cancelledNote(policy, meeting));
        }
        run.event(MeetingEvents.of(run, meeting, MeetingStatus.CANCELLED, reason));
    }

    /**
     * The latest meeting is on again (Basil back to Banana, Grape back to blue…): the lead goes to the
     * meeting-scheduled stage at the slot's time, and the slot's title and guest follow the lead again.
     */
    private static void nowLive(DecisionRun run, Meeting meeting, boolean wasOpen) {
        run.rule(wasOpen ? "calendar.on-again->sync-lead" : "calendar.reopened->stage-scheduled");
        CrmRules.mirrorLiveMeeting(run, meeting);
        LeadView lead = run.state.lead();
        if (lead != null) {
            Meeting refreshed = lead.expert() == null ? meeting : meeting.withExpert(lead.expert());
            SlotTarget details = CrmRules.detailsFor(run.policy, refreshed, lead);
            if (!details.equals(refreshed.target())) {
                run.steer(Aspect.SLOT_DETAILS, refreshed.number());
            }
            run.put(refreshed.withTarget(details));
        }
    }

    private static void crmTarget(DecisionRun run, LeadTarget.StageTarget stage) {
        if (!run.state.leadDeleted()) {
            run.targetStage(stage);
        }
    }

    /** Slots are never deleted: bring it back, painted Tomato when that cancels the meeting. */
    private static void restore(DecisionRun run, Meeting meeting) {
        boolean cancels = run.isLatest(meeting) && meeting.status().open();
        Meeting restored = meeting;
        if (cancels) {
            restored = meeting.withStatus(MeetingStatus.CANCELLED);
            run.put(restored);
            cancelledByPerson(run, restored, "calendar.deleted");
        }
        restored = restored.withTarget(
                restored.target().withColour(run.policy.colour(restored.status()), Wording.restored()));
        run.put(restored);
        run.steer(Aspect.SLOT_RESTORE, restored.number());
        run.rule("calendar.deleted->restore-slot");
        run.note(restored.number(), "restored", Wording.slotDeletedNote(run.policy, restored, cancels));
        run.event(new SlotRestored(
                run.eventId("meeting.slot-restored", restored.number()),
                run.tenant(),
                run.leadId(),
                run.now,
                restored.number(),
                restored.slotId(),
                run.inputId(),
                restored.target().colorId()));
    }

    /** A person moved the live meeting's slot: the CRM field follows, the title shows the new time. */
    private static void moved(DecisionRun run, Meeting meeting, SlotView next) {
        Meeting movedMeeting = meeting.withTime(next.start(), next.end());
        LeadView lead = run.state.lead();
        if (lead != null) {
            movedMeeting = movedMeeting.withTarget(CrmRules.detailsFor(run.policy, movedMeeting, lead));
            run.steer(Aspect.SLOT_DETAILS, movedMeeting.number());
        }
        run.put(movedMeeting);
        run.rule("calendar.moved->set-meeting-time");
        if (!run.state.leadDeleted()) {
            run.targetMeetingTime(next.start());
        }
    }

    /** The expert accepted or declined the invitation: a note on the lead and an event for the console. */
    private static void answers(DecisionRun run, Meeting meeting, SlotView previous, SlotView next) {
        for (SlotAttendee attendee : next.attendees()) {
            String answer = attendee.responseStatus();
            if (attendee.email() == null
                    || answer == null
                    || NEEDS_ACTION.equals(answer)
                    || answer.equals(previous.responseOf(attendee.email()))) {
                continue;
            }
            String who = run.policy
                    .person(attendee.email())
                    .map(TenantPolicy.Person::name)
                    .orElse(attendee.email());
            run.rule("calendar.guest-answered->note");
            run.note(
                    meeting.number(),
                    "answer:" + attendee.email() + ":" + answer,
                    Wording.responseNote(run.policy, meeting, who, answer));
            run.event(new ExpertResponded(
                    run.eventId("meeting.expert-responded", meeting.number(), attendee.email(), answer),
                    run.tenant(),
                    run.leadId(),
                    run.now,
                    meeting.number(),
                    meeting.slotId(),
                    run.inputId(),
                    attendee.email(),
                    answer));
        }
    }
}
