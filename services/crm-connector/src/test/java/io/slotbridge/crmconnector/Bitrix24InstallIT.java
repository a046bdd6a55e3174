package io.slotbridge.crmconnector;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.slotbridge.crmconnector.Bitrix24Stubs.batch;
import static io.slotbridge.crmconnector.Bitrix24Stubs.json;
import static io.slotbridge.crmconnector.Bitrix24Stubs.ok;
import static io.slotbridge.crmconnector.Bitrix24Stubs.rest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.slotbridge.contracts.Topics;
import io.slotbridge.contracts.crm.CrmAppInstalled;
import io.slotbridge.contracts.crm.CrmAppUninstalled;
import io.slotbridge.contracts.crm.CrmInstallation;
import io.slotbridge.crmconnector.app.CrmAccounts;
import io.slotbridge.crmconnector.store.InstallationStore;
import io.slotbridge.crmconnector.store.TokenStore;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * A Bitrix24 application install connects the portal by itself: the portal posts {@code ONAPPINSTALL} (the field set
 * of b24-rest-docs events/index.md and mesilov/bitrix24-php-sdk#296) to {@code /connect/bitrix24/<tenant>/install};
 * a genuine one (the configured portal answers {@code app.info} to its access token, docs' answer shape) stores the
 * tokens and the application token encrypted, publishes the installation and binds the event handlers and the
 * uninstall handler. A forged one stores nothing. The portal's {@code ONAPPUNINSTALL}, verified against the stored
 * installation, deletes it with the tokens and publishes the uninstall.
 */
class Bitrix24InstallIT extends CrmConnectorIT {

    static final String TENANT = "it-b24-install";
    static final String FORGED = "it-b24-forged";
    static final String UNINSTALLED = "it-b24-uninstall";
    static final String MEMBER = "9a1f68a4c3b0e1d2f7a6b5c4d3e2f1a0";

    /** app.info's documented answer (api-reference/common/system/app-info.md). */
    static final String APP_INFO = Bitrix24Stubs.answer(
            "{\"ID\":5,\"CODE\":\"local.66f1a2b3c4d5e6.12345678\","
                    + "\"VERSION\":1,\"STATUS\":\"L\",\"INSTALLED\":true,\"PAYMENT_EXPIRED\":\"N\",\"DAYS\":null,"
                    + "\"LANGUAGE_ID\":\"ru\",\"LICENSE\":\"ru_pro100\",\"LICENSE_TYPE\":\"pro100\",\"LICENSE_FAMILY\":\"pro\"}");

    static final List<String> EVENTS =
            List.of("ONCRMDEALADD", "ONCRMDEALUPDATE", "ONCRMDEALDELETE", "ONCRMCONTACTUPDATE");

    @Autowired
    MockMvc mvc;

    @Autowired
    CrmAccounts accounts;

    @Autowired
    TokenStore tokens;

    @Autowired
    InstallationStore installations;

    @Autowired
    JdbcTemplate jdbc;

    /** Each test counts the forged tenant's app.info calls from zero, whatever ran before it. */
    @BeforeEach
    void forgetTheForgedPortalsRequests() {
        WIREMOCK.removeServeEventsMatching(
                postRequestedFor(urlEqualTo(rest(FORGED, "app.info"))).build());
    }

    @Test
    void a_genuine_install_stores_the_tokens_encrypted_publishes_the_installation_and_binds_the_handlers()
            throws Exception {
        WIREMOCK.stubFor(post(urlEqualTo(rest(TENANT, "app.info")))
                .withRequestBody(matchingJsonPath("$.auth", equalTo("INSTALL-ACC")))
                .willReturn(ok(APP_INFO)));
        WIREMOCK.stubFor(post(urlEqualTo(rest(TENANT, "event.get")))
                .withRequestBody(matchingJsonPath("$.auth", equalTo("INSTALL-ACC")))
                .willReturn(ok(Bitrix24Stubs.answer("[]"))));
        WIREMOCK.stubFor(post(urlEqualTo(rest(TENANT, "batch")))
                .withRequestBody(containing("event.bind"))
                .willReturn(ok(batch(EVENTS.stream().collect(Collectors.toMap(e -> e, e -> "true")), Map.of()))));
        WIREMOCK.stubFor(post(urlEqualTo(rest(TENANT, "batch")))
                .withRequestBody(containing("ONAPPUNINSTALL"))
                .willReturn(ok(batch(Map.of("ONAPPUNINSTALL", "true"), Map.of()))));

        install(TENANT, installEvent(TENANT, portalOf(TENANT), "c7d7b0a1e2f3a4b5c6d7e8f9a0b1c2d3", MEMBER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.memberId").value(MEMBER))
                .andExpect(jsonPath("$.handlers").value("bound"));

        TokenStore.Tokens stored = tokens.find("bitrix24", TENANT).orElseThrow();
        assertThat(stored.accessToken()).isEqualTo("INSTALL-ACC");
        assertThat(stored.refreshToken()).isEqualTo("INSTALL-REF");
        assertThat(stored.needsReauth()).isFalse();
        InstallationStore.Installation installation = installations.find(TENANT).orElseThrow();
        assertThat(installation.applicationToken()).isEqualTo("c7d7b0a1e2f3a4b5c6d7e8f9a0b1c2d3");
        assertThat(installation.memberId()).isEqualTo(MEMBER);
        Map<String, Object> row = jdbc.queryForMap(
                "select member_id, application_token from bitrix24_installation where tenant = ?", TENANT);
        assertThat((String) row.get("application_token"))
                .isNotEqualTo("c7d7b0a1e2f3a4b5c6d7e8f9a0b1c2d3")
                .doesNotContain("c7d7b0a1e2f3a4b5c6d7e8f9a0b1c2d3");
        assertThat((String) row.get("member_id")).isNotEqualTo(MEMBER);

        List<CrmInstallation> published =
                kafka.await(Topics.CRM_INSTALLATIONS, r -> r.tenant().equals(TENANT), 1, Duration.ofSeconds(30));
        CrmAppInstalled record = (CrmAppInstalled) published.get(0);
        assertThat(record.memberId()).isEqualTo(MEMBER);
        assertThat(record.applicationTokenSha256())
                .isEqualTo(CrmAppInstalled.digestOf("c7d7b0a1e2f3a4b5c6d7e8f9a0b1c2d3"));
        assertThat(record.kafkaKey()).isEqualTo(TENANT);

        WIREMOCK.verify(postRequestedFor(urlEqualTo(rest(TENANT, "batch")))
                .withRequestBody(matchingJsonPath("$.auth", equalTo("INSTALL-ACC")))
                .withRequestBody(containing("event.bind"))
                .withRequestBody(containing("handler="
                        + URLEncoder.encode(
                                "https://gateway.example.test/hooks/bitrix24/" + TENANT, StandardCharsets.UTF_8))));
        // the removal is announced only to a handler the application bound: ours, beside the OAuth redirect URI
        WIREMOCK.verify(postRequestedFor(urlEqualTo(rest(TENANT, "batch")))
                .withRequestBody(containing("event=ONAPPUNINSTALL"))
                .withRequestBody(containing("handler="
                        + URLEncoder.encode(
                                "https://slotbridge.example.test/connect/bitrix24/" + TENANT + "/uninstall",
                                StandardCharsets.UTF_8))));
    }

    @Test
    void an_uninstall_naming_the_installation_deletes_it_with_the_tokens_and_publishes_it_and_any_other_is_refused()
            throws Exception {
        String token = "5e1d0c9b8a7f6e5d4c3b2a1f0e9d8c7b";
        stubPortal(UNINSTALLED);
        install(UNINSTALLED, installEvent(UNINSTALLED, portalOf(UNINSTALLED), token, MEMBER))
                .andExpect(status().isOk());
        kafka.await(Topics.CRM_INSTALLATIONS, r -> r.tenant().equals(UNINSTALLED), 1, Duration.ofSeconds(30));

        uninstall(UNINSTALLED, uninstallEvent("0000aaaa0000aaaa0000aaaa0000aaaa", MEMBER))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        uninstall(UNINSTALLED, uninstallEvent(token, "0000000000000000ffffffffffffffff"))
                .andExpect(status().isUnauthorized());
        assertThat(tokens.find("bitrix24", UNINSTALLED)).isPresent();
        assertThat(installations.find(UNINSTALLED)).isPresent();

        uninstall(UNINSTALLED, uninstallEvent(token, MEMBER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("uninstalled"));

        assertThat(tokens.find("bitrix24", UNINSTALLED)).isEmpty();
        assertThat(installations.find(UNINSTALLED)).isEmpty();
        List<CrmInstallation> published = kafka.await(
                Topics.CRM_INSTALLATIONS,
                r -> r.tenant().equals(UNINSTALLED) && r instanceof CrmAppUninstalled,
                1,
                Duration.ofSeconds(30));
        CrmAppUninstalled uninstalled = (CrmAppUninstalled) published.get(0);
        assertThat(uninstalled.memberId()).isEqualTo(MEMBER);
        assertThat(uninstalled.applicationTokenSha256()).isEqualTo(CrmAppInstalled.digestOf(token));
        assertThat(uninstalled.clean()).isTrue();
        assertThat(uninstalled.kafkaKey()).isEqualTo(UNINSTALLED);
        // nothing left to remove: a replay is refused and changes nothing
        uninstall(UNINSTALLED, uninstallEvent(token, MEMBER)).andExpect(status().isConflict());
        uninstall(UNINSTALLED, Map.of("event", "ONAPPINSTALL")).andExpect(status().isBadRequest());
    }

    @Test
    void an_install_naming_another_portal_is_refused_without_asking_anyone() throws Exception {
        install(FORGED, installEvent(FORGED, URI.create("https://evil.bitrix24.ru"), "forged-token-1", MEMBER))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("evil.bitrix24.ru")));

        assertNothingStored(FORGED);
        WIREMOCK.verify(0, postRequestedFor(urlEqualTo(rest(FORGED, "app.info"))));
    }

    @Test
    void an_install_of_another_member_id_than_configured_is_refused() throws Exception {
        install(FORGED, installEvent(FORGED, portalOf(FORGED), "forged-token-2", "0000000000000000ffffffffffffffff"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("member_id")));

        assertNothingStored(FORGED);
        WIREMOCK.verify(0, postRequestedFor(urlEqualTo(rest(FORGED, "app.info"))));
    }

    @Test
    void an_install_whose_access_token_the_portal_refuses_is_refused() throws Exception {
        WIREMOCK.stubFor(post(urlEqualTo(rest(FORGED, "app.info")))
                .willReturn(json(401, Bitrix24Stubs.error("invalid_token", "The access token provided is invalid."))));

        install(FORGED, installEvent(FORGED, portalOf(FORGED), "forged-token-3", MEMBER))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("invalid_token")))
                .andExpect(jsonPath("$.detail")
                        .value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("INSTALL-ACC"))));

        assertNothingStored(FORGED);
        WIREMOCK.verify(1, postRequestedFor(urlEqualTo(rest(FORGED, "app.info"))));
    }

    @Test
    void the_app_info_check_takes_a_request_from_the_portals_bucket_like_every_other_call() throws Exception {
        String tenant = "it-b24-budget"; // no other test calls this portal: its last minute holds only this install
        WIREMOCK.stubFor(post(urlEqualTo(rest(tenant, "app.info")))
                .willReturn(json(401, Bitrix24Stubs.error("invalid_token", "The access token provided is invalid."))));
        assertThat(accounts.get(tenant).health().requestsLastMinute()).isZero();

        install(tenant, installEvent(tenant, portalOf(tenant), "budget-token", MEMBER))
                .andExpect(status().isUnauthorized());

        WIREMOCK.verify(1, postRequestedFor(urlEqualTo(rest(tenant, "app.info"))));
        assertThat(accounts.get(tenant).health().requestsLastMinute()).isEqualTo(1);
    }

    @Test
    void an_install_the_portal_could_not_check_for_its_rate_limit_is_answered_try_again_not_refused() throws Exception {
        WIREMOCK.stubFor(
                post(urlEqualTo(rest(FORGED, "app.info"))).willReturn(json(503, Bitrix24Stubs.queryLimitExceeded())));

        install(FORGED, installEvent(FORGED, portalOf(FORGED), "forged-token-4", MEMBER))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("QUERY_LIMIT_EXCEEDED")));

        assertNothingStored(FORGED);
    }

    private void stubPortal(String tenant) {
        WIREMOCK.stubFor(post(urlEqualTo(rest(tenant, "app.info")))
                .withRequestBody(matchingJsonPath("$.auth", equalTo("INSTALL-ACC")))
                .willReturn(ok(APP_INFO)));
        WIREMOCK.stubFor(post(urlEqualTo(rest(tenant, "event.get"))).willReturn(ok(Bitrix24Stubs.answer("[]"))));
        WIREMOCK.stubFor(post(urlEqualTo(rest(tenant, "batch")))
                .withRequestBody(containing("event.bind"))
                .willReturn(ok(batch(EVENTS.stream().collect(Collectors.toMap(e -> e, e -> "true")), Map.of()))));
        WIREMOCK.stubFor(post(urlEqualTo(rest(tenant, "batch")))
                .withRequestBody(containing("ONAPPUNINSTALL"))
                .willReturn(ok(batch(Map.of("ONAPPUNINSTALL", "true"), Map.of()))));
    }

    private void assertNothingStored(String tenant) {
        assertThat(tokens.find("bitrix24", tenant)).isEmpty();
        assertThat(installations.find(tenant)).isEmpty();
        assertThat(jdbc.queryForObject(
                        "select count(*) from outbox where topic = ? and record_key = ?",
                        Integer.class,
                        Topics.CRM_INSTALLATIONS.name(),
                        tenant))
                .isZero();
    }

    private ResultActions install(String tenant, Map<String, String> form) throws Exception {
        return postForm("/connect/bitrix24/" + tenant + "/install", form);
    }

    private ResultActions uninstall(String tenant, Map<String, String> form) throws Exception {
        return postForm("/connect/bitrix24/" + tenant + "/uninstall", form);
    }

    private ResultActions postForm(String path, Map<String, String> form) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post(path)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content(form.entrySet().stream()
                        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"))));
    }

    /**
     * The ONAPPUNINSTALL form as Bitrix24 posts it to a bound handler (onappuninstall.php: data[CLEAN] and the
     * application token; no OAuth pair, the application's API access is already gone).
     */
    private static Map<String, String> uninstallEvent(String applicationToken, String member) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("event", "ONAPPUNINSTALL");
        form.put("data[LANGUAGE_ID]", "ru");
        form.put("data[CLEAN]", "1");
        form.put("ts", String.valueOf(Instant.now().getEpochSecond()));
        form.put("auth[domain]", portalOf(UNINSTALLED).getRawAuthority());
        form.put("auth[server_endpoint]", "https://oauth.bitrix.info/rest/");
        form.put("auth[status]", "L");
        form.put("auth[client_endpoint]", portalOf(UNINSTALLED) + "/rest/");
        form.put("auth[member_id]", member);
        form.put("auth[application_token]", applicationToken);
        return form;
    }

    private static URI portalOf(String tenant) {
        return URI.create(WIREMOCK.baseUrl() + "/bitrix24/" + tenant);
    }

    /** The ONAPPINSTALL form, field for field as Bitrix24 posts it to an application's install handler. */
    private static Map<String, String> installEvent(String tenant, URI portal, String applicationToken, String member) {
        long now = Instant.now().getEpochSecond();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("event", "ONAPPINSTALL");
        form.put("data[VERSION]", "1");
        form.put("data[ACTIVE]", "Y");
        form.put("data[INSTALLED]", "Y");
        form.put("data[LANGUAGE_ID]", "ru");
        form.put("ts", String.valueOf(now));
        form.put("auth[access_token]", "INSTALL-ACC");
        form.put("auth[expires]", String.valueOf(now + 3600));
        form.put("auth[expires_in]", "3600");
        form.put("auth[scope]", "crm");
        form.put("auth[domain]", portal.getRawAuthority());
        form.put("auth[server_endpoint]", "https://oauth.bitrix.info/rest/");
        form.put("auth[status]", "L");
        form.put("auth[client_endpoint]", portal + "/rest/");
        form.put("auth[member_id]", member);
        form.put("auth[user_id]", "1");
        form.put("auth[refresh_token]", "INSTALL-REF");
        form.put("auth[application_token]", applicationToken);
        return form;
    }
}
