package io.slotbridge.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * One sandbox on a random port for every integration test class (one Spring context), a WireMock server standing in
 * for the gateway that receives webhooks and push notifications, and a plain HTTP client that sees every status.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=sandbox", "slotbridge.sandbox.wazzup.status-step=PT0.05S"})
@Import(SandboxTestConfiguration.class)
public abstract class SandboxIntegrationTest {

    protected static final String ADMIN = "Bearer sandbox-admin";
    protected static final ObjectMapper JSON = new ObjectMapper();
    protected static WireMockServer receiver;

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    protected int port;

    @Autowired
    protected TestClock clock;

    @BeforeAll
    static void startReceiver() {
        receiver = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        receiver.start();
        receiver.stubFor(WireMock.post(WireMock.anyUrl()).willReturn(WireMock.ok()));
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop();
    }

    @BeforeEach
    void unfreezeClock() {
        clock.unfreeze();
    }

    /** A fresh name, so tests never share an account, portal or calendar. */
    protected static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    protected String receiverUrl(String path) {
        return "http://localhost:" + receiver.port() + path;
    }

    /** An answer: status, headers and body, whatever the status. */
    public record Answer(int status, java.net.http.HttpHeaders headers, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }
    }

    /** Runs before every request; tests that make many calls to one amoCRM account let time pass here. */
    protected void beforeCall() {}

    protected Answer call(String method, String path, String authorization, String contentType, String body) {
        beforeCall();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    protected Answer get(String path, String authorization) {
        return call("GET", path, authorization, null, null);
    }

    protected Answer json(String method, String path, String authorization, String body) {
        return call(method, path, authorization, "application/json", body);
    }

    protected Answer form(String path, String body) {
        return call("POST", path, null, "application/x-www-form-urlencoded", body);
    }
}
