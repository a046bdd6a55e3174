package io.slotbridge.calendarconnector.sync;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** The {@code sync_state} table: one incremental-sync position per calendar. */
public class SyncStateRepository {

    private final JdbcTemplate jdbc;

    public SyncStateRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> token(String tenant, String calendarId) {
        return jdbc
                .query(
                        "select sync_token from sync_state where tenant = ? and calendar_id = ?",
                        (rs, i) -> rs.getString(1),
                        tenant,
                        calendarId)
                .stream()
                .filter(token -> token != null)
                .findFirst();
    }

    /** Stored only once every snapshot of the sync that ended with this token was acknowledged by Kafka. */
    public void storeToken(String tenant, String calendarId, String token, boolean fullSync, Instant now) {
        jdbc.update(
                """
                insert into sync_state (tenant, calendar_id, sync_token, last_sync_at, last_full_sync_at, last_error)
                values (?, ?, ?, ?, ?, null)
                on conflict (tenant, calendar_id) do update set sync_token = excluded.sync_token,
                    last_sync_at = excluded.last_sync_at,
                    last_full_sync_at = coalesce(excluded.last_full_sync_at, sync_state.last_full_sync_at),
                    last_error = null
                """,
                tenant,
                calendarId,
                token,
                Timestamp.from(now),
                fullSync ? Timestamp.from(now) : null);
    }

    /** Google said the token is gone (410): the next sync is a full one. */
    public void forgetToken(String tenant, String calendarId) {
        jdbc.update("update sync_state set sync_token = null where tenant = ? and calendar_id = ?", tenant, calendarId);
    }

    public void recordError(String tenant, String calendarId, String error) {
        jdbc.update(
                """
                insert into sync_state (tenant, calendar_id, last_error) values (?, ?, ?)
                on conflict (tenant, calendar_id) do update set last_error = excluded.last_error
                """,
                tenant,
                calendarId,
                error);
    }

    public Optional<SyncStatus> status(String tenant, String calendarId) {
        return jdbc
                .query(
                        "select sync_token is not null, last_sync_at, last_full_sync_at, last_error from sync_state"
                                + " where tenant = ? and calendar_id = ?",
                        (rs, i) -> new SyncStatus(
                                rs.getBoolean(1),
                                instant(rs.getTimestamp(2)),
                                instant(rs.getTimestamp(3)),
                                rs.getString(4)),
                        tenant,
                        calendarId)
                .stream()
                .findFirst();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    public record SyncStatus(boolean hasSyncToken, Instant lastSyncAt, Instant lastFullSyncAt, String lastError) {}
}
