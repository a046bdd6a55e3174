package io.slotbridge.console.common.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotbridge.contracts.ProviderFixtures;
import org.junit.jupiter.api.Test;

class SecretMaskerTest {

    @Test
    void the_amocrm_and_wazzup_webhook_path_secrets_are_hidden() {
        assertThat(SecretMasker.mask("POST /hooks/amocrm/demo/demo-secret?x=1"))
                .isEqualTo("POST /hooks/amocrm/demo/***?x=1");
        assertThat(SecretMasker.mask("{\"path\":\"/hooks/wazzup/demo/w4zzup-s3cret\"}"))
                .isEqualTo("{\"path\":\"/hooks/wazzup/demo/***\"}");
        assertThat(SecretMasker.mask("/hooks/google/demo")).isEqualTo("/hooks/google/demo");
    }

    @Test
    void bitrix24_event_bodies_lose_their_tokens_and_keep_everything_else() {
        String body = ProviderFixtures.body("bitrix24/crm-contact-add-app-event-formurlencoded.txt");

        String masked = SecretMasker.mask(body);

        assertThat(masked)
                .contains("auth%5Bapplication_token%5D=***")
                .contains("auth%5Baccess_token%5D=***")
                .contains("auth%5Bmember_id%5D=***")
                .contains("event=ONCRMCONTACTADD")
                .contains("data%5BFIELDS%5D%5BID%5D=134806")
                .doesNotContain("3c6c9248ec54af6bea1159b43ee0ab32")
                .doesNotContain("be45f0660071849a0058f18a");
    }

    @Test
    void json_members_named_like_credentials_are_hidden_but_their_expiry_is_not() {
        String json = "{\"access_token\":\"abc.def\",\"refreshToken\":\"r-1\",\"apiKey\":\"k\",\"webhookSecret\":\"s\","
                + "\"auth[application_token]\":\"t\",\"tokenExpiresAt\":\"2026-11-24T10:00:00Z\",\"name\":\"Семён\"}";

        assertThat(SecretMasker.mask(json))
                .isEqualTo(
                        "{\"access_token\":\"***\",\"refreshToken\":\"***\",\"apiKey\":\"***\",\"webhookSecret\":\"***\","
                                + "\"auth[application_token]\":\"***\",\"tokenExpiresAt\":\"2026-11-24T10:00:00Z\","
                                + "\"name\":\"Семён\"}");
    }

    @Test
    void credentials_in_headers_bearer_tokens_bot_urls_and_url_passwords_are_hidden() {
        assertThat(SecretMasker.mask("Authorization: Bearer ya29.a0Af\nX-Goog-Channel-Token: abc\nAccept: */*"))
                .isEqualTo("Authorization: ***\nX-Goog-Channel-Token: ***\nAccept: */*");
        assertThat(SecretMasker.mask("401 from https://api.example.com with Bearer eyJhbGciOi.x.y"))
                .isEqualTo("401 from https://api.example.com with Bearer ***");
        assertThat(SecretMasker.mask(
                        "I/O error on POST request for \"https://api.telegram.org/bot123456:AAH-x_y/sendMessage\""))
                .isEqualTo("I/O error on POST request for \"https://api.telegram.org/bot***/sendMessage\"");
        assertThat(SecretMasker.mask("postgres://app:hunter2@db:5432/x")).isEqualTo("postgres://***@db:5432/x");
        assertThat(SecretMasker.mask("https://portal.bitrix24.ru/rest/1/abcdef123456/crm.deal.get"))
                .isEqualTo("https://portal.bitrix24.ru/rest/1/***/crm.deal.get");
    }

    @Test
    void named_values_are_hidden_by_their_name() {
        assertThat(SecretMasker.maskNamed("Authorization", "Basic dXNlcjpwYXNz"))
                .isEqualTo("***");
        assertThat(SecretMasker.maskNamed("crm.refresh_token", "x")).isEqualTo("***");
        assertThat(SecretMasker.maskNamed("tokenExpiresAt", "2026-11-24T10:00:00Z"))
                .isEqualTo("2026-11-24T10:00:00Z");
        assertThat(SecretMasker.maskNamed("ce_type", "lead.snapshot")).isEqualTo("lead.snapshot");
    }
}
