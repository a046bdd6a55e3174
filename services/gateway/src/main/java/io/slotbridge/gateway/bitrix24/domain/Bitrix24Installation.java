package io.slotbridge.gateway.bitrix24.domain;

import java.util.Objects;

/**
 * A verified Bitrix24 application installation of a tenant, as the crm-connector published it: the portal's
 * {@code member_id} and the SHA-256 digest of its application token (the token itself never leaves the connector).
 */
public record Bitrix24Installation(String memberId, String applicationTokenSha256) {

    public Bitrix24Installation {
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(applicationTokenSha256, "applicationTokenSha256");
    }
}
