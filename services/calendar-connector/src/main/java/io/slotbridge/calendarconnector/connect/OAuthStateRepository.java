package io.slotbridge.calendarconnector.connect;

import io.slotbridge.platform.crypto.SecretBox;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * OAuth consent round trips in flight: the {@code state} we sent to Google's consent page (CSRF protection) and the
 * PKCE code verifier, encrypted by the {@link SecretBox}. A state is used once; expired ones are dropped.
 */
public class OAuthStateRepository {

    private final JdbcTemplate jdbc;
    private final ObjectProvider<SecretBox> secretBox;

    public OAuthStateRepository(JdbcTemplate jdbc, ObjectProvider<SecretBox> secretBox) {
        this.jdbc = jdbc;
        this.secretBox = secretBox;
    }

    public void save(String state, String tenant, String codeVerifier, Instant expiresAt) {
        jdbc.update(
                "insert into oauth_state (state, tenant, code_verifier, expires_at) values (?, ?, ?, ?)",
                state,
                tenant,
                secretBox.getObject().encrypt(codeVerifier, associatedData(state)),
                Timestamp.from(expiresAt));
    }

    /** The PKCE verifier of a live state of this tenant, consuming the state. */
    public Optional<String> consume(String state, String tenant, Instant now) {
        jdbc.update("delete from oauth_state where expires_at < ?", Timestamp.from(now));
        Optional<String> encrypted = jdbc
                .query(
                        "delete from oauth_state where state = ? and tenant = ? returning code_verifier",
                        (rs, i) -> rs.getString(1),
                        state,
                        tenant)
                .stream()
                .findFirst();
        return encrypted.map(value -> secretBox.getObject().decrypt(value, associatedData(state)));
    }

    private static String associatedData(String state) {
        return "google:oauth-state:" + state;
    }
}
