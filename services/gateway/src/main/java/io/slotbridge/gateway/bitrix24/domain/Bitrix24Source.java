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
 * so authentication happens while parsing. The archived body has the token and any OAuth tokens masked.
 */
public final class Bitrix24Source implements WebhookSource {

    static final Set<String> CREDENTIAL_FIELDS =
            Set.of("auth[application_token]", "auth[access_token]", "auth[refresh_token]");

    @Override
    public IngressSource source() {
        return IngressSource.BITRIX24;
    }

    @Override
    public String credentialName() {
        return "crm.application-token configuration";
    }

    @Override
    public Set<String> mediaTypes() {
        return Set.of("application/x-www-form-urlencoded");
    }

    @Override
    public boolean authenticates(String tenantId, TenantCredentials tenant, HookHeaders headers, String pathSecret) {
        return tenant.bitrix24ApplicationToken() != null;
    }

    @Override
    public Parsed parse(TenantCredentials tenant, HookRequest request) {
        return Bitrix24Event.parse(
                request, tenant.bitrix24ApplicationToken(), tenant.bitrix24MemberId(), tenant.bitrix24LeadEntity());
    }

    @Override
    public byte[] archivable(byte[] body) {
        return FormRedactor.redact(body, CREDENTIAL_FIELDS);
    }
}
