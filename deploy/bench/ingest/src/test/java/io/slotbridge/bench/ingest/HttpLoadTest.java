package io.slotbridge.bench.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/** The bench's load generator must count what it claims: every answer, every error, latency from when it was due. */
class HttpLoadTest {

    static final byte[] BODY = "leads[status][0][id]=42&account[subdomain]=anyor".getBytes(StandardCharsets.UTF_8);
    static final Map<String, String> HEADERS = Map.of("Content-Type", "application/x-www-form-urlencoded");

    DisposableServer server;

    @AfterEach
    void stop() {
        server.disposeNow();
    }

    /** Answers 200 only to the exact body and content type the generator was given, 400 otherwise. */
    private URI server(Duration delay, int status) {
        server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .handle((request, response) -> request.receive()
                        .aggregate()
                        .asString(StandardCharsets.UTF_8)
                        .defaultIfEmpty("")
                        .delayElement(delay)
                        .flatMap(body -> {
                            boolean intact = body.equals(new String(BODY, StandardCharsets.UTF_8))
                                    && "application/x-www-form-urlencoded"
                                            .equals(request.requestHeaders().get("Content-Type"));
                            return response.status(intact ? status : 400)
                                    .sendString(Mono.just("{}"))
                                    .then();
                        }))
                .bindNow();
        return URI.create("http://127.0.0.1:" + server.port() + "/hooks/amocrm/t/s");
    }

    @Test
    void a_closed_loop_counts_every_answer_and_no_error_when_all_are_200() {
        try (HttpLoad load = new HttpLoad(server(Duration.ZERO, 200), BODY, HEADERS)) {
            LatencyReport report = load.closedLoop("closed", 4, Duration.ofSeconds(1));

            assertThat(report.requests()).isGreaterThan(100);
            assertThat(report.errors()).isZero();
            assertThat(report.latencies().getTotalCount()).isEqualTo(report.requests());
        }
    }

    @Test
    void answers_other_than_200_are_errors() {
        try (HttpLoad load = new HttpLoad(server(Duration.ZERO, 503), BODY, HEADERS)) {
            LatencyReport report = load.closedLoop("closed", 2, Duration.ofSeconds(1));

            assertThat(report.requests()).isPositive();
            assertThat(report.errors()).isEqualTo(report.requests());
        }
    }

    @Test
    void a_fixed_rate_sends_exactly_rate_times_seconds_and_measures_the_server_delay() {
        try (HttpLoad load = new HttpLoad(server(Duration.ofMillis(30), 200), BODY, HEADERS)) {
            LatencyReport report = load.fixedRate("fixed", 200, 32, Duration.ofSeconds(2));

            assertThat(report.requests()).isEqualTo(400);
            assertThat(report.errors()).isZero();
            assertThat(report.millis(50)).isGreaterThanOrEqualTo(30);
        }
    }

    @Test
    void a_stalled_server_shows_in_the_latency_of_requests_that_waited_for_a_connection() {
        // one connection, 100 ms per answer, 20 requests due within 1 s: the last is due at ~1 s and answered at
        // ~2 s, so counted from when it was due it waited about a second, not the 100 ms its own exchange took
        try (HttpLoad load = new HttpLoad(server(Duration.ofMillis(100), 200), BODY, HEADERS)) {
            LatencyReport report = load.fixedRate("stalled", 20, 1, Duration.ofSeconds(1));

            assertThat(report.requests()).isEqualTo(20);
            assertThat(report.latencies().getMaxValue() / 1000.0).isGreaterThan(900);
        }
    }
}
