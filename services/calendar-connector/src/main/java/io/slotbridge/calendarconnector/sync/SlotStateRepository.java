package io.slotbridge.calendarconnector.sync;

import io.slotbridge.calendarconnector.slot.domain.LeadLink;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** The {@code slot_state} table. */
public class SlotStateRepository {

    private static final String COLUMNS =
            "slot_id, lead_id, meeting_number, fingerprint, etag, own_command_id, own_etag";

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    public SlotStateRepository(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Map<String, SlotState> find(String tenant, String calendarId, Collection<String> slotIds) {
        Map<String, SlotState> states = new HashMap<>();
        if (slotIds.isEmpty()) {
            return states;
        }
        jdbc.query(
                        "select " + COLUMNS + " from slot_state where tenant = :tenant and calendar_id = :calendar"
                                + " and slot_id in (:ids)",
                        params(tenant, calendarId).addValue("ids", slotIds),
                        SlotStateRepository::row)
                .forEach(state -> states.put(state.slotId(), state));
        return states;
    }

    public Optional<SlotState> find(String tenant, String calendarId, String slotId) {
        return Optional.ofNullable(
                find(tenant, calendarId, java.util.List.of(slotId)).get(slotId));
    }

    /** A snapshot with this fingerprint was published (acked) for the slot. */
    public void recordPublished(
            String tenant, String calendarId, String slotId, LeadLink link, String fingerprint, String etag) {
        jdbc.update(
                """
                insert into slot_state (tenant, calendar_id, slot_id, lead_id, meeting_number, fingerprint, etag, updated_at)
                values (:tenant, :calendar, :slot, :lead, :meeting, :fingerprint, :etag, :now)
                on conflict (tenant, calendar_id, slot_id) do update set lead_id = excluded.lead_id,
                    meeting_number = coalesce(excluded.meeting_number, slot_state.meeting_number),
                    fingerprint = excluded.fingerprint, etag = coalesce(excluded.etag, slot_state.etag),
                    updated_at = excluded.updated_at
                """,
                params(tenant, calendarId)
                        .addValue("slot", slotId)
                        .addValue("lead", link.leadId())
                        .addValue("meeting", link.meetingNumber())
                        .addValue("fingerprint", fingerprint)
                        .addValue("etag", etag)
                        .addValue("now", Timestamp.from(clock.instant())));
    }

    /** The event's etag as last seen, for {@code If-Match} when a command brings none. */
    public void recordSeen(String tenant, String calendarId, String slotId, String etag) {
        jdbc.update(
                "update slot_state set etag = :etag, updated_at = :now where tenant = :tenant and calendar_id = :calendar"
                        + " and slot_id = :slot",
                params(tenant, calendarId)
                        .addValue("slot", slotId)
                        .addValue("etag", etag)
                        .addValue("now", Timestamp.from(clock.instant())));
    }

    /** Our command wrote the event and Google answered with {@code etag}. */
    public void recordOwnWrite(
            String tenant, String calendarId, String slotId, LeadLink link, String commandId, String etag) {
        jdbc.update(
                """
                insert into slot_state (tenant, calendar_id, slot_id, lead_id, meeting_number, etag, own_command_id,
                    own_etag, updated_at)
                values (:tenant, :calendar, :slot, :lead, :meeting, :etag, :command, :etag, :now)
                on conflict (tenant, calendar_id, slot_id) do update set lead_id = excluded.lead_id,
                    meeting_number = coalesce(excluded.meeting_number, slot_state.meeting_number),
                    etag = excluded.etag, own_command_id = excluded.own_command_id, own_etag = excluded.own_etag,
                    updated_at = excluded.updated_at
                """,
                params(tenant, calendarId)
                        .addValue("slot", slotId)
                        .addValue("lead", link.leadId())
                        .addValue("meeting", link.meetingNumber())
                        .addValue("command", commandId)
                        .addValue("etag", etag)
                        .addValue("now", Timestamp.from(clock.instant())));
    }

    private static MapSqlParameterSource params(String tenant, String calendarId) {
        return new MapSqlParameterSource().addValue("tenant", tenant).addValue("calendar", calendarId);
    }

    private static SlotState row(ResultSet rs, int i) throws SQLException {
        int meeting = rs.getInt("meeting_number");
        return new SlotState(
                rs.getString("slot_id"),
                rs.getString("lead_id"),
                rs.wasNull() ? null : meeting,
                rs.getString("fingerprint"),
                rs.getString("etag"),
                rs.getString("own_command_id"),
                rs.getString("own_etag"));
    }
}
