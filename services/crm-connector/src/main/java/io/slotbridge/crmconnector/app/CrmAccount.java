package io.slotbridge.crmconnector.app;

import io.slotbridge.contracts.crm.CrmKind;
import io.slotbridge.crmconnector.config.TenantSettings;
import java.util.List;

/** One tenant's connected CRM account: its API and the health of the connection. */
public interface CrmAccount {

    String tenant();

    CrmKind kind();

    TenantSettings settings();

    CrmApi api();

    ConnectionHealth health();

    /** Refreshes OAuth credentials that expire soon (or would die unused); a no-op for static tokens. */
    default void refreshCredentialsIfDue() {}

    /**
     * The events to subscribe to; {@code amoCrmSettings} is the service's configured amoCRM list, which other CRMs
     * replace with their own event names.
     */
    default List<String> webhookEvents(List<String> amoCrmSettings) {
        return amoCrmSettings;
    }

    /** Where the CRM should post webhooks for this tenant (the gateway's URL with the tenant's secret). */
    String webhookDestination(String publicBaseUrl);
}
