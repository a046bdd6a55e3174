package io.slotbridge.followup.store;

import static io.slotbridge.followup.store.Sql.instant;
import static io.slotbridge.followup.store.Sql.ts;

import io.slotbridge.followup.domain.SendLog;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The durable Wazzup send log. The intent and each attempt are committed in their own short transactions (the caller
 * runs them with REQUIRES_NEW) so that a crash during an HTTP request still leaves a record of it.
 */
@Repository
public class SendLogStore {

    private final JdbcTemplate jdbc;

    public SendLogStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<SendEntry> find(String runId, int position) {
        return jdbc
                .query("select * from send_log where run_id = ? and position = ?", SendLogStore::map, runId, position)
                .stream()
                .findFirst();
    }

    public List<SendEntry> forRun(String runId) {
        return jdbc.query("select * from send_log where run_id = ? order by position", SendLogStore::map, runId);
    }

    /** Records the intent; a concurrent or repeated intent for the same step keeps the first row. */
    public void recordIntent(SendEntry entry, Instant now) {
        jdbc.update(
                """
                insert into send_log (crm_message_id, run_id, position, tenant, lead_id, chat_id, template_name, kind,
                                      state, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'SENDING', ?, ?)
                on conflict do nothing
                """,
                entry.crmMessageId(),
                entry.runId(),
                entry.position(),
                entry.tenant(),
                entry.leadId(),
                entry.chatId(),
                entry.templateName(),
                entry.kind(),
                ts(now),
                ts(now));
    }

    /** Before a request: pessimistically, this request may reach Wazzup. */
    public void attemptStarting(String crmMessageId, Instant now) {
        jdbc.update(
                """
                update send_log set attempts = attempts + 1, maybe_delivered_at = coalesce(maybe_delivered_at, ?),
                                    updated_at = ?
                where crm_message_id = ?
                """,
                ts(now),
                ts(now),
                crmMessageId);
    }

    /** After a request that certainly sent nothing: restore what was known before it. */
    public void attemptNotDelivered(String crmMessageId, Instant previousMaybeDeliveredAt, String error, Instant now) {
        jdbc.update(
                "update send_log set maybe_delivered_at = ?, error_detail = ?, updated_at = ? where crm_message_id = ?",
                ts(previousMaybeDeliveredAt),
                error,
                ts(now),
                crmMessageId);
    }

    public void recordError(String crmMessageId, String error, Instant now) {
        jdbc.update(
                "update send_log set error_detail = ?, updated_at = ? where crm_message_id = ?",
                error,
                ts(now),
                crmMessageId);
    }

    public void settle(
            String crmMessageId,
            SendLog.State state,
            String wazzupMessageId,
            String errorCode,
            String errorDetail,
            Instant now) {
        jdbc.update(
                """
                update send_log set state = ?, wazzup_message_id = coalesce(?, wazzup_message_id),
                                    error_code = ?, error_detail = ?, updated_at = ?
                where crm_message_id = ?
                """,
                state.name(),
                wazzupMessageId,
                errorCode,
                errorDetail,
                ts(now),
                crmMessageId);
    }

    public Optional<SendEntry> lockByWazzupMessageId(String tenant, String wazzupMessageId) {
        return jdbc
                .query(
                        "select * from send_log where tenant = ? and wazzup_message_id = ? for update",
                        SendLogStore::map,
                        tenant,
                        wazzupMessageId)
                .stream()
                .findFirst();
    }

    public void deliveryStatus(String crmMessageId, String status, String errorCode, Instant now) {
        jdbc.update(
                """
                update send_log set delivery_status = ?, error_code = coalesce(?, error_code), updated_at = ?
                where crm_message_id = ?
                """,
                status,
                errorCode,
                ts(now),
                crmMessageId);
    }

    /** Sends of this chat whose fate is unknown, oldest first. */
    public List<SendEntry> lockUncertain(String tenant, String chatId) {
        return jdbc.query(
                """
                select * from send_log where tenant = ? and chat_id = ? and state = 'UNCERTAIN'
                order by created_at for update
                """,
                SendLogStore::map,
                tenant,
                chatId);
    }

    private static SendEntry map(ResultSet rs, int row) throws SQLException {
        return new SendEntry(
                rs.getString("crm_message_id"),
                rs.getString("run_id"),
                rs.getInt("position"),
                rs.getString("tenant"),
                rs.getString("lead_id"),
                rs.getString("chat_id"),
                rs.getString("template_name"),
                rs.getString("kind"),
                SendLog.State.valueOf(rs.getString("state")),
                rs.getInt("attempts"),
                instant(rs, "maybe_delivered_at"),
                rs.getString("wazzup_message_id"),
                rs.getString("delivery_status"),
                rs.getString("error_code"),
                rs.getString("error_detail"),
                instant(rs, "created_at"));
    }
}
