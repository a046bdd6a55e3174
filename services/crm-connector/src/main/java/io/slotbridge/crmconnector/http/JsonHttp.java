package io.slotbridge.crmconnector.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** One HTTP exchange with a JSON body over the JDK client; transport failures become {@link ApiFailures.Unavailable}. */
public final class JsonHttp {

    private final HttpClient client;
    private final Duration readTimeout;

    public JsonHttp(Duration connectTimeout, Duration readTimeout) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.readTimeout = readTimeout;
    }

    public record Response(int status, String body, String requestId) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    public Response send(String method, URI uri, String jsonBody, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(readTimeout)
                .header("Accept", "application/json")
                .method(
                        method,
                        jsonBody == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response =
                    client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(
                    response.statusCode(),
                    response.body(),
                    response.headers().firstValue("X-Request-Id").orElse(null));
        } catch (HttpTimeoutException e) {
            throw new ApiFailures.Unavailable(method + " " + uri.getPath() + " timed out", null);
        } catch (IOException e) {
            throw new ApiFailures.Unavailable(method + " " + uri.getPath() + " failed: " + e.getMessage(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiFailures.Unavailable(method + " " + uri.getPath() + " interrupted", null);
        }
    }
}
