package io.slotbridge.followup.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.slotbridge.contracts.ContractJson;
import io.slotbridge.contracts.ProviderFixtures;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Wazzup API v3 as WireMock, one per test JVM, answering in the documented wire format: the 201 body of
 * {@code providers/wazzup/send-message-response-201.txt} (its messageId made unique per request, so status webhooks
 * can be joined), the 400 bodies of {@code send-message-errors-400.txt}, {@code { ok }} for PATCH /v3/webhooks.
 */
final class WazzupStub {

    static final String API_KEY = "it-wazzup-api-key";
    static final String CHANNEL = "5e1b7c3a-0d4f-4a8e-9c21-6f0a2b3c4d5e";
    static final String FIRST = "0b6c2d1e-0000-4000-8000-000000000000";
    static final String AUDIO = "0b6c2d1e-0000-4000-8000-000000000001";
    static final String IGNORE = "0b6c2d1e-0000-4000-8000-000000000002";
    static final String FULL_IGNORE = "0b6c2d1e-0000-4000-8000-000000000003";

    private static WireMockServer server;

    private WazzupStub() {}

    static synchronized WireMockServer server() {
        if (server == null) {
            WireMockServer started = new WireMockServer(wireMockConfig().dynamicPort());
            started.start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "wazzup-stub-stop"));
            server = started;
            defaults();
        }
        return server;
    }

    static String baseUrl() {
        return server().baseUrl();
    }

    /** The documented 201 answer, with the messageId templated per request and the chatId echoed. */
    static String created201() {
        String body = ProviderFixtures.body("wazzup/send-message-response-201.txt");
        String json = body.substring(body.indexOf('{'));
        JsonNode fixture = read(json);
        return json.replace(fixture.get("messageId").asText(), "{{randomValue type='UUID'}}")
                .replace(fixture.get("chatId").asText(), "{{jsonPath request.body '$.chatId'}}");
    }

    /** One of the three documented 400 bodies, by its error code. */
    static String error400(String code) {
        for (String part :
                ProviderFixtures.body("wazzup/send-message-errors-400.txt").split("----")) {
            if (read(part.strip()).path("error").asText().equals(code)) {
                return part.strip();
            }
        }
        throw new IllegalArgumentException("no documented 400 body for " + code);
    }

    private static void defaults() {
        server.stubFor(post(urlEqualTo("/v3/message"))
                .atPriority(10)
                .withHeader("Authorization", equalTo("Bearer " + API_KEY))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(created201())
                        .withTransformers("response-template")));
        server.stubFor(get(urlPathEqualTo("/v3/templates/whatsapp"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("[" + template(FIRST, "pervoe_soobshenie", "approved") + ","
                                + template(AUDIO, "audio_mikhaila", "approved") + ","
                                + template(IGNORE, "ignor", "approved") + ","
                                + template(FULL_IGNORE, "polnyi_ignor", "approved") + "]")));
        server.stubFor(get(urlEqualTo("/v3/channels"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("[{\"channelId\":\"" + CHANNEL
                                + "\",\"transport\":\"wapi\",\"plainId\":\"79865784457\",\"state\":\"active\"}]")));
        server.stubFor(get(urlEqualTo("/v3/webhooks"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"webhooksUri\":\"\",\"subscriptions\":{\"messagesAndStatuses\":false}}")));
        server.stubFor(patch(urlEqualTo("/v3/webhooks"))
                .willReturn(aResponse().withStatus(200).withBody("{\n ok\n}")));
    }

    /** A WABA template in the shape of GET /v3/templates/whatsapp (research/messaging.md §1.4). */
    private static String template(String guid, String name, String status) {
        return "{\"templateGuid\":\"" + guid + "\",\"accountId\":12345678,\"title\":\"" + name + "\",\"name\":\"" + name
                + "\",\"waba\":{\"wabaId\":\"104567890123456\",\"wabaName\":\"Demo\"},\"channels\":[\"" + CHANNEL
                + "\"],\"category\":\"MARKETING\",\"language\":\"ru\",\"status\":\"" + status
                + "\",\"components\":[{\"type\":\"BODY\",\"text\":\"{{1}}, здравствуйте!\"}]}";
    }

    /** Every POST /v3/message to this chat, in order. */
    static List<LoggedRequest> sendsTo(String chatId) {
        return server().findAll(postRequestedFor(urlEqualTo("/v3/message"))
                .withRequestBody(matchingJsonPath("$.chatId", equalTo(chatId))));
    }

    static JsonNode body(LoggedRequest request) {
        return read(request.getBodyAsString());
    }

    private static JsonNode read(String json) {
        try {
            return ContractJson.mapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
