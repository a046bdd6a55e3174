package io.slotbridge.console.meeting.app;

import static io.slotbridge.console.common.SqlTimes.instant;

import io.slotbridge.console.common.domain.SlotColor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Meeting slots from the projection, for the week board and the lead's current slot. */
@Component
public class MeetingSlots {

    private static final String SELECT =
            """
            select s.*, l.name as lead_name from meeting_slot s
            left join lead l on l.tenant = s.tenant and l.lead_id = s.lead_id
            """;

    private final JdbcTemplate jdbc;

    public MeetingSlots(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Slots starting in {@code [from, to)}, including repainted and deleted ones: slots are statistics. */
    public List<Slot> between(String tenant, Instant from, Instant to) {
        return jdbc.query(
                SELECT + " where s.tenant = ? and s.start_at >= ? and s.start_at < ? order by s.start_at",
                MeetingSlots::map,
                tenant,
                Timestamp.from(from),
                Timestamp.from(to));
    }

    /** The lead's newest meeting slot (highest meeting number, then latest start). */
    public Optional<Slot> current(String tenant, String leadId) {
        return jdbc
                .query(
                        SELECT + " where s.tenant = ? and s.lead_id = ?"
                                + " order by s.meeting_number desc nulls last, s.start_at desc nulls last limit 1",
                        MeetingSlots::map,
                        tenant,
                        leadId)
                .stream()
                .findFirst();
    }

    public long slaBreaches(String tenant, Instant from, Instant to) {
        Long count = jdbc.queryForObject(
                "select count(*) from meeting_slot where tenant = ? and sla_breached and start_at >= ? and start_at < ?",
                Long.class,
                tenant,
                Timestamp.from(from),
                Timestamp.from(to));
        return count == null ? 0 : count;
    }

    private static Slot map(ResultSet rs, int row) throws SQLException {
        return new Slot(
                rs.getString("tenant"),
                rs.getString("slot_id"),
                rs.getString("lead_id"),
                rs.getString("lead_name"),
                (Integer) rs.getObject("meeting_number"),
                rs.getString("summary"),
                instant(rs.getTimestamp("start_at")),
                instant(rs.getTimestamp("end_at")),
                SlotColor.of(rs.getString("color_id")),
                rs.getString("slot_status"),
                rs.getString("expert"),
                rs.getString("meeting_state"),
                rs.getBoolean("sla_breached"),
                rs.getString("sla_detail"),
                rs.getString("html_link"),
                rs.getTimestamp("slot_updated") != null);
    }

    /**
     * @param seenInCalendar false while the slot is only requested (sync decided, no calendar snapshot yet)
     */
    public record Slot(
            String tenant,
            String slotId,
            String leadId,
            String leadName,
            Integer meetingNumber,
            String summary,
            Instant start,
            Instant end,
            SlotColor color,
            String slotStatus,
            String expert,
            String meetingState,
            boolean slaBreached,
            String slaDetail,
            String htmlLink,
            boolean seenInCalendar) {

        public boolean deletedInCalendar() {
            return "cancelled".equals(slotStatus);
        }
    }
}
