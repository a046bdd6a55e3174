package io.slotbridge.crmconnector.app;

import io.slotbridge.crmconnector.config.TenantSettings;
import java.time.Instant;
import java.util.Map;

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

    /**
     * A CRM whose application install connects the account by itself: the CRM posts an install event with the tokens
     * to {@code POST /connect/<kind>/<tenant>/install} (Bitrix24 {@code ONAPPINSTALL}).
     */
    interface AppInstall {

        /** The {@code crm.kind} whose install events this handles. */
        String kind();

        /**
         * Verifies the posted install event (it is not signed), stores its tokens encrypted, publishes the
         * installation and binds our event handlers.
         *
         * @param form the form fields by their bracketed names ({@code auth[member_id]})
         * @throws InstallRefused when the event is not a genuine install of the tenant's account; nothing is stored
         */
        Installed install(String tenant, TenantSettings settings, Map<String, String> form);
    }

    /** The CRM's application uninstall event, posted to {@code /connect/<crm>/<tenant>/uninstall}. */
    interface AppUninstall {

        /** The {@code crm.kind} whose uninstall events this handles. */
        String kind();

        /**
         * Verifies the posted uninstall event against the stored installation, then forgets the installation and
         * the tenant's tokens and publishes the uninstall.
         *
         * @param form the form fields by their bracketed names ({@code auth[member_id]})
         * @return the member id of the portal the application was removed from
         * @throws InstallRefused when the event does not name the stored installation; nothing changes
         */
        String uninstall(String tenant, Map<String, String> form);
    }

    /**
     * @param handlersProblem null when our event handlers are bound, else why not (the install itself stands; the
     *     administrator installs the handlers again with {@code POST /admin/tenants/<tenant>/webhooks})
     */
    record Installed(String memberId, Instant tokenExpiresAt, String handlersProblem) {}

    /** An install event refused: answered with {@code status} and {@code reason} (which never contains a token). */
    final class InstallRefused extends RuntimeException {

        private final int status;

        public InstallRefused(int status, String reason) {
            super(reason, null, false, false);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
