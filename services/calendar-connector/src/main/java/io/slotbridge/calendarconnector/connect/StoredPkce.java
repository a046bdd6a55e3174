package io.slotbridge.calendarconnector.connect;

import com.google.auth.oauth2.PKCEProvider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * PKCE (RFC 7636, S256) with a verifier we persist next to the OAuth state, so the callback may reach another replica
 * or a restarted one (the library's default provider keeps the verifier in memory).
 */
final class StoredPkce implements PKCEProvider {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String verifier;

    StoredPkce(String verifier) {
        this.verifier = verifier;
    }

    static StoredPkce fresh() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new StoredPkce(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    @Override
    public String getCodeVerifier() {
        return verifier;
    }

    @Override
    public String getCodeChallengeMethod() {
        return "S256";
    }

    @Override
    public String getCodeChallenge() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "StoredPkce[verifier=***]";
    }
}
