package io.slotbridge.calendarconnector.channel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The {@code watch_channel} table. */
public class WatchChannelRepository {

    private static final String COLUMNS =
            "channel_id, tenant, calendar_id, resource_id, resource_uri, expires_at, opened_at, active";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public WatchChannelRepository(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    public Optional<WatchChannel> find(String channelId) {
        return jdbc
                .query(
                        "select " + COLUMNS + " from watch_channel where channel_id = ?",
                        WatchChannelRepository::row,
                        channelId)
                .stream()
                .findFirst();
    }

    public Optional<WatchChannel> active(String tenant, String calendarId) {
        return jdbc
                .query(
                        "select " + COLUMNS + " from watch_channel where tenant = ? and calendar_id = ? and active"
                                + " order by expires_at desc",
                        WatchChannelRepository::row,
                        tenant,
                        calendarId)
                .stream()
                .findFirst();
    }

    public List<WatchChannel> inactive(String tenant, String calendarId) {
        return jdbc.query(
                "select " + COLUMNS + " from watch_channel where tenant = ? and calendar_id = ? and not active",
                WatchChannelRepository::row,
                tenant,
                calendarId);
    }

    /** The new channel becomes the active one; the previous ones stay (inactive) until they are stopped. */
    public void activate(WatchChannel channel) {
        transactions.executeWithoutResult(status -> {
            jdbc.update(
                    "update watch_channel set active = false where tenant = ? and calendar_id = ?",
                    channel.tenant(),
                    channel.calendarId());
            jdbc.update(
                    "insert into watch_channel (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, true)",
                    channel.channelId(),
                    channel.tenant(),
                    channel.calendarId(),
                    channel.resourceId(),
                    channel.resourceUri(),
                    Timestamp.from(channel.expiresAt()),
                    Timestamp.from(channel.openedAt()));
        });
    }

    /** Marks the calendar's channels as replaced; returns how many were active. */
    public int deactivate(String tenant, String calendarId) {
        return jdbc.update(
                "update watch_channel set active = false where tenant = ? and calendar_id = ? and active",
                tenant,
                calendarId);
    }

    public void delete(String channelId) {
        jdbc.update("delete from watch_channel where channel_id = ?", channelId);
    }

    private static WatchChannel row(ResultSet rs, int i) throws SQLException {
        return new WatchChannel(
                rs.getString("channel_id"),
                rs.getString("tenant"),
                rs.getString("calendar_id"),
                rs.getString("resource_id"),
                rs.getString("resource_uri"),
                rs.getTimestamp("expires_at").toInstant(),
                rs.getTimestamp("opened_at").toInstant(),
                rs.getBoolean("active"));
    }
}
