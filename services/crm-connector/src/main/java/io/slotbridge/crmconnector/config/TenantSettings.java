package io.slotbridge.crmconnector.config;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The crm-connector's view of one tenant of the shared tenants file (docs/tenant-configuration.md); keys it does not
 * need are ignored.
 */
public record TenantSettings(
        String displayName,
        ZoneId timeZone,
        Crm crm,
        Map<String, String> stages,
        Map<String, String> fields,
        Map<String, String> lossReasons,
        List<Person> people) {

    public TenantSettings {
        timeZone = timeZone == null ? ZoneId.of("Europe/Moscow") : timeZone;
        stages = stages == null ? Map.of() : Map.copyOf(stages);
        fields = fields == null ? Map.of() : Map.copyOf(fields);
        lossReasons = lossReasons == null ? Map.of() : Map.copyOf(lossReasons);
        people = people == null ? List.of() : List.copyOf(people);
    }

    /**
     * @param kind {@code amocrm} or {@code bitrix24}
     * @param account amoCRM subdomain / Bitrix24 portal
     * @param webhookSecret amoCRM: secret path segment of the gateway's webhook URL
     * @param requestsPerSecond the API budget of the account
     * @param burst Bitrix24 leaky-bucket size; amoCRM counts per second, so its requests are spaced evenly instead
     * @param pipeline default pipeline name
     * @param entity Bitrix24: {@code deal} (default) or {@code lead}, the entity the tenant calls its lead
     * @param lossReasonField Bitrix24: label of the deal/lead list field holding the loss reason (Bitrix24 has no
     *     loss reason of its own); its options are the loss reasons
     */
    public record Crm(
            String kind,
            String baseUrl,
            String cardUrlTemplate,
            String account,
            String webhookSecret,
            String applicationToken,
            String memberId,
            String entity,
            Auth auth,
            Double requestsPerSecond,
            Integer burst,
            String pipeline,
            String lossReasonField) {

        public double requestsPerSecondOrDefault() {
            return requestsPerSecond == null || requestsPerSecond <= 0 ? 7.0 : requestsPerSecond;
        }

        @Override
        public String toString() {
            return "Crm[kind=" + kind + ", baseUrl=" + baseUrl + ", account=" + account + ", auth=" + auth
                    + ", requestsPerSecond=" + requestsPerSecond + ", pipeline=" + pipeline + "]";
        }
    }

    /**
     * @param mode {@code oauth}, {@code long-lived-token}, {@code static-token} (sandbox, tests) or {@code webhook-url}
     *     (Bitrix24)
     * @param authorizeUrl amoCRM's consent page; {@code https://www.amocrm.ru/oauth} unless set (Kommo, sandbox);
     *     Bitrix24: {@code <base-url>/oauth/authorize/} unless set
     * @param tokenUrl Bitrix24's OAuth server token endpoint; {@code https://oauth.bitrix.info/oauth/token/} unless set
     *     (RU portals: {@code https://oauth.bitrix24.tech/oauth/token/})
     */
    public record Auth(
            String mode,
            String clientId,
            String clientSecret,
            String redirectUri,
            String longLivedToken,
            String staticToken,
            String webhookUrl,
            String authorizeUrl,
            String tokenUrl) {

        public String modeOrDefault() {
            return mode == null ? "oauth" : mode;
        }

        @Override
        public String toString() {
            return "Auth[mode=" + mode + ", clientId=" + clientId + ", redirectUri=" + redirectUri + ", secrets=***]";
        }
    }

    /** @param role expert, curator, call-centre… */
    public record Person(String name, String email, String role) {}
}
