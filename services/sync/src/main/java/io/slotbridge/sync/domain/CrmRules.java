package io.slotbridge.sync.domain;

import io.slotbridge.contracts.calendar.SlotIds;
import io.slotbridge.contracts.crm.LeadDeleted;
import io.slotbridge.contracts.crm.LeadSnapshotted;
import io.slotbridge.contracts.crm.StageSemantic;
import io.slotbridge.contracts.meeting.MeetingRescheduled;
import io.slotbridge.contracts.meeting.MeetingScheduled;
import io.slotbridge.contracts.meeting.SlaBreached;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * CRM → calendar. Rules fire on what a person (or robot) changed in the CRM since the last snapshot; changes that
 * only show our own writes fire nothing.
 */
final class CrmRules {

    private CrmRules() {}

    static void onSnapshot(DecisionRun run, LeadSnapshotted snapshot) {
        TenantPolicy policy = run.policy;
        LeadView previous = run.state.lead();
        if (policy.pipeline() != null
                && snapshot.pipeline() != null
                && !policy.pipeline().equals(snapshot.pipeline())) {
            run.ignored("crm.other-pipeline");
            return;
        }
        if (previous != null && snapshot.version() < previous.version()) {
            run.stale();
            return;
        }
        LeadView next = LeadView.of(snapshot, policy);
        Set<String> ourEchoes = new HashSet<>();
        snapshot.echoOfCommandIds().stream()
                .filter(id -> run.issued(id).isPresent())
                .forEach(ourEchoes::add);
        if (!ourEchoes.isEmpty()) {
            run.sawEcho();
        }

        boolean first = previous == null;
        boolean stageChanged = first
                || !Objects.equals(previous.stage(), next.stage())
                || !previous.stageKey(policy).equals(next.stageKey(policy));
        boolean timeChanged = first || !Objects.equals(previous.meetingTime(), next.meetingTime());
        boolean expertChanged = first || !Objects.equals(previous.expert(), next.expert());
        boolean detailsChanged = first || !previous.sameDetails(next);
        boolean personStage =
                stageChanged && (first || !ours(run, Aspect.LEAD_STAGE, next.stageKey(policy), ourEchoes));
        boolean personTime = timeChanged
                && (first || !ours(run, Aspect.LEAD_MEETING_TIME, LeadTarget.timeKey(next.meetingTime()), ourEchoes));

        run.state = run.state.withLead(next, false);
        run.forgetFailures(Aspect.Side.CRM);
        settle(run, next, ourEchoes);
        if (personStage) {
            run.dropPending(Aspect.LEAD_STAGE, 0);
            run.state = run.state.withLeadTarget(run.state.leadTarget().withStage(observedStage(policy, next)));
        }
        if (personTime) {
            run.dropPending(Aspect.LEAD_MEETING_TIME, 0);
            run.state = run.state.withLeadTarget(run.state.leadTarget().withMeetingTime(next.meetingTime()));
        }
        if (personStage || personTime || expertChanged || detailsChanged) {
            applyRules(run, previous, next, personStage, personTime, expertChanged);
        }
    }

    static void onDeleted(DecisionRun run, LeadDeleted deleted) {
        if (run.state.leadDeleted()) {
            return;
        }
        run.state = run.state.withLead(run.state.lead(), true);
        run.removePending(p -> p.aspect().side() == Aspect.Side.CRM);
        closeOpenMeeting(
                run, MeetingStatus.CANCELLED, "crm.deleted->paint-tomato", Wording.leadDeleted(), "lead deleted");
    }

    /** A change is ours when it shows the value a pending command asked for, or names a recent command of ours. */
    private static boolean ours(DecisionRun run, Aspect aspect, String shownKey, Set<String> ourEchoes) {
        if (run.pendingRequests(aspect, 0, shownKey)) {
            return true;
        }
        return ourEchoes.stream()
                .anyMatch(id -> run.issued(id).map(c -> c.aspect() == aspect).orElse(false));
    }

    /** Pending CRM writes that this snapshot shows (or names) are done. */
    private static void settle(DecisionRun run, LeadView next, Set<String> ourEchoes) {
        String stageKey = next.stageKey(run.policy);
        String timeKey = LeadTarget.timeKey(next.meetingTime());
        run.removePending(p -> p.aspect().side() == Aspect.Side.CRM
                && (ourEchoes.contains(p.commandId())
                        || (p.aspect() == Aspect.LEAD_STAGE && stageKey.equals(p.requested()))
                        || (p.aspect() == Aspect.LEAD_MEETING_TIME && timeKey.equals(p.requested()))));
    }

    private static LeadTarget.StageTarget observedStage(TenantPolicy policy, LeadView lead) {
        return lead.lost(policy)
                ? LeadTarget.StageTarget.closeLost(lead.stage(), lead.lossReason())
                : LeadTarget.StageTarget.move(lead.stage());
    }

    private static void applyRules(
            DecisionRun run,
            LeadView previous,
            LeadView next,
            boolean personStage,
            boolean personTime,
            boolean expertChanged) {
        TenantPolicy policy = run.policy;
        TenantPolicy.Stages stages = policy.stages();
        if (personStage) {
            if (next.lost(policy) && (previous == null || !previous.lost(policy))) {
                closeOpenMeeting(
                        run,
                        MeetingStatus.CANCELLED,
                        "crm.lost->paint-tomato",
                        Wording.cancelledInCrm(next.lossReason()),
                        next.lossReason() == null ? "lead closed as lost" : next.lossReason());
            } else if (Objects.equals(next.stage(), stages.meetingHeld())) {
                closeOpenMeeting(run, MeetingStatus.HELD, "crm.held->paint-basil", Wording.heldInCrm(policy), null);
            } else if (Objects.equals(next.stage(), stages.noContact())) {
                closeOpenMeeting(
                        run,
                        MeetingStatus.NO_CONTACT,
                        "crm.no-contact->paint-graphite",
                        Wording.noContactInCrm(policy),
                        null);
            }
        }
        if (personTime && next.meetingTimeRaw() != null && next.meetingTime() == null) {
            run.rule("crm.meeting-time-unreadable");
        }
        LeadView lead = withWritesInFlight(run, next);
        if (!lead.booked(policy)) {
            return;
        }
        boolean enteredScheduled =
                personStage && (previous == null || !Objects.equals(previous.stage(), stages.meetingScheduled()));
        Meeting latest = run.latest().orElse(null);
        Instant time = lead.meetingTime();
        if (latest == null) {
            book(run, lead, null, "crm.booked->create-slot");
        } else if (latest.status().live()) {
            if (!time.equals(latest.start())) {
                reschedule(run, latest, lead);
            } else {
                refreshDetails(run, latest, lead, expertChanged);
            }
        } else if (!time.equals(latest.start()) || (enteredScheduled && latest.status() == MeetingStatus.NO_CONTACT)) {
            // a new time, or back to stage 5 after a no-show (ОП-2 scenario B re-books): a new meeting
            boolean waiting = latest.status() == MeetingStatus.RESCHEDULED;
            book(
                    run,
                    lead,
                    waiting ? latest : null,
                    waiting ? "crm.new-time->create-slot" : "crm.rebooked->create-slot");
        } else if (enteredScheduled
                && (latest.status() == MeetingStatus.HELD || latest.status() == MeetingStatus.CANCELLED)) {
            revive(run, latest, lead);
        }
    }

    /**
     * The lead as it will be once our writes in flight land: a snapshot read before our stage move or time write
     * landed must not look like a person's choice (e.g. a time edited while our move to stage 5 is on its way).
     */
    private static LeadView withWritesInFlight(DecisionRun run, LeadView lead) {
        LeadTarget target = run.state.leadTarget();
        String stage = lead.stage();
        StageSemantic semantic = lead.stageSemantic();
        if (run.pending(Aspect.LEAD_STAGE, 0).isPresent() && target.stage() != null) {
            stage = target.stage().stage();
            semantic = target.stage().lost() ? StageSemantic.LOST : StageSemantic.OPEN;
        }
        Instant time = run.pending(Aspect.LEAD_MEETING_TIME, 0).isPresent() ? target.meetingTime() : lead.meetingTime();
        return new LeadView(
                lead.version(),
                lead.pipeline(),
                stage,
                semantic,
                lead.lossReason(),
                time,
                lead.meetingTimeRaw(),
                lead.expert(),
                lead.category(),
                lead.clientGoal(),
                lead.clientName(),
                lead.cardUrl(),
                lead.bookedBy(),
                lead.bookedByRole(),
                lead.createdAt(),
                lead.updatedAt());
    }

    /** Ends the latest meeting if it is still open: paint the slot, tell the other services. */
    static void closeOpenMeeting(
            DecisionRun run, MeetingStatus status, String rule, String reasonLine, String cancelReason) {
        Meeting latest = run.latest().orElse(null);
        if (latest == null || !latest.status().open()) {
            return;
        }
        Meeting closed =
                latest.withStatus(status).withTarget(latest.target().withColour(run.policy.colour(status), reasonLine));
        run.put(closed);
        run.steer(Aspect.SLOT_COLOUR, closed.number());
        run.rule(rule);
        run.event(MeetingEvents.of(run, closed, status, cancelReason));
    }

    private static void book(DecisionRun run, LeadView lead, Meeting rescheduledFrom, String rule) {
        TenantPolicy policy = run.policy;
        int number = run.latest().map(m -> m.number() + 1).orElse(1);
        Instant start = lead.meetingTime();
        Instant end = start.plus(policy.calendar().meetingDuration());
        String guest = policy.invitesExpert(lead.bookedByRole()) ? policy.emailOf(lead.expert()) : null;
        SlotTarget target = new SlotTarget(
                policy.colour(MeetingStatus.SCHEDULED), null, Wording.title(policy, lead, start, lead.expert()), guest);
        String slotId = SlotIds.of(run.tenant(), run.leadId(), number);
        Meeting meeting = new Meeting(
                number,
                slotId,
                MeetingStatus.SCHEDULED,
                start,
                end,
                lead.expert(),
                lead.bookedByRole(),
                target,
                SlotView.requested(target, start, end),
                false);
        run.put(meeting);
        run.steer(Aspect.SLOT_CREATE, number);
        run.rule(rule);
        mirrorLiveMeeting(run, meeting);
        if (rescheduledFrom != null) {
            run.event(new MeetingRescheduled(
                    run.eventId("meeting.rescheduled", number),
                    run.tenant(),
                    run.leadId(),
                    run.now,
                    number,
                    slotId,
                    run.inputId(),
                    rescheduledFrom.slotId(),
                    rescheduledFrom.start(),
                    start,
                    "new meeting time in the CRM"));
        } else {
            run.event(new MeetingScheduled(
                    run.eventId("meeting.scheduled", number),
                    run.tenant(),
                    run.leadId(),
                    run.now,
                    number,
                    slotId,
                    run.inputId(),
                    start,
                    end,
                    lead.expert(),
                    policy.emailOf(lead.expert()),
                    lead.category(),
                    lead.bookedBy()));
        }
        if (number == 1) {
            checkBookingSla(run, lead, meeting);
        }
    }

    private static void reschedule(DecisionRun run, Meeting live, LeadView lead) {
        Meeting old = live.withStatus(MeetingStatus.RESCHEDULED)
                .withTarget(live.target()
                        .withColour(
                                run.policy.colour(MeetingStatus.RESCHEDULED),
                                Wording.rescheduledTo(run.policy, lead.meetingTime())));
        run.put(old);
        run.steer(Aspect.SLOT_COLOUR, old.number());
        book(run, lead, old, "crm.time-changed->reschedule");
    }

    private static void refreshDetails(DecisionRun run, Meeting live, LeadView lead, boolean expertChanged) {
        boolean newExpert = expertChanged && !Objects.equals(live.expert(), lead.expert());
        Meeting meeting = newExpert ? live.withExpert(lead.expert()) : live;
        SlotTarget target = detailsFor(run.policy, meeting, lead);
        if (!target.equals(meeting.target())) {
            run.put(meeting.withTarget(target));
            run.steer(Aspect.SLOT_DETAILS, meeting.number());
            run.rule(newExpert ? "crm.expert-changed->update-slot" : "crm.details-changed->update-slot");
        } else if (newExpert) {
            run.put(meeting);
        }
    }

    /** Title and guest from the lead and the meeting's expert; the colour stays. */
    static SlotTarget detailsFor(TenantPolicy policy, Meeting meeting, LeadView lead) {
        String guest = policy.invitesExpert(meeting.bookedByRole()) ? policy.emailOf(meeting.expert()) : null;
        return meeting.target().withDetails(Wording.title(policy, lead, meeting.start(), meeting.expert()), guest);
    }

    /** The lead went back to the meeting-scheduled stage with the same time: the meeting is on again. */
    private static void revive(DecisionRun run, Meeting latest, LeadView lead) {
        Meeting revived = latest.withStatus(MeetingStatus.SCHEDULED).withExpert(lead.expert());
        revived = revived.withTarget(detailsFor(run.policy, revived, lead)
                .withColour(run.policy.colour(MeetingStatus.SCHEDULED), Wording.revived(run.policy)));
        run.put(revived);
        run.steer(Aspect.SLOT_COLOUR, revived.number());
        run.steer(Aspect.SLOT_DETAILS, revived.number());
        run.rule("crm.reopened->revive-slot");
        mirrorLiveMeeting(run, revived);
        run.event(new MeetingScheduled(
                run.eventId("meeting.scheduled", revived.number()),
                run.tenant(),
                run.leadId(),
                run.now,
                revived.number(),
                revived.slotId(),
                run.inputId(),
                revived.start(),
                revived.end(),
                revived.expert(),
                run.policy.emailOf(revived.expert()),
                lead.category(),
                lead.bookedBy()));
    }

    /**
     * A live meeting means the lead sits in the meeting-scheduled stage with the slot's time. The CRM showed exactly
     * that when the rule fired; making it the target also undoes a late write of ours that lands afterwards.
     */
    static void mirrorLiveMeeting(DecisionRun run, Meeting meeting) {
        if (run.state.leadDeleted()) {
            return;
        }
        run.targetStage(LeadTarget.StageTarget.move(run.policy.stages().meetingScheduled()));
        run.targetMeetingTime(meeting.start());
    }

    /** ОП-14: a meeting is booked no later than two days (tenant rule) after the first contact. */
    private static void checkBookingSla(DecisionRun run, LeadView lead, Meeting meeting) {
        Instant firstContact = lead.createdAt();
        Instant bookedAt = lead.updatedAt() != null ? lead.updatedAt() : run.input.recordTime();
        Duration limit = run.policy.rules().bookingSla();
        if (firstContact == null || bookedAt == null || limit == null) {
            return;
        }
        Duration took = Duration.between(firstContact, bookedAt);
        if (took.compareTo(limit) <= 0) {
            return;
        }
        run.rule("crm.booked-late->sla-breached");
        run.event(new SlaBreached(
                run.eventId("meeting.sla-breached", meeting.number()),
                run.tenant(),
                run.leadId(),
                run.now,
                meeting.number(),
                meeting.slotId(),
                run.inputId(),
                firstContact,
                bookedAt,
                meeting.start(),
                limit));
        run.note(meeting.number(), "sla", Wording.slaNote(took, limit));
    }
}
