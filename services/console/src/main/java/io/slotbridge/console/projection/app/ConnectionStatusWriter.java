package io.slotbridge.console.projection.app;

import static io.slotbridge.console.common.SqlTimes.timestamp;

import io.slotbridge.console.common.domain.SecretMasker;
import io.slotbridge.contracts.ContractJson;
import io.slotbridge.contracts.ops.ConnectionStatusReported;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The newest health report per tenant and connection; remembers since when the status has been what it is. */
@Component
class ConnectionStatusWriter {

    private final JdbcTemplate jdbc;

    ConnectionStatusWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void report(ConnectionStatusReported r) {
        Map<String, String> details = new TreeMap<>();
        r.details().forEach((k, v) -> details.put(k, SecretMasker.maskNamed(k, v)));
        jdbc.update(
                """
                insert into connection_status (tenant, connection, service, instance_id, status, status_since,
                    token_expires_at, channel_expires_at, requests_per_second, requests_last_minute,
                    throttled_last_minute, blocked_last_minute, detail, details, reported_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (tenant, connection) do update set
                    service = excluded.service, instance_id = excluded.instance_id, status = excluded.status,
                    status_since = case when connection_status.status = excluded.status
                        then connection_status.status_since else excluded.status_since end,
                    token_expires_at = excluded.token_expires_at, channel_expires_at = excluded.channel_expires_at,
                    requests_per_second = excluded.requests_per_second,
                    requests_last_minute = excluded.requests_last_minute,
                    throttled_last_minute = excluded.throttled_last_minute,
                    blocked_last_minute = excluded.blocked_last_minute, detail = excluded.detail,
                    details = excluded.details, reported_at = excluded.reported_at
                where connection_status.reported_at <= excluded.reported_at
                """,
                r.tenant(),
                r.connection(),
                r.service(),
                r.instanceId(),
                r.status(),
                timestamp(r.occurredAt()),
                timestamp(r.tokenExpiresAt()),
                timestamp(r.channelExpiresAt()),
                r.requestsPerSecondLimit(),
                r.requestsLastMinute(),
                r.throttledLastMinute(),
                r.blockedLastMinute(),
                SecretMasker.mask(r.detail()),
                ContractJson.toJson(details),
                timestamp(r.occurredAt()));
    }
}
