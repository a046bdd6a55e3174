package io.slotbridge.crmconnector.bitrix24;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slotbridge.crmconnector.app.OAuthConnect.InstallRefused;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Bitrix24InstallEventTest {

    /** ONAPPINSTALL's fields as a form-decoded map (mesilov/bitrix24-php-sdk#296, b24-rest-docs events/index.md). */
    static Map<String, String> install(String domain, String clientEndpoint) {
        Map<String, String> form = new HashMap<>();
        form.put("event", "ONAPPINSTALL");
        form.put("data[VERSION]", "1");
        form.put("data[LANGUAGE_ID]", "ru");
        form.put("ts", "1655823961");
        form.put("auth[access_token]", "acc");
        form.put("auth[expires]", "1655827561");
        form.put("auth[expires_in]", "3600");
        form.put("auth[scope]", "crm");
        form.put("auth[domain]", domain);
        form.put("auth[server_endpoint]", "https://oauth.bitrix.info/rest/");
        form.put("auth[status]", "L");
        form.put("auth[client_endpoint]", clientEndpoint);
        form.put("auth[member_id]", "9a1f68a4c3b0e1d2f7a6b5c4d3e2f1a0");
        form.put("auth[user_id]", "1");
        form.put("auth[refresh_token]", "ref");
        form.put("auth[application_token]", "app");
        return form;
    }

    @Test
    void the_portal_must_be_the_configured_one_by_domain_and_client_endpoint() {
        String rest = "https://school.bitrix24.ru/rest/";

        assertThat(Bitrix24AppInstall.samePortal(
                        rest,
                        Bitrix24InstallEvent.parse(install("school.bitrix24.ru", "https://school.bitrix24.ru/rest/"))))
                .isTrue();
        assertThat(Bitrix24AppInstall.samePortal(
                        rest,
                        Bitrix24InstallEvent.parse(install("School.Bitrix24.ru", "https://school.bitrix24.ru/rest"))))
                .isTrue();
        assertThat(Bitrix24AppInstall.samePortal(
                        rest,
                        Bitrix24InstallEvent.parse(install("evil.bitrix24.ru", "https://school.bitrix24.ru/rest/"))))
                .isFalse();
        assertThat(Bitrix24AppInstall.samePortal(
                        rest, Bitrix24InstallEvent.parse(install("school.bitrix24.ru", "https://evil.example/rest/"))))
                .isFalse();
    }

    @Test
    void another_event_or_a_missing_token_is_a_400_that_names_what_is_wrong_without_echoing_tokens() {
        Map<String, String> uninstall = install("school.bitrix24.ru", "https://school.bitrix24.ru/rest/");
        uninstall.put("event", "ONAPPUNINSTALL\r\nforged log line");
        Map<String, String> noToken = install("school.bitrix24.ru", "https://school.bitrix24.ru/rest/");
        noToken.remove("auth[application_token]");

        assertThatThrownBy(() -> Bitrix24InstallEvent.parse(uninstall))
                .isInstanceOfSatisfying(
                        InstallRefused.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageNotContaining("\n")
                .hasMessageContaining("ONAPPUNINSTALL");
        assertThatThrownBy(() -> Bitrix24InstallEvent.parse(noToken)).hasMessageContaining("auth[application_token]");
        assertThat(Bitrix24InstallEvent.parse(install("d", "e")).toString())
                .doesNotContain("acc")
                .doesNotContain("ref");
    }
}
