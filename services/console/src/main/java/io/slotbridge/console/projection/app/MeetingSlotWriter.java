package io.slotbridge.console.projection.app;

import static io.slotbridge.console.common.SqlTimes.timestamp;

import io.slotbridge.console.projection.domain.SlotTitles;
import io.slotbridge.console.tenant.Tenants;
import io.slotbridge.contracts.calendar.SlotAttendee;
import io.slotbridge.contracts.calendar.SlotSnapshotted;
import io.slotbridge.contracts.meeting.ClientUnreachable;
import io.slotbridge.contracts.meeting.MeetingCancelled;
import io.slotbridge.contracts.meeting.MeetingConfirmed;
import io.slotbridge.contracts.meeting.MeetingEvent;
import io.slotbridge.contracts.meeting.MeetingHeld;
import io.slotbridge.contracts.meeting.MeetingRescheduled;
import io.slotbridge.contracts.meeting.MeetingScheduled;
import io.slotbridge.contracts.meeting.SlaBreached;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Builds the meetings board: the calendar's snapshot owns time, colour and title; sync's meeting events own the
 * expert, the meeting state and SLA breaches. The two arrive on different topics in any order, so each side only
 * writes its own columns and ignores anything older than what it has.
 */
@Component
class MeetingSlotWriter {

    private final JdbcTemplate jdbc;
    private final Tenants tenants;

    MeetingSlotWriter(JdbcTemplate jdbc, Tenants tenants) {
        this.jdbc = jdbc;
        this.tenants = tenants;
    }

    void snapshot(SlotSnapshotted s) {
        String guest =
                s.attendees().stream().map(SlotAttendee::email).findFirst().orElse(null);
        String expert = tenants.personByEmail(s.tenant(), guest)
                .or(() -> SlotTitles.expertOf(s.summary()))
                .orElse(null);
        jdbc.update(
                """
                insert into meeting_slot (tenant, slot_id, lead_id, meeting_number, calendar_id, summary, start_at,
                    end_at, color_id, slot_status, html_link, slot_updated, expert, expert_email, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (tenant, slot_id) do update set
                    lead_id = excluded.lead_id,
                    meeting_number = coalesce(excluded.meeting_number, meeting_slot.meeting_number),
                    calendar_id = excluded.calendar_id, summary = excluded.summary, start_at = excluded.start_at,
                    end_at = excluded.end_at, color_id = excluded.color_id, slot_status = excluded.slot_status,
                    html_link = excluded.html_link, slot_updated = excluded.slot_updated,
                    expert = coalesce(excluded.expert, meeting_slot.expert),
                    expert_email = coalesce(excluded.expert_email, meeting_slot.expert_email),
                    updated_at = excluded.updated_at
                where meeting_slot.slot_updated is null or meeting_slot.slot_updated <= excluded.slot_updated
                """,
                s.tenant(),
                s.slotId(),
                s.leadId(),
                s.meetingNumber(),
                s.calendarId(),
                s.summary(),
                timestamp(s.start()),
                timestamp(s.end()),
                s.colorId(),
                s.status().name().toLowerCase(java.util.Locale.ROOT),
                s.htmlLink(),
                timestamp(s.updated()),
                expert,
                guest,
                timestamp(s.occurredAt()));
    }

    void meeting(MeetingEvent event) {
        if (event instanceof MeetingScheduled m) {
            state(m, m.slotId(), "scheduled", m.start(), m.end(), m.expert(), m.expertEmail());
        } else if (event instanceof MeetingRescheduled m) {
            state(m, m.previousSlotId(), "rescheduled", m.previousStart(), null, null, null);
            state(m, m.slotId(), "scheduled", m.start(), null, null, null);
        } else if (event instanceof MeetingConfirmed m) {
            state(m, m.slotId(), "confirmed", null, null, null, null);
        } else if (event instanceof MeetingHeld m) {
            state(m, m.slotId(), "held", null, null, null, null);
        } else if (event instanceof MeetingCancelled m) {
            state(m, m.slotId(), "cancelled", null, null, null, null);
        } else if (event instanceof ClientUnreachable m) {
            state(m, m.slotId(), "unreachable", m.meetingStart(), null, null, null);
        } else if (event instanceof SlaBreached m) {
            slaBreach(m);
        }
    }

    private void state(
            MeetingEvent m, String slotId, String state, Instant start, Instant end, String expert, String email) {
        jdbc.update(
                """
                insert into meeting_slot (tenant, slot_id, lead_id, meeting_number, start_at, end_at, expert,
                    expert_email, meeting_state, state_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (tenant, slot_id) do update set
                    meeting_number = coalesce(meeting_slot.meeting_number, excluded.meeting_number),
                    start_at = coalesce(meeting_slot.start_at, excluded.start_at),
                    end_at = coalesce(meeting_slot.end_at, excluded.end_at),
                    expert = coalesce(excluded.expert, meeting_slot.expert),
                    expert_email = coalesce(excluded.expert_email, meeting_slot.expert_email),
                    meeting_state = case when meeting_slot.state_at is null or meeting_slot.state_at <= excluded.state_at
                        then excluded.meeting_state else meeting_slot.meeting_state end,
                    state_at = greatest(meeting_slot.state_at, excluded.state_at),
                    updated_at = excluded.updated_at
                """,
                m.tenant(),
                slotId,
                m.leadId(),
                slotId.equals(m.slotId()) ? m.meetingNumber() : null,
                timestamp(start),
                timestamp(end),
                expert,
                email,
                state,
                timestamp(m.occurredAt()),
                timestamp(m.occurredAt()));
    }

    private void slaBreach(SlaBreached m) {
        String detail = "booked " + m.bookedAt() + ", first contact " + m.firstContactAt() + ", limit " + m.limit();
        jdbc.update(
                """
                insert into meeting_slot (tenant, slot_id, lead_id, meeting_number, start_at, sla_breached,
                    sla_detail, updated_at)
                values (?, ?, ?, ?, ?, true, ?, ?)
                on conflict (tenant, slot_id) do update set
                    sla_breached = true, sla_detail = excluded.sla_detail,
                    start_at = coalesce(meeting_slot.start_at, excluded.start_at),
                    updated_at = excluded.updated_at
                """,
                m.tenant(),
                m.slotId(),
                m.leadId(),
                m.meetingNumber(),
                timestamp(m.meetingStart()),
                detail,
                timestamp(m.occurredAt()));
    }
}
