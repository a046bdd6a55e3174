package io.slotbridge.crmconnector;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.slotbridge.crmconnector.Bitrix24Stubs.json;
import static io.slotbridge.crmconnector.Bitrix24Stubs.ok;
import static io.slotbridge.crmconnector.Bitrix24Stubs.rest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.slotbridge.crmconnector.app.CrmAccounts;
import io.slotbridge.crmconnector.app.NotConnectedException;
import io.slotbridge.crmconnector.store.TokenStore;
import io.slotbridge.platform.admin.AdminAccess;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A Bitrix24 portal connected as an OAuth application (tenant {@code it-b24-oauth}): the connect flow stores the tokens
 * encrypted; an {@code expired_token} answer in the middle of work costs one refresh (the rotated refresh token spent
 * once, however many threads hit the expiry) and one retry; {@code invalid_grant} marks the tenant needs-reauth.
 */
class Bitrix24OAuthIT extends CrmConnectorIT {

    static final String TENANT = "it-b24-oauth";
    static final String TOKEN_PATH = "/bitrix24/oauth/token/";

    @Autowired
    MockMvc mvc;

    @Autowired
    AdminAccess adminAccess;

    @Autowired
    CrmAccounts accounts;

    @Autowired
    TokenStore tokens;

    @Test
    void the_connect_flow_sends_the_administrator_to_the_portal_and_stores_the_tokens_it_gets_back() throws Exception {
        tokenEndpoint("authorization_code", "code", "c0de-1", "ACC-1", "REF-1");
        String ticket = adminAccess.issueTicket("connect-bitrix24", TENANT, Duration.ofMinutes(5));

        MvcResult redirect = mvc.perform(get("/connect/bitrix24/" + TENANT).param("ticket", ticket))
                .andExpect(status().isFound())
                .andExpect(header().string(
                                "Location",
                                org.hamcrest.Matchers.startsWith(WIREMOCK.baseUrl() + "/bitrix24/" + TENANT
                                        + "/oauth/authorize/?client_id=local.it")))
                .andReturn();
        Matcher state =
                Pattern.compile("state=([^&]+)").matcher(redirect.getResponse().getHeader("Location"));
        assertThat(state.find()).isTrue();

        mvc.perform(get("/connect/bitrix24/" + TENANT + "/callback")
                        .param("code", "c0de-1")
                        .param("state", state.group(1)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Bitrix24 connected")));

        TokenStore.Tokens stored = tokens.find("bitrix24", TENANT).orElseThrow();
        assertThat(stored.refreshToken()).isEqualTo("REF-1");
        assertThat(stored.expiresAt()).isAfter(Instant.now().plusSeconds(3000));
    }

    @Test
    void an_expired_token_in_the_middle_of_work_is_refreshed_once_for_all_threads_and_the_calls_go_through()
            throws Exception {
        tokens.save("bitrix24", TENANT, "ACC-OLD", "REF-OLD", Instant.now().plusSeconds(60), Instant.now());
        tokenEndpoint("refresh_token", "refresh_token", "REF-OLD", "ACC-NEW", "REF-NEW");
        WIREMOCK.stubFor(post(urlEqualTo(rest(TENANT, "event.get")))
                .withRequestBody(matchingJsonPath("$.auth", equalTo("ACC-OLD")))
                .willReturn(json(401, Bitrix24Stubs.error("expired_token", "The access token provided has expired."))));
        WIREMOCK.stubFor(post(urlEqualTo(rest(TENANT, "event.get")))
                .withRequestBody(matchingJsonPath("$.auth", equalTo("ACC-NEW")))
                .willReturn(ok(Bitrix24Stubs.answer("[]"))));

        List<Integer> answers =
                concurrently(4, () -> accounts.get(TENANT).api().webhooks().size());

        assertThat(answers).containsOnly(0).hasSize(4);
        WIREMOCK.verify(
                1, getRequestedFor(urlPathEqualTo(TOKEN_PATH)).withQueryParam("refresh_token", equalTo("REF-OLD")));
        TokenStore.Tokens stored = tokens.find("bitrix24", TENANT).orElseThrow();
        assertThat(stored.refreshToken()).isEqualTo("REF-NEW");
        assertThat(stored.accessToken()).isEqualTo("ACC-NEW");
    }

    @Test
    void a_refused_refresh_token_marks_the_portal_needs_reauth() throws Exception {
        tokens.save("bitrix24", TENANT, "ACC-DEAD", "REF-DEAD", Instant.now().plusSeconds(60), Instant.now());
        WIREMOCK.stubFor(WireMock.get(urlPathEqualTo(TOKEN_PATH))
                .withQueryParam("refresh_token", equalTo("REF-DEAD"))
                .willReturn(json(400, Bitrix24Stubs.error("invalid_grant", "Invalid refresh token"))));
        WIREMOCK.stubFor(post(urlEqualTo(rest(TENANT, "event.get")))
                .withRequestBody(matchingJsonPath("$.auth", equalTo("ACC-DEAD")))
                .willReturn(json(401, Bitrix24Stubs.error("expired_token", "The access token provided has expired."))));

        assertThatThrownBy(() -> accounts.get(TENANT).api().webhooks())
                .isInstanceOf(NotConnectedException.class)
                .hasMessageContaining("invalid_grant");

        assertThat(tokens.find("bitrix24", TENANT).orElseThrow().needsReauth()).isTrue();
        mvc.perform(TenantAdminIT.admin(get("/admin/tenants/" + TENANT + "/status")))
                .andExpect(jsonPath("$.status").value("needs-reauth"));
    }

    /** The OAuth server's answer (shape of the Bitrix24 docs' token response). */
    private static void tokenEndpoint(String grant, String param, String value, String access, String refresh) {
        WIREMOCK.stubFor(WireMock.get(urlPathEqualTo(TOKEN_PATH))
                .withQueryParam("grant_type", equalTo(grant))
                .withQueryParam(param, equalTo(value))
                .withQueryParam("client_id", equalTo("local.it"))
                .withQueryParam("client_secret", equalTo("it-secret"))
                .willReturn(ok(Bitrix24Stubs.tokenAnswer(
                        "it-b24-oauth", "a223c6b3710f85df22e9377d6c4f7553", access, refresh))));
    }

    private static <T> List<T> concurrently(int threads, Callable<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(work));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
