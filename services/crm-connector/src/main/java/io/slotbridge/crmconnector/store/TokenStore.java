package io.slotbridge.crmconnector.store;

import io.slotbridge.platform.crypto.SecretBox;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * OAuth tokens per tenant, encrypted with the platform SecretBox (associated data {@code <crm>:<tenant>:access|refresh}
 * so a value copied to another row does not decrypt). Refreshes run under a row lock: whoever holds it re-checks the
 * row, refreshes at most once and commits the new pair before anyone uses it.
 */
public class TokenStore {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Supplier<SecretBox> box;

    /** @param box created on first use, so a service without OAuth tenants needs no encryption key */
    public TokenStore(JdbcTemplate jdbc, TransactionTemplate tx, Supplier<SecretBox> box) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.box = box;
    }

    /** Plain tokens; never log this record (its toString hides them). */
    public record Tokens(
            String accessToken, String refreshToken, Instant expiresAt, Instant refreshedAt, boolean needsReauth) {
        @Override
        public String toString() {
            return "Tokens[expiresAt=" + expiresAt + ", refreshedAt=" + refreshedAt + ", needsReauth=" + needsReauth
                    + ", tokens=***]";
        }
    }

    public Optional<Tokens> find(String crm, String tenant) {
        return select(crm, tenant, "");
    }

    private Optional<Tokens> select(String crm, String tenant, String lock) {
        List<Tokens> rows = jdbc.query(
                "select access_token, refresh_token, expires_at, refreshed_at, needs_reauth from crm_token"
                        + " where tenant = ?" + lock,
                (rs, i) -> decrypt(
                        crm,
                        tenant,
                        rs.getString(1),
                        rs.getString(2),
                        rs.getTimestamp(3),
                        rs.getTimestamp(4),
                        rs.getBoolean(5)),
                tenant);
        return rows.stream().findFirst();
    }

    /** Stores a fresh pair (after the authorization-code exchange or a refresh). */
    public void save(
            String crm, String tenant, String accessToken, String refreshToken, Instant expiresAt, Instant now) {
        jdbc.update(
                "insert into crm_token (tenant, crm, access_token, refresh_token, expires_at, refreshed_at, needs_reauth)"
                        + " values (?, ?, ?, ?, ?, ?, false)"
                        + " on conflict (tenant) do update set crm = excluded.crm, access_token = excluded.access_token,"
                        + " refresh_token = excluded.refresh_token, expires_at = excluded.expires_at,"
                        + " refreshed_at = excluded.refreshed_at, needs_reauth = false",
                tenant,
                crm,
                box.get().encrypt(accessToken, crm + ":" + tenant + ":access"),
                refreshToken == null ? null : box.get().encrypt(refreshToken, crm + ":" + tenant + ":refresh"),
                Timestamp.from(expiresAt),
                Timestamp.from(now));
    }

    /**
     * Runs {@code work} in a transaction holding the tenant's token row lock ({@code select … for update}); what
     * {@code work} saves commits before the lock is released, so a second refresher sees the new pair.
     */
    public <T> T underLock(String crm, String tenant, Function<Optional<Tokens>, T> work) {
        return tx.execute(status -> work.apply(select(crm, tenant, " for update")));
    }

    /** Forgets the tenant's pair of this CRM (the CRM withdrew it, e.g. the application was uninstalled). */
    public boolean delete(String crm, String tenant) {
        return jdbc.update("delete from crm_token where tenant = ? and crm = ?", tenant, crm) > 0;
    }

    public void markNeedsReauth(String tenant) {
        jdbc.update("update crm_token set needs_reauth = true where tenant = ?", tenant);
    }

    /** A single-use OAuth {@code state}, stored as a hash. */
    public void saveState(String stateHash, String tenant, String crm, Instant expiresAt) {
        jdbc.update(
                "insert into oauth_state (state_hash, tenant, crm, expires_at) values (?, ?, ?, ?)",
                stateHash,
                tenant,
                crm,
                Timestamp.from(expiresAt));
    }

    /** Consumes a state: true once for a live state of this tenant, false for unknown, used or expired ones. */
    public boolean consumeState(String stateHash, String tenant, String crm, Instant now) {
        jdbc.update("delete from oauth_state where expires_at < ?", Timestamp.from(now));
        return jdbc.update(
                        "delete from oauth_state where state_hash = ? and tenant = ? and crm = ? and expires_at >= ?",
                        stateHash,
                        tenant,
                        crm,
                        Timestamp.from(now))
                == 1;
    }

    private Tokens decrypt(
            String crm,
            String tenant,
            String access,
            String refresh,
            Timestamp expires,
            Timestamp refreshed,
            boolean reauth) {
        return new Tokens(
                access == null ? null : box.get().decrypt(access, crm + ":" + tenant + ":access"),
                refresh == null ? null : box.get().decrypt(refresh, crm + ":" + tenant + ":refresh"),
                expires == null ? null : expires.toInstant(),
                refreshed == null ? null : refreshed.toInstant(),
                reauth);
    }
}
