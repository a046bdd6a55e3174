package io.slotbridge.followup.store;

import static io.slotbridge.followup.store.Sql.instant;
import static io.slotbridge.followup.store.Sql.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Lead state and chat messages. Callers hold the transaction. */
@Repository
public class LeadStore {

    private final JdbcTemplate jdbc;

    public LeadStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The lead's row, locked; created empty first if this is the first event about the lead. */
    public LeadState lock(String tenant, String leadId, Instant now) {
        jdbc.update(
                "insert into lead_state (tenant, lead_id, updated_at) values (?, ?, ?) on conflict do nothing",
                tenant,
                leadId,
                ts(now));
        return jdbc.queryForObject(
                "select * from lead_state where tenant = ? and lead_id = ? for update", LeadStore::map, tenant, leadId);
    }

    public Optional<LeadState> find(String tenant, String leadId) {
        return jdbc
                .query("select * from lead_state where tenant = ? and lead_id = ?", LeadStore::map, tenant, leadId)
                .stream()
                .findFirst();
    }

    public void saveSnapshot(LeadState state, Instant now) {
        jdbc.update(
                """
                update lead_state set version = ?, lead_name = ?, stage = ?, closed = ?, phone = ?, contact_name = ?,
                                      stage_since = ?, updated_at = ?
                where tenant = ? and lead_id = ?
                """,
                state.version(),
                state.leadName(),
                state.stage(),
                state.closed(),
                state.phone(),
                state.contactName(),
                ts(state.stageSince()),
                ts(now),
                state.tenant(),
                state.leadId());
    }

    public void markDeleted(String tenant, String leadId, Instant now) {
        jdbc.update(
                "update lead_state set deleted = true, updated_at = ? where tenant = ? and lead_id = ?",
                ts(now),
                tenant,
                leadId);
    }

    public void meetingBooked(String tenant, String leadId, Instant at) {
        jdbc.update(
                """
                update lead_state set meeting_booked_at = greatest(coalesce(meeting_booked_at, ?), ?), updated_at = ?
                where tenant = ? and lead_id = ?
                """,
                ts(at),
                ts(at),
                ts(at),
                tenant,
                leadId);
    }

    /** Leads whose main contact has this phone; several leads may share a client. */
    public List<String> leadsWithPhone(String tenant, String phone) {
        return jdbc.queryForList(
                "select lead_id from lead_state where tenant = ? and phone = ? and not deleted order by lead_id",
                String.class,
                tenant,
                phone);
    }

    public void clientWrote(String tenant, String phone, Instant at) {
        jdbc.update(
                """
                update lead_state set last_client_message_at = greatest(coalesce(last_client_message_at, ?), ?)
                where tenant = ? and phone = ?
                """,
                ts(at),
                ts(at),
                tenant,
                phone);
    }

    /**
     * Leads of the tenant that entered {@code stage} no later than {@code enteredBefore}, with no meeting booked
     * since, still open, and never followed up for this stay in the stage (scenario A candidates).
     */
    public List<LeadState> idleIn(String tenant, String stage, Instant enteredBefore, int limit) {
        return jdbc.query(
                """
                select l.* from lead_state l
                where l.tenant = ? and l.stage = ? and l.stage_since <= ? and not l.deleted and not l.closed
                  and (l.meeting_booked_at is null or l.meeting_booked_at < l.stage_since)
                  and not exists (select 1 from run r where r.tenant = l.tenant and r.lead_id = l.lead_id
                                  and (r.status = 'ACTIVE' or r.started_at >= l.stage_since))
                order by l.stage_since limit ?
                """,
                LeadStore::map,
                tenant,
                stage,
                ts(enteredBefore),
                limit);
    }

    /** Records a chat message once; false when it was already recorded. */
    public boolean recordChatMessage(
            String tenant, String messageId, String chatId, String runId, String kind, Instant sentAt) {
        return jdbc.update(
                        """
                        insert into chat_message (tenant, message_id, chat_id, run_id, kind, sent_at)
                        values (?, ?, ?, ?, ?, ?) on conflict do nothing
                        """,
                        tenant,
                        messageId,
                        chatId,
                        runId,
                        kind,
                        ts(sentAt))
                == 1;
    }

    private static LeadState map(ResultSet rs, int row) throws SQLException {
        return new LeadState(
                rs.getString("tenant"),
                rs.getString("lead_id"),
                rs.getLong("version"),
                rs.getString("lead_name"),
                rs.getString("stage"),
                rs.getBoolean("closed"),
                rs.getString("phone"),
                rs.getString("contact_name"),
                instant(rs, "stage_since"),
                instant(rs, "meeting_booked_at"),
                instant(rs, "last_client_message_at"),
                rs.getBoolean("deleted"));
    }
}
