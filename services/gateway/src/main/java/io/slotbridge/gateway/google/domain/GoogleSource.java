package io.slotbridge.gateway.google.domain;

import io.slotbridge.contracts.ingress.IngressSource;
import io.slotbridge.gateway.ingest.domain.HookHeaders;
import io.slotbridge.gateway.ingest.domain.HookRequest;
import io.slotbridge.gateway.ingest.domain.Parsed;
import io.slotbridge.gateway.ingest.domain.TenantCredentials;
import io.slotbridge.gateway.ingest.domain.WebhookSource;
import io.slotbridge.platform.crypto.ChannelTokens;
import java.util.Set;

/**
 * Google Calendar push: the channel token is HMAC(push-secret, tenant, channel id), so the gateway verifies any
 * channel the calendar-connector opened without sharing its database.
 */
public final class GoogleSource implements WebhookSource {

    private static final String DECOY = "no-push-secret-configured";

    @Override
    public IngressSource source() {
        return IngressSource.GOOGLE;
    }

    @Override
    public String credentialName() {
        return "X-Goog-Channel-Token (calendar.push-secret)";
    }

    @Override
    public Set<String> mediaTypes() {
        return Set.of(); // Google sends an empty body, often with an empty Content-Type
    }

    @Override
    public boolean authenticates(String tenantId, TenantCredentials tenant, HookHeaders headers, String pathSecret) {
        String secret = tenant.googlePushSecret();
        // an unknown tenant costs the same HMAC as a wrong token
        boolean valid = ChannelTokens.verify(
                secret == null ? DECOY : secret,
                tenantId,
                headers.get(GooglePush.CHANNEL_ID),
                headers.get(GooglePush.CHANNEL_TOKEN));
        return secret != null && valid;
    }

    @Override
    public Parsed parse(TenantCredentials tenant, HookRequest request) {
        return GooglePush.parse(request);
    }

    @Override
    public String providerRequestId(HookHeaders headers) {
        return headers.get(GooglePush.MESSAGE_NUMBER);
    }
}
