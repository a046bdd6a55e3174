package io.slotbridge.gateway.bitrix24.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotbridge.contracts.ProviderFixtures;
import io.slotbridge.contracts.crm.CrmAppInstalled;
import io.slotbridge.contracts.crm.LeadChangeNoticed;
import io.slotbridge.contracts.ingress.IngressSource;
import io.slotbridge.gateway.ingest.domain.HookHeaders;
import io.slotbridge.gateway.ingest.domain.Parsed;
import io.slotbridge.gateway.ingest.domain.TenantCredentials;
import io.slotbridge.gateway.ingest.domain.TestRequests;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Events of a tenant that has no token in the tenants file, authenticated by its verified application install. */
public class Bitrix24InstalledEventsTest {

    static final String TENANT = "b24-installed";
    static final String TOKEN = "c7d7b0a1e2f3a4b5c6d7e8f9a0b1c2d3";
    static final String MEMBER = "9a1f68a4c3b0e1d2f7a6b5c4d3e2f1a0";

    static final TenantCredentials NO_TOKEN =
            new TenantCredentials(new TenantCredentials.Crm("bitrix24", TENANT, null, null, null, "deal"), null, null);

    final Bitrix24Source installed = new Bitrix24Source(tenant -> TENANT.equals(tenant)
            ? Optional.of(new Bitrix24Installation(MEMBER, CrmAppInstalled.digestOf(TOKEN)))
            : Optional.empty());

    /**
     * ONAPPINSTALL as Bitrix24 posts it to an application's event handler (field set of mesilov/bitrix24-php-sdk#296:
     * data VERSION/ACTIVE/INSTALLED/LANGUAGE_ID, auth with the OAuth pair and the application token).
     */
    public static String appInstallBody(String applicationToken, String member) {
        return "event=ONAPPINSTALL&data%5BVERSION%5D=1&data%5BACTIVE%5D=Y&data%5BINSTALLED%5D=Y"
                + "&data%5BLANGUAGE_ID%5D=ru&ts=1655823961&auth%5Baccess_token%5D=69ecb0000000a1b2c3d4e5f6"
                + "&auth%5Bexpires%5D=1655827561&auth%5Bexpires_in%5D=3600&auth%5Bscope%5D=crm"
                + "&auth%5Bdomain%5D=b24-installed.bitrix24.ru&auth%5Bserver_endpoint%5D=https%3A%2F%2Foauth.bitrix.info%2Frest%2F"
                + "&auth%5Bstatus%5D=L&auth%5Bclient_endpoint%5D=https%3A%2F%2Fb24-installed.bitrix24.ru%2Frest%2F"
                + "&auth%5Bmember_id%5D=" + member + "&auth%5Buser_id%5D=1"
                + "&auth%5Brefresh_token%5D=596bd962005bd0000000a1b2c3d4e5f6&auth%5Bapplication_token%5D="
                + applicationToken;
    }

    @Test
    void the_install_event_itself_is_understood_without_hints_and_archived_without_any_token() {
        String body = appInstallBody(TOKEN, MEMBER);

        assertThat(parse(body)).isInstanceOfSatisfying(Parsed.Understood.class, u -> assertThat(u.records())
                .isEmpty());
        String archived =
                new String(installed.archivable(body.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        assertThat(archived)
                .doesNotContain(TOKEN)
                .doesNotContain("69ecb0000000a1b2c3d4e5f6")
                .doesNotContain("596bd962005bd0000000a1b2c3d4e5f6");
    }

    @Test
    void a_deal_event_with_the_installed_token_and_member_is_a_hint_and_any_other_token_or_member_is_refused() {
        String deal = TestRequests.formBodyOfJson(ProviderFixtures.body("bitrix24/crm-deal-update-app-event.json.txt"))
                .replace("51856fefc120afa4b628cc82d3935cce", TOKEN)
                .replace("a223c6b3710f85df22e9377d6c4f7553", MEMBER);

        assertThat(parse(deal)).isInstanceOfSatisfying(Parsed.Understood.class, u -> assertThat(
                        ((LeadChangeNoticed) u.records().get(0).record()).kafkaKey())
                .isEqualTo(TENANT + ":759"));
        assertThat(parse(deal.replace(TOKEN, "c7d7b0a1e2f3a4b5c6d7e8f9a0b1c2d4")))
                .isInstanceOf(Parsed.Refused.class);
        assertThat(parse(deal.replace(MEMBER, "0000000000000000ffffffffffffffff")))
                .isInstanceOf(Parsed.Refused.class);
        assertThat(parse(appInstallBody("", MEMBER))).isInstanceOf(Parsed.Refused.class);
    }

    @Test
    void without_a_token_in_the_file_only_an_installed_bitrix24_tenant_authenticates() {
        HookHeaders none = HookHeaders.ofSingle(Map.of());
        TenantCredentials amoCrm = new TenantCredentials(
                new TenantCredentials.Crm("amocrm", TENANT, "secret", null, null, null), null, null);

        assertThat(installed.authenticates(TENANT, NO_TOKEN, none, null)).isTrue();
        assertThat(installed.authenticates("other", NO_TOKEN, none, null)).isFalse();
        assertThat(installed.authenticates(TENANT, amoCrm, none, null)).isFalse();
        assertThat(installed.authenticates(TENANT, TenantCredentials.NONE, none, null))
                .isFalse();
        assertThat(new Bitrix24Source().authenticates(TENANT, NO_TOKEN, none, null))
                .isFalse();
    }

    private Parsed parse(String body) {
        return installed.parse(NO_TOKEN, TestRequests.request(IngressSource.BITRIX24, TENANT, body, null));
    }
}
