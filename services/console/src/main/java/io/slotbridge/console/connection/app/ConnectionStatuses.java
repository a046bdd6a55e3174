package io.slotbridge.console.connection.app;

import static io.slotbridge.console.common.SqlTimes.instant;

import com.fasterxml.jackson.core.type.TypeReference;
import io.slotbridge.console.connection.domain.ConnectionHealth;
import io.slotbridge.contracts.ContractJson;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the newest connection reports (projected from ops.status-reports.v1). */
@Component
public class ConnectionStatuses {

    private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() {};

    private final JdbcTemplate jdbc;

    public ConnectionStatuses(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<ConnectionHealth> forTenant(String tenant) {
        return jdbc.query(
                "select * from connection_status where tenant = ? order by connection",
                ConnectionStatuses::map,
                tenant);
    }

    public List<ConnectionHealth> all() {
        return jdbc.query("select * from connection_status order by tenant, connection", ConnectionStatuses::map);
    }

    private static ConnectionHealth map(ResultSet rs, int row) throws SQLException {
        return new ConnectionHealth(
                rs.getString("tenant"),
                rs.getString("connection"),
                rs.getString("service"),
                rs.getString("status"),
                instant(rs.getTimestamp("status_since")),
                instant(rs.getTimestamp("token_expires_at")),
                instant(rs.getTimestamp("channel_expires_at")),
                (Double) rs.getObject("requests_per_second"),
                (Long) rs.getObject("requests_last_minute"),
                (Long) rs.getObject("throttled_last_minute"),
                (Long) rs.getObject("blocked_last_minute"),
                rs.getString("detail"),
                details(rs.getString("details")),
                instant(rs.getTimestamp("reported_at")));
    }

    private static Map<String, String> details(String json) {
        try {
            return ContractJson.mapper().readValue(json, DETAILS);
        } catch (IOException e) {
            return Map.of();
        }
    }
}
