package io.slotbridge.bench.ingest;

import io.netty.handler.codec.http.HttpHeaderNames;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Posts one body over keep-alive connections, either closed-loop (N connections, each sends its next request when
 * the previous answered: maximum throughput) or open-loop at a fixed rate. Open-loop latency is measured from when a
 * request was due, not when it was sent, so a stalled server cannot hide its stall (no coordinated omission).
 */
final class LoadGenerator {

    private static final long MAX_LATENCY_MICROS = Duration.ofSeconds(60).toNanos() / 1000;

    private final HttpClient client;
    private final String url;
    private final byte[] body;
    private final Map<String, String> headers;

    LoadGenerator(String url, byte[] body, Map<String, String> headers, int connections) {
        ConnectionProvider pool = ConnectionProvider.builder("bench")
                .maxConnections(connections)
                .pendingAcquireMaxCount(-1)
                .pendingAcquireTimeout(Duration.ofSeconds(60))
                .build();
        this.client = HttpClient.create(pool).responseTimeout(Duration.ofSeconds(30));
        this.url = url;
        this.body = body;
        this.headers = headers;
    }

    LatencyReport closedLoop(String name, int connections, Duration duration) {
        Phase phase = new Phase();
        long deadline = System.nanoTime() + duration.toNanos();
        long started = System.nanoTime();
        Flux.range(0, connections)
                .flatMap(
                        worker -> Mono.defer(() -> send(System.nanoTime(), phase))
                                .repeat(() -> System.nanoTime() < deadline)
                                .then(),
                        connections)
                .blockLast();
        return phase.report(name, started);
    }

    LatencyReport fixedRate(String name, int perSecond, Duration duration) {
        Phase phase = new Phase();
        long period = 1_000_000_000L / perSecond;
        long total = perSecond * duration.toSeconds();
        CountDownLatch answered = new CountDownLatch((int) total);
        long started = System.nanoTime();
        // each request is its own subscription: arrivals never wait for earlier answers (an open model)
        Flux.interval(Duration.ofNanos(period))
                .onBackpressureBuffer()
                .take(total)
                .doOnNext(i -> send(started + (i + 1) * period, phase)
                        .doFinally(signal -> answered.countDown())
                        .subscribe())
                .blockLast();
        try {
            answered.await(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return phase.report(name, started);
    }

    private Mono<Void> send(long dueNanos, Phase phase) {
        return client.headers(h -> {
                    headers.forEach(h::set);
                    h.set(HttpHeaderNames.CONTENT_LENGTH, body.length);
                })
                .post()
                .uri(url)
                .send(ByteBufFlux.fromString(Mono.just(new String(body, StandardCharsets.UTF_8))))
                .responseSingle((response, content) -> content.asByteArray()
                        .defaultIfEmpty(new byte[0])
                        .map(ignored -> response.status().code()))
                .doOnNext(status -> phase.record(dueNanos, status))
                .onErrorResume(e -> {
                    phase.failed();
                    return Mono.empty();
                })
                .then();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Counters of one phase; safe to update from every event loop. */
    private static final class Phase {
        final Histogram latencies = new ConcurrentHistogram(MAX_LATENCY_MICROS, 3);
        final AtomicLong requests = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final long cpuAtStart = processCpuNanos();

        void record(long dueNanos, int status) {
            requests.incrementAndGet();
            latencies.recordValue(Math.min(MAX_LATENCY_MICROS, (System.nanoTime() - dueNanos) / 1000));
            if (status != 200) {
                errors.incrementAndGet();
            }
        }

        void failed() {
            requests.incrementAndGet();
            errors.incrementAndGet();
        }

        LatencyReport report(String name, long startedNanos) {
            double seconds = (System.nanoTime() - startedNanos) / 1e9;
            return new LatencyReport(
                    name, requests.get(), errors.get(), seconds, latencies, processCpuNanos() - cpuAtStart);
        }
    }
}
