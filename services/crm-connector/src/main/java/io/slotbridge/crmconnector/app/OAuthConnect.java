package io.slotbridge.crmconnector.app;

import io.slotbridge.crmconnector.config.TenantSettings;
import java.time.Instant;

/** A CRM whose accounts connect by the OAuth authorization-code flow ({@code /connect/<kind>/<tenant>}). */
public interface OAuthConnect {

    /** The {@code crm.kind} this flow connects, also the path segment and the ticket purpose's suffix. */
    String kind();

    /** For pages: "amoCRM", "Bitrix24". */
    String displayName();

    /** The consent page the connect flow redirects to. */
    String authorizeUrl(TenantSettings settings, String state);

    /** Exchanges the authorization code for the first token pair, stores it encrypted, returns its expiry. */
    Instant completeConnect(String tenant, TenantSettings settings, String code);
}
