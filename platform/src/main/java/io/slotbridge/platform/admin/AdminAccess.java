package io.slotbridge.platform.admin;

import io.slotbridge.platform.crypto.Secrets;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Who may call a service's admin API ({@code /admin/**}) and start a connect flow ({@code /connect/**}).
 *
 * <p>Admin calls carry {@code Authorization: Bearer <admin token>} (env {@code SLOTBRIDGE_ADMIN_TOKEN}), compared in
 * constant time. A browser cannot send that header through an OAuth redirect, so the console hands out connect links
 * with a short-lived ticket: {@code HMAC-SHA256(adminToken, purpose|tenant|expiry)} plus the expiry.
 */
public final class AdminAccess {

    private static final String BEARER = "Bearer ";

    private final String adminToken;
    private final Clock clock;

    public AdminAccess(String adminToken, Clock clock) {
        if (adminToken == null || adminToken.length() < 16) {
            throw new IllegalStateException(
                    "slotbridge.admin.token (env SLOTBRIDGE_ADMIN_TOKEN) must be set to at least 16 characters");
        }
        this.adminToken = adminToken;
        this.clock = clock;
    }

    /** True when the {@code Authorization} header carries the admin token. */
    public boolean isAdmin(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.startsWith(BEARER)) {
            return false;
        }
        return Secrets.constantTimeEquals(
                adminToken, authorizationHeader.substring(BEARER.length()).strip());
    }

    /** A ticket for {@code purpose} (e.g. {@code connect-amocrm}) on {@code tenant}, valid for {@code ttl}. */
    public String issueTicket(String purpose, String tenant, Duration ttl) {
        long expiry = clock.instant().plus(ttl).getEpochSecond();
        return expiry + "." + sign(purpose, tenant, expiry);
    }

    public boolean verifyTicket(String purpose, String tenant, String ticket) {
        if (ticket == null) {
            return false;
        }
        int dot = ticket.indexOf('.');
        if (dot <= 0) {
            return false;
        }
        long expiry;
        try {
            expiry = Long.parseLong(ticket.substring(0, dot));
        } catch (NumberFormatException e) {
            return false;
        }
        if (Instant.ofEpochSecond(expiry).isBefore(clock.instant())) {
            return false;
        }
        return Secrets.constantTimeEquals(sign(purpose, tenant, expiry), ticket.substring(dot + 1));
    }

    private String sign(String purpose, String tenant, long expiry) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(adminToken.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((purpose + "|" + tenant + "|" + expiry).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "AdminAccess[token=***]";
    }
}
