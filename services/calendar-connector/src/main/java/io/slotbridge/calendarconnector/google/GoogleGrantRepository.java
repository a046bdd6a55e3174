package io.slotbridge.calendarconnector.google;

import io.slotbridge.platform.crypto.SecretBox;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * OAuth user grants (refresh tokens) per tenant, encrypted with the platform {@link SecretBox}. The associated data
 * ({@code google:<tenant>:refresh-token}) binds a ciphertext to its tenant, so a row copied to another tenant does not
 * decrypt.
 */
public class GoogleGrantRepository {

    private final JdbcTemplate jdbc;
    private final ObjectProvider<SecretBox> secretBox;

    public GoogleGrantRepository(JdbcTemplate jdbc, ObjectProvider<SecretBox> secretBox) {
        this.jdbc = jdbc;
        this.secretBox = secretBox;
    }

    public void store(String tenant, String refreshToken, String grantedBy, Instant now) {
        String encrypted = secretBox.getObject().encrypt(refreshToken, associatedData(tenant));
        jdbc.update(
                """
                insert into google_grant (tenant, refresh_token, granted_by, granted_at) values (?, ?, ?, ?)
                on conflict (tenant) do update set refresh_token = excluded.refresh_token,
                    granted_by = excluded.granted_by, granted_at = excluded.granted_at
                """,
                tenant,
                encrypted,
                grantedBy,
                Timestamp.from(now));
    }

    public Optional<String> refreshToken(String tenant) {
        return jdbc
                .query("select refresh_token from google_grant where tenant = ?", (rs, i) -> rs.getString(1), tenant)
                .stream()
                .findFirst()
                .map(encrypted -> secretBox.getObject().decrypt(encrypted, associatedData(tenant)));
    }

    public Optional<Instant> grantedAt(String tenant) {
        return jdbc
                .query(
                        "select granted_at from google_grant where tenant = ?",
                        (rs, i) -> rs.getTimestamp(1).toInstant(),
                        tenant)
                .stream()
                .findFirst();
    }

    private static String associatedData(String tenant) {
        return "google:" + tenant + ":refresh-token";
    }
}
