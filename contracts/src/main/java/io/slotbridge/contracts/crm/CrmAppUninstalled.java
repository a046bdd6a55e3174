package io.slotbridge.contracts.crm;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.slotbridge.contracts.Keys;
import java.time.Instant;
import java.util.Objects;

/**
 * A CRM application was removed from a tenant's account (Bitrix24 {@code ONAPPUNINSTALL}): the portal has withdrawn
 * its API access, so the crm-connector has dropped the stored tokens, and events signed with the application token
 * must no longer be accepted. The crm-connector verified the event the only way Bitrix24 allows — its
 * {@code auth[application_token]} and {@code auth[member_id]} matched the stored installation — and publishes this
 * under the tenant's key, so on the compacted topic it replaces the installation. Readers act on it only while it
 * names the installation they hold (same member id and token digest): a stale uninstall never removes a newer one.
 *
 * @param memberId Bitrix24 {@code auth[member_id]} of the portal
 * @param applicationTokenSha256 lower-case hex SHA-256 of the uninstalled application's token
 * @param clean the user asked Bitrix24 to clear the application's data ({@code data[CLEAN]=1})
 */
@JsonTypeName("crm.app-uninstalled")
public record CrmAppUninstalled(
        String eventId,
        String tenant,
        Instant occurredAt,
        CrmKind crm,
        String memberId,
        String applicationTokenSha256,
        boolean clean)
        implements CrmInstallation {

    public CrmAppUninstalled {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(crm, "crm");
        Objects.requireNonNull(memberId, "memberId");
        CrmAppInstalled.requireDigest(applicationTokenSha256);
    }

    /** Whether this uninstall concerns that installation, rather than an earlier one a reinstall replaced. */
    public boolean concerns(String installedMemberId, String installedTokenSha256) {
        return memberId.equals(installedMemberId) && applicationTokenSha256.equals(installedTokenSha256);
    }

    @Override
    public String kafkaKey() {
        return Keys.tenant(tenant);
    }
}
