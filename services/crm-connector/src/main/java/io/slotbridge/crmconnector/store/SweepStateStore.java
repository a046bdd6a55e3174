package io.slotbridge.crmconnector.store;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** Per-tenant sweep watermark; claiming a due sweep is atomic, so two instances never sweep the same tenant at once. */
public class SweepStateStore {

    private final JdbcTemplate jdbc;

    public SweepStateStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Claim(Instant sweptUntil) {}

    /** Claims the tenant's sweep if the last claim is older than {@code interval}; returns its watermark. */
    public Optional<Claim> claimIfDue(String tenant, Instant now, Duration interval) {
        jdbc.update("insert into sweep_state (tenant) values (?) on conflict do nothing", tenant);
        List<Claim> claimed = jdbc.query(
                "update sweep_state set claimed_at = ? where tenant = ? and (claimed_at is null or claimed_at <= ?)"
                        + " returning swept_until",
                (rs, i) -> new Claim(
                        rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant()),
                Timestamp.from(now),
                tenant,
                Timestamp.from(now.minus(interval)));
        return claimed.stream().findFirst();
    }

    public void completed(String tenant, Instant sweptUntil, int count) {
        jdbc.update(
                "update sweep_state set swept_until = ?, last_count = ? where tenant = ?",
                Timestamp.from(sweptUntil),
                count,
                tenant);
    }

    public Optional<Instant> lastSweptUntil(String tenant) {
        return jdbc
                .query(
                        "select swept_until from sweep_state where tenant = ? and swept_until is not null",
                        (rs, i) -> rs.getTimestamp(1).toInstant(),
                        tenant)
                .stream()
                .findFirst();
    }
}
