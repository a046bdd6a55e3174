package io.slotbridge.console.alert.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.slotbridge.console.alert.AlertProperties;
import io.slotbridge.console.common.domain.SecretMasker;
import io.slotbridge.contracts.ContractJson;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Sends one message through the Telegram Bot API ({@code POST /bot<token>/sendMessage}, HTML parse mode). The token
 * is part of the URL, so nothing here ever logs or returns a URL or an exception message unmasked.
 */
@Component
public class TelegramClient {

    private final AlertProperties.Telegram settings;
    private final RestClient http;

    public TelegramClient(AlertProperties properties, RestClient.Builder builder) {
        this.settings = properties.telegram();
        // HTTP/1.1: no h2c upgrade dance with proxies and stubs; one message a minute needs no multiplexing
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.timeout())
                .build());
        requests.setReadTimeout(settings.timeout());
        this.http = builder.clone().requestFactory(requests).build();
    }

    public boolean configured() {
        return settings.configured();
    }

    public Result send(String html) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("chat_id", settings.chatId());
        body.put("text", html);
        body.put("parse_mode", "HTML");
        body.put("link_preview_options", Map.of("is_disabled", true));
        try {
            return http.post()
                    .uri(sendMessageUri())
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(body)
                    .exchange((request, response) -> interpret(
                            response.getStatusCode().value(), response.getBody().readAllBytes()));
        } catch (RuntimeException e) {
            return Result.failed("Telegram unreachable: " + withoutToken(e.getMessage()), false);
        }
    }

    /** Bot tokens are {@code <digits>:<letters, digits, _ and ->}: safe in a path as they are, never encoded. */
    private URI sendMessageUri() {
        String base = settings.baseUrl().toString().replaceAll("/+$", "");
        return URI.create(base + "/bot" + settings.botToken().strip() + "/sendMessage");
    }

    private String withoutToken(String message) {
        String text = message == null ? "" : message.replace(settings.botToken().strip(), SecretMasker.MASK);
        return SecretMasker.mask(text);
    }

    static Result interpret(int status, byte[] responseBody) {
        JsonNode json;
        try {
            json = ContractJson.mapper().readTree(responseBody);
        } catch (IOException e) {
            json = null;
        }
        if (status == 200 && json != null && json.path("ok").asBoolean(false)) {
            return Result.sent();
        }
        String description =
                json == null ? "HTTP " + status : json.path("description").asText("HTTP " + status);
        if (status == 429) {
            long seconds = json == null
                    ? 0
                    : json.path("parameters").path("retry_after").asLong(0);
            return Result.retryAfter(Duration.ofSeconds(Math.max(1, seconds)), description);
        }
        // 400 (bad chat id, bad markup), 401 (bad token), 403 (bot removed from the chat) will not heal by waiting
        boolean permanent = status == 400 || status == 401 || status == 403 || status == 404;
        return Result.failed("Telegram answered " + status + ": " + SecretMasker.mask(description), permanent);
    }

    /**
     * What Telegram said.
     *
     * @param retryAfter set when Telegram asked us to wait (429 {@code parameters.retry_after})
     * @param permanent the request will keep failing until someone changes the configuration
     */
    public record Result(boolean ok, Duration retryAfter, String problem, boolean permanent) {

        static Result sent() {
            return new Result(true, null, null, false);
        }

        static Result retryAfter(Duration wait, String description) {
            return new Result(
                    false, wait, "Telegram asked to wait " + wait.toSeconds() + " s (" + description + ")", false);
        }

        static Result failed(String problem, boolean permanent) {
            return new Result(false, null, problem, permanent);
        }
    }
}
