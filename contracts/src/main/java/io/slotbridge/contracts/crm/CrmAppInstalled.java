package io.slotbridge.contracts.crm;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.slotbridge.contracts.Keys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A CRM application was installed on a tenant's account and its install event was verified (Bitrix24
 * {@code ONAPPINSTALL}). Carries what later events are checked against, never a secret: the application token only as
 * its SHA-256 digest.
 *
 * @param memberId Bitrix24 {@code auth[member_id]}: the portal's id in every later event
 * @param domain the portal's domain as the event named it
 * @param applicationTokenSha256 lower-case hex SHA-256 of the UTF-8 {@code auth[application_token]}
 */
@JsonTypeName("crm.app-installed")
public record CrmAppInstalled(
        String eventId,
        String tenant,
        Instant occurredAt,
        CrmKind crm,
        String memberId,
        String domain,
        String applicationTokenSha256)
        implements CrmInstallation {

    public CrmAppInstalled {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(crm, "crm");
        Objects.requireNonNull(memberId, "memberId");
        requireDigest(applicationTokenSha256);
    }

    /** Install and uninstall records name a token only by this digest: 64 lower-case hex digits. */
    static void requireDigest(String applicationTokenSha256) {
        Objects.requireNonNull(applicationTokenSha256, "applicationTokenSha256");
        if (!applicationTokenSha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("applicationTokenSha256 must be 64 lower-case hex digits");
        }
    }

    /** The digest both the writer and the readers compute from a token. */
    public static String digestOf(String applicationToken) {
        Objects.requireNonNull(applicationToken, "applicationToken");
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(applicationToken.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public String kafkaKey() {
        return Keys.tenant(tenant);
    }

    @Override
    public String toString() {
        return "CrmAppInstalled[eventId=" + eventId + ", tenant=" + tenant + ", occurredAt=" + occurredAt + ", crm="
                + crm + ", memberId=" + memberId + ", domain=" + domain + "]";
    }
}
