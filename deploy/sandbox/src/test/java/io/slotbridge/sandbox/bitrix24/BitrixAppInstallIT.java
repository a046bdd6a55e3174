package io.slotbridge.sandbox.bitrix24;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.slotbridge.sandbox.SandboxIntegrationTest;
import io.slotbridge.sandbox.core.PhpForm;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The sandbox installs a local application like a portal does: it posts the real {@code ONAPPINSTALL} form to the
 * install handler, with tokens its own OAuth emulation accepts, and {@code app.info} tells a live token from a forged
 * one.
 */
class BitrixAppInstallIT extends SandboxIntegrationTest {

    @Test
    void installing_posts_onappinstall_with_tokens_the_portal_accepts() {
        String portal = unique("b24inst");
        assertThat(call("POST", "/sandbox/bitrix24/" + portal, null, null, null).status())
                .isEqualTo(200);
        String handler = receiverUrl("/install/" + portal);

        Answer install = call(
                "POST",
                "/sandbox/bitrix24/" + portal + "/install?handler="
                        + URLEncoder.encode(handler, StandardCharsets.UTF_8),
                null,
                null,
                null);

        assertThat(install.status()).isEqualTo(200);
        assertThat(install.json().path("handlerStatus").asInt()).isEqualTo(200);
        List<LoggedRequest> posts =
                receiver.findAll(WireMock.postRequestedFor(WireMock.urlEqualTo("/install/" + portal)));
        assertThat(posts).hasSize(1);
        assertThat(posts.get(0).getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        Map<String, Object> event = PhpForm.parse(posts.get(0).getBodyAsString());
        assertThat(event.get("event")).isEqualTo("ONAPPINSTALL");
        @SuppressWarnings("unchecked")
        Map<String, Object> auth = (Map<String, Object>) event.get("auth");
        assertThat(auth)
                .containsKeys(
                        "access_token",
                        "expires",
                        "expires_in",
                        "scope",
                        "domain",
                        "server_endpoint",
                        "status",
                        "client_endpoint",
                        "member_id",
                        "user_id",
                        "refresh_token")
                .containsEntry("application_token", portal + "-token");
        assertThat((String) auth.get("client_endpoint")).endsWith("/bitrix24/" + portal + "/rest/");
        String accessToken = (String) auth.get("access_token");

        JsonNode appInfo = json(
                        "POST",
                        "/bitrix24/" + portal + "/rest/app.info.json",
                        null,
                        "{\"auth\":\"" + accessToken + "\"}")
                .json();
        assertThat(appInfo.at("/result/CODE").asText()).isEqualTo("local.sandbox");
        assertThat(appInfo.at("/result/INSTALLED").asBoolean()).isTrue();
        assertThat(json(
                                "POST",
                                "/bitrix24/" + portal + "/rest/crm.category.list.json",
                                null,
                                "{\"entityTypeId\":2,\"auth\":\"" + accessToken + "\"}")
                        .status())
                .isEqualTo(200);
        Answer refreshed = get(
                "/bitrix24/oauth/token/?grant_type=refresh_token&client_id=local.sandbox&refresh_token="
                        + auth.get("refresh_token"),
                null);
        assertThat(refreshed.json().path("access_token").asText()).isNotBlank().isNotEqualTo(accessToken);
    }

    @Test
    void uninstalling_revokes_the_tokens_removes_the_handlers_and_posts_onappuninstall_to_its_handler() {
        String portal = unique("b24inst");
        call("POST", "/sandbox/bitrix24/" + portal, null, null, null);
        String accessToken = installedAccessToken(portal);
        String uninstallHandler = receiverUrl("/uninstall/" + portal);
        for (String[] binding : new String[][] {
            {"ONAPPUNINSTALL", uninstallHandler}, {"ONCRMDEALUPDATE", receiverUrl("/events/" + portal)}
        }) {
            assertThat(json(
                                    "POST",
                                    "/bitrix24/" + portal + "/rest/event.bind.json",
                                    null,
                                    "{\"event\":\"" + binding[0] + "\",\"handler\":\"" + binding[1] + "\",\"auth\":\""
                                            + accessToken + "\"}")
                            .status())
                    .isEqualTo(200);
        }

        Answer uninstall = call("POST", "/sandbox/bitrix24/" + portal + "/uninstall?clean=true", null, null, null);

        assertThat(uninstall.status()).isEqualTo(200);
        assertThat(uninstall.json().path("handlersRemoved").asInt()).isEqualTo(2);
        assertThat(uninstall.json().at("/notified/0/handlerStatus").asInt()).isEqualTo(200);
        List<LoggedRequest> posts =
                receiver.findAll(WireMock.postRequestedFor(WireMock.urlEqualTo("/uninstall/" + portal)));
        assertThat(posts).hasSize(1);
        Map<String, Object> event = PhpForm.parse(posts.get(0).getBodyAsString());
        assertThat(event.get("event")).isEqualTo("ONAPPUNINSTALL");
        assertThat(event.get("data")).isEqualTo(Map.of("LANGUAGE_ID", "ru", "CLEAN", "1"));
        @SuppressWarnings("unchecked")
        Map<String, Object> auth = (Map<String, Object>) event.get("auth");
        assertThat(auth)
                .containsEntry("application_token", portal + "-token")
                .containsKeys("member_id", "domain", "client_endpoint")
                .doesNotContainKeys("access_token", "refresh_token");
        Answer afterwards =
                json("POST", "/bitrix24/" + portal + "/rest/app.info.json", null, "{\"auth\":\"" + accessToken + "\"}");
        assertThat(afterwards.status()).isEqualTo(401);
        assertThat(afterwards.json().path("error").asText()).isEqualTo("invalid_token");
    }

    @Test
    void app_info_refuses_a_forged_token_and_a_token_of_another_portal() {
        String portal = unique("b24inst");
        String other = unique("b24inst");
        call("POST", "/sandbox/bitrix24/" + portal, null, null, null);
        call("POST", "/sandbox/bitrix24/" + other, null, null, null);
        String othersToken = installedAccessToken(other);

        Answer forged = json("POST", "/bitrix24/" + portal + "/rest/app.info.json", null, "{\"auth\":\"forged\"}");
        Answer foreign =
                json("POST", "/bitrix24/" + portal + "/rest/app.info.json", null, "{\"auth\":\"" + othersToken + "\"}");

        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.json().path("error").asText()).isEqualTo("invalid_token");
        assertThat(foreign.status()).isEqualTo(401);
    }

    /** Installs the application on a portal and returns the access token its ONAPPINSTALL carried. */
    private String installedAccessToken(String portal) {
        call(
                "POST",
                "/sandbox/bitrix24/" + portal + "/install?handler="
                        + URLEncoder.encode(receiverUrl("/install/" + portal), StandardCharsets.UTF_8),
                null,
                null,
                null);
        return (String) ((Map<?, ?>) PhpForm.parse(
                                receiver.findAll(WireMock.postRequestedFor(WireMock.urlEqualTo("/install/" + portal)))
                                        .get(0)
                                        .getBodyAsString())
                        .get("auth"))
                .get("access_token");
    }
}
