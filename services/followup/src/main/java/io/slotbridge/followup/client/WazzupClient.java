package io.slotbridge.followup.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Thin client of Wazzup API v3 (no Java SDK exists): send a message, list WABA templates and channels, read and set
 * the webhook subscription. Every request carries the tenant's key as a bearer token and passes a client-side rate
 * limiter below Wazzup's 500 requests per 5 s. Sending never throws: its answer is a {@link SendOutcome}.
 */
public class WazzupClient {

    private static final int PAGE = 100;

    private final RestClient rest;
    private final ObjectMapper json;
    private final RateLimiterRegistry limiters;
    private final MeterRegistry meters;

    public WazzupClient(
            Duration connectTimeout,
            Duration requestTimeout,
            RateLimiterConfig limit,
            ObjectMapper json,
            MeterRegistry meters) {
        HttpClient http = HttpClient.newBuilder()
                // plain HTTP/1.1: the JDK's h2c upgrade on http:// URLs (sandbox, tests) resets streams on 4xx answers
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(requestTimeout);
        this.rest = RestClient.builder().requestFactory(factory).build();
        this.json = json;
        this.limiters = RateLimiterRegistry.of(limit);
        this.meters = meters;
    }

    /** {@code POST /v3/message}. Success is 201 {@code {messageId, chatId}}. */
    public SendOutcome send(WazzupAccount account, OutgoingMessage message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channelId", account.channelId());
        body.put("chatType", "whatsapp");
        body.put("chatId", message.chatId());
        body.put("crmMessageId", message.crmMessageId());
        if (message.isTemplate()) {
            body.put("templateId", message.templateId());
            body.put("templateValues", message.templateValues());
        } else {
            body.put("text", message.text());
        }
        SendOutcome outcome;
        try {
            outcome = limited(account, () -> rest.post()
                    .uri(url(account, "/v3/message"))
                    .headers(h -> h.setBearerAuth(account.apiKey()))
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(body)
                    .exchange((request, response) -> {
                        int status = response.getStatusCode().value();
                        JsonNode answer = parse(response.getBody().readAllBytes());
                        String messageId = answer.path("messageId").asText(null);
                        if (response.getStatusCode().is2xxSuccessful() && messageId != null) {
                            return new SendOutcome.Sent(messageId);
                        }
                        return WazzupErrors.classify(status, text(answer, "error"), text(answer, "description"));
                    }));
        } catch (RequestNotPermitted e) {
            outcome = new SendOutcome.Transient("LOCAL_RATE_LIMIT", "client-side limit of the tenant reached", false);
        } catch (ResourceAccessException e) {
            outcome = new SendOutcome.Transient("IO", describe(e), !certainlyNotSent(e));
        }
        meters.counter("slotbridge.followup.wazzup.requests", "outcome", outcomeTag(outcome))
                .increment();
        return outcome;
    }

    /** {@code GET /v3/templates/whatsapp}, every page. Accepts a bare array or {@code {data: [...]}}. */
    public List<WazzupTemplate> templates(WazzupAccount account) {
        List<WazzupTemplate> all = new ArrayList<>();
        for (int offset = 0; ; offset += PAGE) {
            JsonNode page = get(account, "/v3/templates/whatsapp?limit=" + PAGE + "&offset=" + offset);
            JsonNode items = page.isArray() ? page : page.path("data");
            for (JsonNode t : items) {
                all.add(new WazzupTemplate(
                        text(t, "templateGuid"),
                        t.hasNonNull("name") ? text(t, "name") : text(t, "title"),
                        text(t, "status"),
                        text(t, "rejected_reason")));
            }
            if (items.size() < PAGE) {
                return all;
            }
        }
    }

    /** {@code GET /v3/channels}. */
    public List<WazzupChannel> channels(WazzupAccount account) {
        List<WazzupChannel> channels = new ArrayList<>();
        for (JsonNode c : get(account, "/v3/channels")) {
            channels.add(new WazzupChannel(
                    text(c, "channelId"), text(c, "transport"), text(c, "plainId"), text(c, "state")));
        }
        return channels;
    }

    /** {@code GET /v3/webhooks}. */
    public WazzupWebhooks webhooks(WazzupAccount account) {
        JsonNode answer = get(account, "/v3/webhooks");
        return new WazzupWebhooks(
                text(answer, "webhooksUri"),
                answer.path("subscriptions").path("messagesAndStatuses").asBoolean(false));
    }

    /**
     * {@code PATCH /v3/webhooks}: messages and statuses only (never contactsAndDealsCreation: the CRM integration owns
     * that). Wazzup first POSTs {@code {test: true}} to the URI and fails with {@code testPostNotPassed} unless it
     * gets 200.
     */
    public void subscribeWebhooks(WazzupAccount account, String webhooksUri) {
        Map<String, Object> body =
                Map.of("webhooksUri", webhooksUri, "subscriptions", Map.of("messagesAndStatuses", true));
        call(account, () -> rest.patch()
                .uri(url(account, "/v3/webhooks"))
                .headers(h -> h.setBearerAuth(account.apiKey()))
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange((request, response) -> {
                    byte[] raw = response.getBody().readAllBytes();
                    if (!response.getStatusCode().is2xxSuccessful()) {
                        throw failure(response.getStatusCode().value(), parse(raw));
                    }
                    // the documented answer is "{ ok }", which is not JSON: the status is what counts
                    return null;
                }));
    }

    private JsonNode get(WazzupAccount account, String path) {
        return call(account, () -> rest.get()
                .uri(url(account, path))
                .headers(h -> h.setBearerAuth(account.apiKey()))
                .exchange((request, response) -> {
                    JsonNode answer = parse(response.getBody().readAllBytes());
                    if (!response.getStatusCode().is2xxSuccessful()) {
                        throw failure(response.getStatusCode().value(), answer);
                    }
                    return answer;
                }));
    }

    private <T> T call(WazzupAccount account, Supplier<T> request) {
        try {
            return limited(account, request);
        } catch (RequestNotPermitted e) {
            throw new WazzupException(429, "LOCAL_RATE_LIMIT", "client-side Wazzup rate limit of " + account.tenant());
        } catch (ResourceAccessException e) {
            throw new WazzupException("Wazzup unreachable: " + describe(e), e);
        }
    }

    private <T> T limited(WazzupAccount account, Supplier<T> request) {
        RateLimiter limiter = limiters.rateLimiter("wazzup-" + account.tenant());
        return RateLimiter.decorateSupplier(limiter, request).get();
    }

    private static WazzupException failure(int status, JsonNode answer) {
        String code = text(answer, "error");
        String description = text(answer, "description");
        return new WazzupException(
                status,
                code,
                "Wazzup answered " + status + (code == null ? "" : " " + code)
                        + (description == null ? "" : ": " + description));
    }

    private JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (IOException e) {
            // Wazzup documents some answers that are not JSON ("{ ok }"); generic 4xx may have no body at all
            return json.createObjectNode();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String url(WazzupAccount account, String path) {
        String base = account.baseUrl().endsWith("/")
                ? account.baseUrl().substring(0, account.baseUrl().length() - 1)
                : account.baseUrl();
        return base + path;
    }

    /** A refused or timed-out connection never carried the request. */
    private static boolean certainlyNotSent(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ConnectException
                    || t instanceof HttpConnectTimeoutException
                    || t instanceof UnknownHostException
                    || t instanceof UnresolvedAddressException) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private static String outcomeTag(SendOutcome outcome) {
        if (outcome instanceof SendOutcome.Sent) {
            return "sent";
        }
        if (outcome instanceof SendOutcome.AlreadySent) {
            return "repeated";
        }
        if (outcome instanceof SendOutcome.Rejected) {
            return "rejected";
        }
        if (outcome instanceof SendOutcome.ChannelProblem) {
            return "channel-problem";
        }
        return "transient";
    }
}
