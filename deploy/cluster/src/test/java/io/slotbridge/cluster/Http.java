package io.slotbridge.cluster;

import java.net.http.HttpClient;
import java.time.Duration;

/** The HTTP client the test's people and administrator use: HTTP/1.1, as the sandbox and the services speak it. */
final class Http {

    private Http() {}

    static HttpClient client() {
        return HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }
}
