package io.slotbridge.crmconnector.bitrix24;

import io.slotbridge.contracts.RejectionCode;
import io.slotbridge.crmconnector.app.CrmApiException;
import io.slotbridge.crmconnector.app.NotConnectedException;
import io.slotbridge.crmconnector.config.TenantSettings;

/**
 * How calls to one portal authenticate. {@code webhook-url}: the portal's inbound webhook
 * ({@code https://portal/rest/<user>/<code>/}), the code in the path and no {@code auth} parameter.
 * {@code static-token}: a fixed {@code auth} parameter on {@code <base-url>/rest/} (the sandbox, tests). OAuth apps
 * (refresh on {@code expired_token}) are not in this build.
 */
final class Bitrix24Credentials {

    /** Where to send calls and the {@code auth} parameter to add (null for webhook URLs). */
    record Access(String restBase, String authParameter) {
        @Override
        public String toString() {
            return "Access[restBase=" + restBase.replaceAll("/rest/(\\d+)/[^/]+/", "/rest/$1/***/") + "]";
        }
    }

    private final String tenant;
    private final TenantSettings.Crm crm;

    Bitrix24Credentials(String tenant, TenantSettings.Crm crm) {
        this.tenant = tenant;
        this.crm = crm;
    }

    String mode() {
        return crm.auth() == null ? "oauth" : crm.auth().modeOrDefault();
    }

    /** Whether {@code event.bind} is possible: Bitrix24 allows it only in an application's context. */
    boolean canBindEvents() {
        return !mode().equals("webhook-url");
    }

    Access current() {
        switch (mode()) {
            case "webhook-url": {
                String url = required(crm.auth().webhookUrl(), "crm.auth.webhook-url");
                return new Access(url.endsWith("/") ? url : url + "/", null);
            }
            case "static-token":
                return new Access(restBase(), required(crm.auth().staticToken(), "crm.auth.static-token"));
            default:
                throw new NotConnectedException("tenant " + tenant + ": crm.auth.mode '" + mode()
                        + "' is not supported for Bitrix24 in this build (webhook-url, static-token)");
        }
    }

    /** Neither a webhook URL nor a static token can be refreshed: the administrator has to replace it. */
    Access refreshAfterExpiry(Access expired, CrmApiException why) {
        throw new CrmApiException(
                RejectionCode.FORBIDDEN,
                why.reason() + "; the configured " + mode() + " of tenant " + tenant
                        + " has expired, an administrator has to replace it",
                false,
                401);
    }

    private String restBase() {
        String base = required(crm.baseUrl(), "crm.base-url");
        return (base.endsWith("/") ? base : base + "/") + "rest/";
    }

    private String required(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new NotConnectedException("tenant " + tenant + ": " + key + " is not set");
        }
        return value;
    }
}
