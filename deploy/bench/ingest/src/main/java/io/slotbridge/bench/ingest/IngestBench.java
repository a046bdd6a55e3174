package io.slotbridge.bench.ingest;

import io.slotbridge.contracts.ProviderFixtures;
import io.slotbridge.contracts.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The ingest bench of issue #3: the gateway against an embedded KRaft broker and, in the same run, a bare WebFlux
 * endpoint as the ceiling and the Kafka floor, all loaded with the amoCRM status-change fixture; then a fixed-rate run
 * on the gateway. Each server runs in a JVM of its own ({@link ChildJvm}); this JVM is the load generator. Prints
 * requests/s, latency percentiles, the ratios, the CPU per request by process, errors and a verdict per target.
 *
 * <p>Options (system properties): {@code bench.seconds} (measured seconds per phase, default 20),
 * {@code bench.warmup} (minimum seconds of warm-up per target, default 20; it goes on until the target's JIT is
 * quiet), {@code bench.connections} (default 32), {@code bench.rate} (default 2000).
 */
public final class IngestBench {

    static final String FIXTURE = "amocrm/status-change-2.txt";

    /** Warm-up ends once the target's compiler threads used less than JIT_QUIET during a JIT_WINDOW of load. */
    private static final Duration JIT_WINDOW = Duration.ofSeconds(5);

    private static final Duration JIT_QUIET = Duration.ofMillis(100);
    private static final Duration WARM_UP_LIMIT = Duration.ofMinutes(3);
    private static final Duration FIXED_RATE_WARM_UP = Duration.ofSeconds(10);

    private IngestBench() {}

    public static void main(String[] args) throws IOException {
        Duration measure = Duration.ofSeconds(Long.getLong("bench.seconds", 20));
        Duration warmup = Duration.ofSeconds(Long.getLong("bench.warmup", 20));
        int connections = Integer.getInteger("bench.connections", 32);
        int rate = Integer.getInteger("bench.rate", 2000);
        byte[] body = ProviderFixtures.body(FIXTURE).getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = Map.of("Content-Type", "application/x-www-form-urlencoded");
        Path work = Files.createDirectories(Path.of("target", "bench-ingest"));
        Path producerFile = work.resolve("gateway-producer.properties");
        Path recordsFile = work.resolve("gateway-records.bin");

        try (ChildJvm broker = ChildJvm.start("broker", List.of("broker"), work.resolve("broker.log"));
                ChildJvm gateway = ChildJvm.start(
                        "gateway",
                        List.of("gateway", broker.announced(), producerFile.toString()),
                        work.resolve("gateway.log"))) {
            String bootstrap = broker.announced();
            URI gatewayUri = URI.create("http://127.0.0.1:" + gateway.announced() + "/hooks/amocrm/"
                    + BenchServer.TENANT + "/" + BenchServer.SECRET);
            postOnce(gatewayUri, body);
            FloorRecords.write(recordsFile, KafkaFloor.written(bootstrap, Topics.allNamesWithDlts()));
            try (ChildJvm bare = ChildJvm.start("bare", List.of("bare"), work.resolve("bare.log"));
                    ChildJvm floor = ChildJvm.start(
                            "floor",
                            List.of("floor", bootstrap, producerFile.toString(), recordsFile.toString()),
                            work.resolve("floor.log"))) {
                URI bareUri = URI.create("http://127.0.0.1:" + bare.announced() + "/bare");
                URI floorUri = URI.create("http://127.0.0.1:" + floor.announced() + "/floor");
                Map<String, Long> pids = new LinkedHashMap<>();
                for (ChildJvm server : List.of(gateway, floor, bare, broker)) {
                    pids.put(server.name(), server.pid());
                }
                pids.put("load generator", ProcessHandle.current().pid());
                try (HttpLoad toBare = new HttpLoad(bareUri, body, headers, pids);
                        HttpLoad toFloor = new HttpLoad(floorUri, body, headers, pids);
                        HttpLoad toGateway = new HttpLoad(gatewayUri, body, headers, pids)) {
                    warmUp(toBare, bare, connections, warmup);
                    LatencyReport ceiling = toBare.closedLoop("bare WebFlux (ceiling)", connections, measure);
                    warmUp(toFloor, floor, connections, warmup);
                    LatencyReport kafkaFloor = toFloor.closedLoop("bare + Kafka writes (floor)", connections, measure);
                    warmUp(toGateway, gateway, connections, warmup);
                    LatencyReport full = toGateway.closedLoop("gateway (max)", connections, measure);
                    // an open model needs room for arrivals while earlier requests are in flight; its own code paths
                    // (the generator's pacing, 256 connections on the gateway) are compiled before it is measured
                    toGateway.fixedRate("warm-up fixed rate", rate, 256, FIXED_RATE_WARM_UP);
                    LatencyReport fixed = toGateway.fixedRate("gateway @ " + rate + "/s", rate, 256, measure);

                    print(List.of(ceiling, kafkaFloor, full, fixed), rate, connections, measure);
                    System.out.println("CPU per request, by process (its top thread groups):");
                    for (LatencyReport report : List.of(ceiling, kafkaFloor, full, fixed)) {
                        System.out.println("  " + report.name() + ": " + report.cpuSplit());
                    }
                    WrkRun.ifInstalled(body, headers)
                            .ifPresent(
                                    wrk -> printWrk(wrk, List.of(bareUri, floorUri, gatewayUri), connections, measure));
                }
            }
        }
    }

    /** One request before any load, so that the floor can replay exactly what the gateway wrote for it. */
    private static void postOnce(URI gateway, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(gateway)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<String> response =
                    HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "the gateway answered " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Loads a target until its JIT has settled: the gateway and the floor need far more compiled code than the bare
     * endpoint, and on two cores the compiler threads take a core from the load for a minute or more. Measuring
     * before they are done made the same build look 40 % slower from one run to the next. The compiler threads'
     * CPU time is read from the server's process.
     */
    private static void warmUp(HttpLoad load, ChildJvm target, int connections, Duration minimum) {
        long started = System.nanoTime();
        long deadline = started + WARM_UP_LIMIT.toNanos();
        load.closedLoop("warm-up " + target.name(), connections, minimum);
        long compiled;
        do {
            long before = ProcessCpu.groupNanos(target.pid(), ProcessCpu.JIT);
            load.closedLoop("warm-up " + target.name(), connections, JIT_WINDOW);
            compiled = ProcessCpu.groupNanos(target.pid(), ProcessCpu.JIT) - before;
        } while (compiled > JIT_QUIET.toNanos() && System.nanoTime() < deadline);
        System.out.printf(
                Locale.ROOT,
                "warm-up %s: %d s, its JIT used %d ms of CPU in the last %d s%n",
                target.name(),
                Duration.ofNanos(System.nanoTime() - started).toSeconds(),
                Duration.ofNanos(compiled).toMillis(),
                JIT_WINDOW.toSeconds());
    }

    private static void print(List<LatencyReport> reports, int rate, int connections, Duration measure) {
        LatencyReport ceiling = reports.get(0);
        LatencyReport floor = reports.get(1);
        LatencyReport full = reports.get(2);
        LatencyReport fixed = reports.get(3);
        double ratio = full.perSecond() / ceiling.perSecond();
        long errors = reports.stream().mapToLong(LatencyReport::errors).sum();
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "ingest bench: body %s, %d keep-alive connections, %d s per phase, %d cores, %s%n",
                FIXTURE,
                connections,
                measure.toSeconds(),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        System.out.println(LatencyReport.header());
        reports.forEach(r -> System.out.println(r.line()));
        System.out.printf(Locale.ROOT, "gateway / ceiling throughput: %.2f%n", ratio);
        System.out.printf(
                Locale.ROOT,
                "floor / ceiling throughput: %.2f (what the Kafka writes alone leave of the ceiling)%n",
                floor.perSecond() / ceiling.perSecond());
        System.out.printf(
                Locale.ROOT,
                "gateway / floor throughput: %.2f (what the gateway's own work leaves of the floor)%n",
                full.perSecond() / floor.perSecond());
        System.out.printf(Locale.ROOT, "fixed rate: asked %d req/s, achieved %.0f req/s%n", rate, fixed.perSecond());
        System.out.println();
        verdict("gateway >= 50 % of the bare ceiling", ratio >= 0.5);
        verdict("p99 < 50 ms at " + rate + " req/s", fixed.millis(99) < 50);
        verdict("zero errors", errors == 0);
    }

    private static void printWrk(WrkRun wrk, List<URI> targets, int connections, Duration measure) {
        System.out.println();
        System.out.println("the same closed loops driven by wrk (C, outside the JVM; no CPU column):");
        System.out.println(LatencyReport.header());
        List<String> names = List.of("wrk: bare WebFlux", "wrk: bare + Kafka (floor)", "wrk: gateway (max)");
        for (int i = 0; i < targets.size(); i++) {
            System.out.println(wrk.run(names.get(i), targets.get(i).toString(), connections, measure));
        }
    }

    private static void verdict(String target, boolean met) {
        System.out.println((met ? "MET     " : "MISSED  ") + target);
    }
}
