package io.slotbridge.gateway.bitrix24.domain;

import io.slotbridge.contracts.crm.CrmAppInstalled;
import io.slotbridge.gateway.ingest.domain.PathSecrets;
import io.slotbridge.platform.crypto.Secrets;

/**
 * What a tenant's Bitrix24 events are checked against: the application token of the tenants file
 * ({@code crm.application-token}, an outgoing webhook or a hand-copied token) or the one of a verified application
 * install (known only by its digest), and the portal's {@code member_id}. Both tokens are always compared, in
 * constant time, so the answer's timing does not tell which one a tenant has.
 *
 * @param configuredToken {@code crm.application-token}, may be null
 * @param configuredMemberId {@code crm.member-id}, may be null
 * @param installed the installation the crm-connector verified, may be null
 */
public record Bitrix24Trust(String configuredToken, String configuredMemberId, Bitrix24Installation installed) {

    /** Whether anything could authenticate an event at all. */
    public boolean hasCredential() {
        return (configuredToken != null && !configuredToken.isBlank()) || installed != null;
    }

    /** Null when the event's {@code auth[application_token]} and {@code auth[member_id]} are right, else why not. */
    public String refusal(String applicationToken, String memberId) {
        String presented = applicationToken == null ? "" : applicationToken;
        boolean configuredMatches = PathSecrets.matches(configuredToken, presented);
        boolean installedMatches = installed != null
                && Secrets.constantTimeEquals(installed.applicationTokenSha256(), CrmAppInstalled.digestOf(presented));
        if (!configuredMatches && !installedMatches) {
            return "auth[application_token] missing or wrong";
        }
        if (configuredMemberId != null && !Secrets.constantTimeEquals(configuredMemberId, memberId)) {
            return "auth[member_id] is not the tenant's crm.member-id";
        }
        if (!configuredMatches && !Secrets.constantTimeEquals(installed.memberId(), memberId)) {
            return "auth[member_id] is not the installed portal's member_id";
        }
        return null;
    }
}
