package io.slotbridge.gateway.ingest.domain;

import io.slotbridge.contracts.ingress.IngressSource;
import java.util.Locale;
import java.util.Set;

/** One sender of webhooks: how it authenticates, what it sends, and how its body becomes contract records. */
public interface WebhookSource {

    IngressSource source();

    /** Media types accepted (compared without parameters); empty means any, e.g. Google's empty-bodied pushes. */
    Set<String> mediaTypes();

    /**
     * Authentication that needs no body: the secret path segment, or a header. Sources that authenticate by body
     * content return true here and {@link Parsed.Refused} from {@link #parse}.
     *
     * @param pathSecret the secret path segment, null for sources without one
     */
    boolean authenticates(String tenantId, TenantCredentials tenant, HookHeaders headers, String pathSecret);

    /** What authenticates this source's requests, in words for the log (never the value). */
    String credentialName();

    /** Parses a request whose body arrived in full. May throw; the caller treats any exception as unreadable. */
    Parsed parse(TenantCredentials tenant, HookRequest request);

    /** The sender's id of one delivery, if it sends one. */
    default String providerRequestId(HookHeaders headers) {
        return null;
    }

    /** The body as it may be archived: sources whose bodies carry credentials replace them. */
    default byte[] archivable(byte[] body) {
        return body;
    }

    default boolean acceptsMediaType(String contentType) {
        if (mediaTypes().isEmpty()) {
            return true;
        }
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String bare = (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .strip()
                .toLowerCase(Locale.ROOT);
        return mediaTypes().contains(bare);
    }
}
