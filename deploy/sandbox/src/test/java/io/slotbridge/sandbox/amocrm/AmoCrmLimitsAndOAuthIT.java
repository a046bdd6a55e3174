package io.slotbridge.sandbox.amocrm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.slotbridge.sandbox.SandboxIntegrationTest;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriComponentsBuilder;

class AmoCrmLimitsAndOAuthIT extends SandboxIntegrationTest {

    @Test
    void seven_requests_per_second_then_429_and_repeated_excess_blocks_the_account_with_nginx_403() {
        String account = unique("amo");
        call("POST", "/sandbox/amocrm/" + account, null, null, null);
        clock.freeze(); // no refill: exactly the bucket's seven requests pass
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            statuses.add(get(leads(account), ADMIN).status());
        }
        assertThat(statuses).containsOnly(204);

        Answer limited = get(leads(account), ADMIN);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.contentType()).startsWith("application/problem+json");

        Answer last = limited;
        for (int i = 0; i < 30 && last.status() == 429; i++) {
            last = get(leads(account), ADMIN);
        }
        assertThat(last.status()).isEqualTo(403);
        assertThat(last.contentType()).startsWith("text/html");
        assertThat(last.body()).contains("<center><h1>403 Forbidden</h1></center>", "nginx");

        // Blocked means every call, whoever makes it, until the block period is over.
        clock.advance(Duration.ofSeconds(30));
        assertThat(get("/amocrm/" + account + "/api/v4/leads/pipelines", ADMIN).status())
                .isEqualTo(403);
        clock.advance(Duration.ofMinutes(1));
        assertThat(get("/amocrm/" + account + "/api/v4/leads/pipelines", ADMIN).status())
                .isEqualTo(200);

        JsonNode stats = get("/sandbox/stats", null).json().path("amocrm");
        assertThat(stats.path("status429").asLong()).isPositive();
        assertThat(stats.path("status403").asLong()).isPositive();
    }

    @Test
    void oauth_code_exchange_then_single_use_refresh_tokens_and_24_hour_access_tokens() {
        String account = unique("amo");
        call("POST", "/sandbox/amocrm/" + account, null, null, null);

        Answer consent = get(
                "/amocrm/" + account + "/oauth?client_id=integration-1&state=s1&redirect_uri="
                        + "http://localhost:8080/connect/amocrm/demo/callback",
                null);
        assertThat(consent.status()).isEqualTo(302);
        URI location = URI.create(consent.headers().firstValue("Location").orElseThrow());
        var query = UriComponentsBuilder.fromUri(location).build().getQueryParams();
        assertThat(location.getPath()).isEqualTo("/connect/amocrm/demo/callback");
        assertThat(query.getFirst("state")).isEqualTo("s1");
        String code = query.getFirst("code");

        JsonNode first = token(
                        account,
                        """
                {"client_id":"integration-1","client_secret":"x","grant_type":"authorization_code","code":"%s",
                 "redirect_uri":"http://localhost:8080/connect/amocrm/demo/callback"}"""
                                .formatted(code))
                .json();
        assertThat(first.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(first.path("expires_in").asLong()).isEqualTo(86_400);
        String access = first.path("access_token").asText();
        assertThat(get(leads(account), "Bearer " + access).status()).isEqualTo(204);
        // A code works once.
        assertThat(token(
                                account,
                                "{\"client_id\":\"integration-1\",\"grant_type\":\"authorization_code\",\"code\":\""
                                        + code + "\"}")
                        .status())
                .isEqualTo(400);
        // Tokens are per account.
        assertThat(get("/amocrm/demo/api/v4/leads/pipelines", "Bearer " + access)
                        .status())
                .isEqualTo(401);

        String refresh = first.path("refresh_token").asText();
        Answer rotated = token(account, refreshBody(refresh));
        assertThat(rotated.status()).isEqualTo(200);
        assertThat(rotated.json().path("refresh_token").asText()).isNotEqualTo(refresh);

        Answer reused = token(account, refreshBody(refresh));
        assertThat(reused.status()).isEqualTo(401);
        assertThat(reused.contentType()).startsWith("application/problem+json");
        assertThat(reused.json().path("hint").asText()).isEqualTo("Token has been revoked");
        assertThat(reused.json().path("type").asText())
                .isEqualTo("https://developers.amocrm.ru/v3/errors/OAuthProblemJson");

        String newAccess = rotated.json().path("access_token").asText();
        clock.advance(Duration.ofHours(23));
        assertThat(get(leads(account), "Bearer " + newAccess).status()).isEqualTo(204);
        clock.advance(Duration.ofHours(1));
        assertThat(get(leads(account), "Bearer " + newAccess).status()).isEqualTo(401);
        // The admin token never expires.
        assertThat(get(leads(account), ADMIN).status()).isEqualTo(204);
    }

    @Test
    void token_expiry_fault_expires_issued_tokens_now() {
        String account = unique("amo");
        call("POST", "/sandbox/amocrm/" + account, null, null, null);
        URI location =
                URI.create(get("/amocrm/" + account + "/oauth?client_id=c&redirect_uri=http://localhost/cb", null)
                        .headers()
                        .firstValue("Location")
                        .orElseThrow());
        String code =
                UriComponentsBuilder.fromUri(location).build().getQueryParams().getFirst("code");
        String access = token(
                        account,
                        "{\"client_id\":\"c\",\"grant_type\":\"authorization_code\",\"code\":\"" + code + "\"}")
                .json()
                .path("access_token")
                .asText();
        assertThat(get(leads(account), "Bearer " + access).status()).isEqualTo(204);

        call("POST", "/sandbox/faults/amocrm/expire-tokens", null, null, null);

        assertThat(get(leads(account), "Bearer " + access).status()).isEqualTo(401);
    }

    private Answer token(String account, String body) {
        return json("POST", "/amocrm/" + account + "/oauth2/access_token", null, body);
    }

    private static String refreshBody(String refresh) {
        return """
                {"client_id":"integration-1","client_secret":"x","grant_type":"refresh_token","refresh_token":"%s",
                 "redirect_uri":"http://localhost:8080/connect/amocrm/demo/callback"}"""
                .formatted(refresh);
    }

    private static String leads(String account) {
        return "/amocrm/" + account + "/api/v4/leads";
    }
}
