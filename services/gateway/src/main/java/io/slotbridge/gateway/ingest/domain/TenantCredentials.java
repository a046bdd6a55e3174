package io.slotbridge.gateway.ingest.domain;

import io.slotbridge.platform.crypto.Secrets;

/**
 * The part of a tenant's configuration ({@code slotbridge.tenants.<id>}, docs/tenant-configuration.md) the gateway
 * needs to authenticate webhooks. Every other key of the shared tenant file is ignored. Nothing here prints a secret.
 */
public record TenantCredentials(Crm crm, Calendar calendar, Messaging messaging) {

    /** A tenant without any credentials: every check against it fails. Used for unknown tenants. */
    public static final TenantCredentials NONE = new TenantCredentials(null, null, null);

    /**
     * @param kind {@code amocrm} or {@code bitrix24}
     * @param account amoCRM subdomain / Bitrix24 portal
     * @param webhookSecret amoCRM: the secret path segment of {@code /hooks/amocrm/{tenant}/{secret}}
     * @param applicationToken Bitrix24: {@code auth[application_token]} of events
     * @param memberId Bitrix24 (optional): {@code auth[member_id]} of events
     * @param entity Bitrix24: which CRM entity is "the lead" ({@code deal} or {@code lead}); default {@code deal}
     */
    public record Crm(
            String kind,
            String account,
            String webhookSecret,
            String applicationToken,
            String memberId,
            String entity) {

        @Override
        public String toString() {
            return "Crm[kind=" + kind + ", account=" + account + ", webhookSecret=" + Secrets.mask(webhookSecret)
                    + ", applicationToken=" + Secrets.mask(applicationToken) + ", memberId=" + memberId
                    + ", entity=" + entity + "]";
        }
    }

    /** @param pushSecret HMAC key of Google watch-channel tokens (platform {@code ChannelTokens}) */
    public record Calendar(String pushSecret) {

        @Override
        public String toString() {
            return "Calendar[pushSecret=" + Secrets.mask(pushSecret) + "]";
        }
    }

    public record Messaging(Wazzup wazzup) {}

    /** @param webhookSecret the secret path segment of {@code /hooks/wazzup/{tenant}/{secret}} */
    public record Wazzup(String webhookSecret) {

        @Override
        public String toString() {
            return "Wazzup[webhookSecret=" + Secrets.mask(webhookSecret) + "]";
        }
    }

    public String amoCrmWebhookSecret() {
        return crm == null ? null : crm.webhookSecret();
    }

    public String crmAccount() {
        return crm == null ? null : crm.account();
    }

    public String bitrix24ApplicationToken() {
        return crm == null ? null : crm.applicationToken();
    }

    public String bitrix24MemberId() {
        return crm == null || crm.memberId() == null || crm.memberId().isBlank() ? null : crm.memberId();
    }

    public String bitrix24LeadEntity() {
        return crm == null || crm.entity() == null || crm.entity().isBlank() ? "deal" : crm.entity();
    }

    public String googlePushSecret() {
        return calendar == null ? null : calendar.pushSecret();
    }

    public String wazzupWebhookSecret() {
        return messaging == null || messaging.wazzup() == null
                ? null
                : messaging.wazzup().webhookSecret();
    }
}
