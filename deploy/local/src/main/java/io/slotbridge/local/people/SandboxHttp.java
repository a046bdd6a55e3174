package io.slotbridge.local.people;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * JSON over HTTP to the sandbox, the way a person's browser (or a patient script) talks to a SaaS API: it waits
 * between its own calls so it never uses up a rate limit, and when the API answers 429, 5xx or a rate-limit 403 —
 * the faults the end-to-end tests inject — it tries again a moment later, as a person clicks again.
 */
public final class SandboxHttp {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final String baseUrl;
    private final Supplier<String> bearer;
    private final long minIntervalNanos;
    private final int attempts;
    private long lastCallNanos;

    /**
     * @param bearer the token to send, asked for at every call (null = no Authorization header)
     * @param minInterval the least time between two calls of this client
     */
    public SandboxHttp(String baseUrl, Supplier<String> bearer, Duration minInterval, int attempts) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.bearer = bearer;
        this.minIntervalNanos = minInterval.toNanos();
        this.attempts = attempts;
    }

    /** An answer: status and JSON body ({@link MissingNode} when empty or not JSON). */
    public record Answer(int status, JsonNode body, Map<String, java.util.List<String>> headers) {

        public boolean ok() {
            return status / 100 == 2;
        }

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst()
                    .orElse(null);
        }
    }

    public Answer get(String path) {
        return send("GET", path, null);
    }

    public Answer post(String path, Object body) {
        return send("POST", path, body);
    }

    public Answer patch(String path, Object body) {
        return send("PATCH", path, body);
    }

    public Answer put(String path, Object body) {
        return send("PUT", path, body);
    }

    public Answer delete(String path) {
        return send("DELETE", path, null);
    }

    /** Like {@link #send} but fails unless the answer is 2xx. */
    public JsonNode expectOk(String method, String path, Object body) {
        Answer answer = send(method, path, body);
        if (!answer.ok()) {
            throw new IllegalStateException(
                    method + " " + path + " answered " + answer.status() + ": " + answer.body());
        }
        return answer.body();
    }

    public Answer send(String method, String path, Object body) {
        Answer answer = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            answer = once(method, path, body);
            if (!retryable(answer)) {
                return answer;
            }
            pause(Duration.ofMillis(Math.min(4000, 250L << Math.min(attempt, 4))));
        }
        return answer;
    }

    private static boolean retryable(Answer answer) {
        int status = answer.status();
        if (status == 429 || status >= 500) {
            return true;
        }
        // Google's rate limit is a 403 with reason rateLimitExceeded; amoCRM's account block is a 403 HTML page
        return status == 403
                && (answer.body().toString().contains("ateLimitExceeded")
                        || answer.body().isMissingNode());
    }

    private Answer once(String method, String path, Object body) {
        pace();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        String token = bearer == null ? null : bearer.get();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            try {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(
                    response.statusCode(),
                    parse(response.body()),
                    response.headers().map());
        } catch (IOException e) {
            return new Answer(599, MissingNode.getInstance(), Map.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private synchronized void pace() {
        long wait = lastCallNanos + minIntervalNanos - System.nanoTime();
        if (wait > 0) {
            pause(Duration.ofNanos(wait));
        }
        lastCallNanos = System.nanoTime();
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            return MissingNode.getInstance();
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis(), (int) (duration.toNanos() % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
