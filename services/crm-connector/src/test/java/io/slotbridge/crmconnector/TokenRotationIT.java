package io.slotbridge.crmconnector;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static io.slotbridge.crmconnector.AmoCrmStubs.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.slotbridge.crmconnector.amocrm.AmoCrmAdapter;
import io.slotbridge.crmconnector.app.CrmAccount;
import io.slotbridge.crmconnector.app.CrmAccounts;
import io.slotbridge.crmconnector.store.TokenStore;
import io.slotbridge.platform.admin.AdminAccess;
import io.slotbridge.platform.test.SharedKafka;
import io.slotbridge.platform.test.SharedPostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * OAuth for tenant {@code it-oauth}: the connect flow stores tokens encrypted; single-use refresh tokens are never spent
 * twice, neither by two threads nor by two service instances sharing the database; a 401 costs one refresh and one
 * retry.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TokenRotationIT extends CrmConnectorIT {

    static final String TENANT = "it-oauth";
    static final String TOKEN_PATH = "/amocrm/" + TENANT + "/oauth2/access_token";

    @Autowired
    MockMvc mvc;

    @Autowired
    AdminAccess adminAccess;

    @Autowired
    AmoCrmAdapter amo;

    @Autowired
    CrmAccounts accounts;

    @Autowired
    TokenStore tokens;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @Order(1)
    void the_connect_flow_redirects_with_a_single_use_state_and_stores_the_tokens_encrypted() throws Exception {
        tokenEndpoint("\"code\":\"auth-code-1\"", "A1", "R1");
        String ticket = adminAccess.issueTicket("connect-amocrm", TENANT, Duration.ofMinutes(5));

        mvc.perform(get("/connect/amocrm/" + TENANT).param("ticket", "forged.ticket"))
                .andExpect(status().isUnauthorized());
        MvcResult redirect = mvc.perform(get("/connect/amocrm/" + TENANT).param("ticket", ticket))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", org.hamcrest.Matchers.containsString("client_id=it-client")))
                .andReturn();
        Matcher state =
                Pattern.compile("state=([^&]+)").matcher(redirect.getResponse().getHeader("Location"));
        assertThat(state.find()).isTrue();

        mvc.perform(get("/connect/amocrm/" + TENANT + "/callback")
                        .param("code", "auth-code-1")
                        .param("state", state.group(1)))
                .andExpect(status().isOk());
        mvc.perform(get("/connect/amocrm/" + TENANT + "/callback")
                        .param("code", "auth-code-1")
                        .param("state", state.group(1)))
                .andExpect(status().isBadRequest());

        String stored = jdbc.queryForObject(
                "select access_token || ' ' || refresh_token from crm_token where tenant = ?", String.class, TENANT);
        // both columns are sealed (a two-letter token may appear inside random ciphertext, so compare whole values)
        assertThat(stored.split(" "))
                .hasSize(2)
                .allSatisfy(column -> assertThat(column).startsWith("sb1:").isNotIn("A1", "R1"));
        assertThat(tokens.find("amocrm", TENANT).orElseThrow().refreshToken()).isEqualTo("R1");
        assertThat(amo.currentToken(accounts.get(TENANT))).isEqualTo("A1");
    }

    @Test
    @Order(2)
    void two_threads_refreshing_after_the_same_401_spend_the_refresh_token_once() throws Exception {
        tokenEndpoint("\"refresh_token\":\"R1\"", "A2", "R2");
        CrmAccount account = accounts.get(TENANT);

        List<String> fresh = concurrently(2, () -> amo.refreshAfterRejection(account, "A1"));

        assertThat(fresh).containsOnly("A2");
        assertThat(tokenCalls("\"refresh_token\":\"R1\"")).isEqualTo(1);
        assertThat(tokens.find("amocrm", TENANT).orElseThrow().refreshToken()).isEqualTo("R2");
    }

    @Test
    @Order(3)
    void two_service_instances_sharing_the_database_spend_the_refresh_token_once() throws Exception {
        tokenEndpoint("\"refresh_token\":\"R2\"", "A3", "R3");
        try (ConfigurableApplicationContext second = secondInstance()) {
            AmoCrmAdapter otherAmo = second.getBean(AmoCrmAdapter.class);
            CrmAccount otherAccount = second.getBean(CrmAccounts.class).get(TENANT);
            CrmAccount account = accounts.get(TENANT);
            CyclicBarrier start = new CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<String> here = pool.submit(() -> {
                    start.await();
                    return amo.refreshAfterRejection(account, "A2");
                });
                Future<String> there = pool.submit(() -> {
                    start.await();
                    return otherAmo.refreshAfterRejection(otherAccount, "A2");
                });
                assertThat(List.of(here.get(), there.get())).containsOnly("A3");
            } finally {
                pool.shutdownNow();
            }
        }
        assertThat(tokenCalls("\"refresh_token\":\"R2\"")).isEqualTo(1);
    }

    @Test
    @Order(4)
    void a_401_costs_one_refresh_and_one_retry() {
        tokenEndpoint("\"refresh_token\":\"R3\"", "A4", "R4");
        WIREMOCK.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(api(TENANT, "/api/v4/leads/pipelines"))
                .atPriority(1)
                .withHeader("Authorization", equalTo("Bearer A3"))
                .willReturn(AmoCrmStubs.problem(401, "Unauthorized", "Неверный логин или пароль")));

        var metadata = accounts.get(TENANT).api().readMetadata();

        assertThat(metadata.pipelines()).isNotEmpty();
        assertThat(tokenCalls("\"refresh_token\":\"R3\"")).isEqualTo(1);
        var pipelineCalls = requests(TENANT, "GET", "/api/v4/leads/pipelines");
        assertThat(pipelineCalls).hasSize(2);
        assertThat(pipelineCalls.get(1).getRequest().getHeader("Authorization")).isEqualTo("Bearer A4");
    }

    @Test
    @Order(5)
    void a_refused_refresh_token_marks_the_tenant_needs_reauth() {
        // R1 was spent by the refresh of order 2: amoCRM answers "Token has been revoked"
        tokens.save("amocrm", TENANT, "A-OLD", "R1", java.time.Instant.now().plusSeconds(60), java.time.Instant.now());
        CrmAccount account = accounts.get(TENANT);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> amo.refreshAfterRejection(account, "A-OLD"))
                .isInstanceOf(io.slotbridge.crmconnector.app.NotConnectedException.class);

        assertThat(tokens.find("amocrm", TENANT).orElseThrow().needsReauth()).isTrue();
        assertThat(account.health().status()).isEqualTo("needs-reauth");
    }

    /** The token endpoint accepts each refresh token (or code) once and answers amoCRM's "revoked" problem after. */
    static void tokenEndpoint(String bodyMarker, String access, String refresh) {
        String scenario = "token-" + bodyMarker;
        WIREMOCK.stubFor(post(com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(TOKEN_PATH))
                .withRequestBody(containing(bodyMarker))
                .inScenario(scenario)
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withFixedDelay(300)
                        .withBody("{\"token_type\":\"Bearer\",\"expires_in\":86400,\"access_token\":\"" + access
                                + "\",\"refresh_token\":\"" + refresh + "\"}"))
                .willSetStateTo("spent"));
        WIREMOCK.stubFor(post(com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(TOKEN_PATH))
                .withRequestBody(containing(bodyMarker))
                .inScenario(scenario)
                .whenScenarioStateIs("spent")
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"hint\":\"Token has been revoked\",\"title\":\"Некорректный запрос\","
                                + "\"type\":\"https://developers.amocrm.ru/v3/errors/OAuthProblemJson\",\"status\":401,"
                                + "\"detail\":\"В запросе отсутствует ряд параметров или параметры невалидны\"}")));
    }

    static long tokenCalls(String bodyMarker) {
        return WIREMOCK.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals(TOKEN_PATH))
                .filter(e -> e.getRequest().getBodyAsString().contains(bodyMarker))
                .count();
    }

    static List<String> concurrently(int threads, Callable<String> work) throws Exception {
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return work.call();
                }));
            }
            List<String> results = new ArrayList<>();
            for (Future<String> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Another crm-connector instance on the same database (no web server, no listeners). */
    static ConfigurableApplicationContext secondInstance() {
        return CrmConnectorApplication.application()
                // command-line arguments: they outrank crm-connector.yml, as the test needs
                .run(
                        "--spring.main.web-application-type=none",
                        "--SLOTBRIDGE_TENANTS_FILE=src/test/resources/it-tenants.yml",
                        "--it.wiremock.url=" + WIREMOCK.baseUrl(),
                        "--spring.kafka.bootstrap-servers=" + SharedKafka.bootstrapServers(),
                        "--spring.datasource.url=" + SharedPostgres.jdbcUrl(),
                        "--spring.datasource.username=" + SharedPostgres.USER,
                        "--spring.datasource.password=",
                        "--slotbridge.crypto.keys=k1:MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
                        "--slotbridge.crm-connector.listeners-enabled=false",
                        "--slotbridge.crm-connector.sweep.enabled=false",
                        "--slotbridge.crm-connector.report-interval=P1D");
    }
}
