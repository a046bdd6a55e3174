package io.slotbridge.gateway.bitrix24.domain;

import io.slotbridge.contracts.ingress.IngressSource;
import io.slotbridge.gateway.ingest.domain.FormRedactor;
import io.slotbridge.gateway.ingest.domain.HookHeaders;
import io.slotbridge.gateway.ingest.domain.HookRequest;
import io.slotbridge.gateway.ingest.domain.Parsed;
import io.slotbridge.gateway.ingest.domain.TenantCredentials;
import io.slotbridge.gateway.ingest.domain.WebhookSource;
import java.util.Set;

/**
 * Bitrix24: the credential is inside the body ({@code auth[application_token]}, optionally {@code auth[member_id]}),
 * so authentication happens while parsing, against the tenants file's token or the tenant's verified application
 * installation. The archived body has the token and any OAuth tokens masked.
 */
public final class Bitrix24Source implements WebhookSource {

    private static final String KIND = "bitrix24";

    private final Bitrix24Installations installations;

    public Bitrix24Source(Bitrix24Installations installations) {
        this.installations = installations;
    }

    /** Events authenticate by the tenants file's {@code crm.application-token} only. */
    public Bitrix24Source() {
        this(Bitrix24Installations.NONE);
    }

    static final Set<String> CREDENTIAL_FIELDS =
            Set.of("auth[application_token]", "auth[access_token]", "auth[refresh_token]");

    @Override
    public IngressSource source() {
        return IngressSource.BITRIX24;
    }

    @Override
    public String credentialName() {
        return "crm.application-token configuration or application install";
    }

    @Override
    public Set<String> mediaTypes() {
        return Set.of("application/x-www-form-urlencoded");
    }

    @Override
    public boolean authenticates(String tenantId, TenantCredentials tenant, HookHeaders headers, String pathSecret) {
        return trust(tenantId, tenant).hasCredential();
    }

    @Override
    public Parsed parse(TenantCredentials tenant, HookRequest request) {
        return Bitrix24Event.parse(request, trust(request.tenant(), tenant), tenant.bitrix24LeadEntity());
    }

    /** An installation counts only for a tenant the tenants file still names as a Bitrix24 tenant. */
    private Bitrix24Trust trust(String tenantId, TenantCredentials tenant) {
        Bitrix24Installation installed =
                tenant.crm() != null && KIND.equals(tenant.crm().kind())
                        ? installations.find(tenantId).orElse(null)
                        : null;
        return new Bitrix24Trust(tenant.bitrix24ApplicationToken(), tenant.bitrix24MemberId(), installed);
    }

    @Override
    public byte[] archivable(byte[] body) {
        return FormRedactor.redact(body, CREDENTIAL_FIELDS);
    }
}
