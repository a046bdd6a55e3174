package io.slotbridge.bench.ingest;

import io.slotbridge.contracts.ProviderFixtures;
import io.slotbridge.contracts.Topics;
import io.slotbridge.gateway.GatewayApplication;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import reactor.netty.DisposableServer;

/**
 * The ingest bench of issue #3: the gateway against an embedded KRaft broker and, in the same run and JVM, a bare
 * WebFlux endpoint as the ceiling, both loaded with the amoCRM status-change fixture; then a fixed-rate run on the
 * gateway. Prints requests/s, latency percentiles, the gateway/ceiling ratio, errors and a verdict per target.
 *
 * <p>Options (system properties): {@code bench.seconds} (measured seconds per phase, default 20),
 * {@code bench.warmup} (default 10), {@code bench.connections} (default 32), {@code bench.rate} (default 2000).
 */
public final class IngestBench {

    static final String FIXTURE = "amocrm/status-change-2.txt";

    private IngestBench() {}

    public static void main(String[] args) {
        Duration measure = Duration.ofSeconds(Long.getLong("bench.seconds", 20));
        Duration warmup = Duration.ofSeconds(Long.getLong("bench.warmup", 10));
        int connections = Integer.getInteger("bench.connections", 32);
        int rate = Integer.getInteger("bench.rate", 2000);
        byte[] body = ProviderFixtures.body(FIXTURE).getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = Map.of("Content-Type", "application/x-www-form-urlencoded");

        EmbeddedKafkaKraftBroker kafka =
                new EmbeddedKafkaKraftBroker(1, 6, Topics.allNamesWithDlts().toArray(String[]::new));
        kafka.afterPropertiesSet();
        DisposableServer bare = BareEndpoint.start();
        ConfigurableApplicationContext gateway = GatewayApplication.application()
                .properties(
                        "server.port=0",
                        "spring.kafka.bootstrap-servers=" + kafka.getBrokersAsString(),
                        "slotbridge.kafka.create-topics=false",
                        "slotbridge.tenants.bench.crm.kind=amocrm",
                        "slotbridge.tenants.bench.crm.account=anyor",
                        "slotbridge.tenants.bench.crm.webhook-secret=bench-secret",
                        // the request log goes to a file, as in production; the console keeps the results readable
                        "logging.file.name=target/bench-gateway.log",
                        "logging.threshold.console=WARN")
                .run();
        int gatewayPort = ((WebServerApplicationContext) gateway).getWebServer().getPort();
        try {
            LoadGenerator toBare =
                    new LoadGenerator("http://127.0.0.1:" + bare.port() + "/bare", body, headers, connections);
            LoadGenerator toGateway = new LoadGenerator(
                    "http://127.0.0.1:" + gatewayPort + "/hooks/amocrm/bench/bench-secret", body, headers, connections);

            toBare.closedLoop("warm-up bare", connections, warmup);
            LatencyReport ceiling = toBare.closedLoop("bare WebFlux (ceiling)", connections, measure);
            toGateway.closedLoop("warm-up gateway", connections, warmup);
            ThreadCpu gatewayCpu = new ThreadCpu();
            LatencyReport full = toGateway.closedLoop("gateway (max)", connections, measure);
            String gatewayCpuSplit = gatewayCpu.topGroups(8);
            // an open model needs room for arrivals while earlier requests are in flight, as senders open connections
            LoadGenerator arrivals = new LoadGenerator(
                    "http://127.0.0.1:" + gatewayPort + "/hooks/amocrm/bench/bench-secret", body, headers, 512);
            LatencyReport fixed = arrivals.fixedRate("gateway @ " + rate + "/s", rate, measure);

            print(List.of(ceiling, full, fixed), rate, connections, measure);
            System.out.println("CPU by thread group during gateway (max): " + gatewayCpuSplit);
            WrkRun.ifInstalled(body, headers)
                    .ifPresent(wrk -> printWrk(wrk, bare.port(), gatewayPort, connections, measure));
        } finally {
            gateway.close();
            bare.disposeNow();
            kafka.destroy();
        }
    }

    private static void print(List<LatencyReport> reports, int rate, int connections, Duration measure) {
        LatencyReport ceiling = reports.get(0);
        LatencyReport full = reports.get(1);
        LatencyReport fixed = reports.get(2);
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
        System.out.printf(Locale.ROOT, "fixed rate: asked %d req/s, achieved %.0f req/s%n", rate, fixed.perSecond());
        System.out.println();
        verdict("gateway >= 50 % of the bare ceiling", ratio >= 0.5);
        verdict("p99 < 50 ms at " + rate + " req/s", fixed.millis(99) < 50);
        verdict("zero errors", errors == 0);
    }

    private static void printWrk(WrkRun wrk, int barePort, int gatewayPort, int connections, Duration measure) {
        System.out.println();
        System.out.println("the same closed loops driven by wrk (C, outside the JVM; no CPU column):");
        System.out.println(LatencyReport.header());
        System.out.println(
                wrk.run("wrk: bare WebFlux", "http://127.0.0.1:" + barePort + "/bare", connections, measure));
        System.out.println(wrk.run(
                "wrk: gateway (max)",
                "http://127.0.0.1:" + gatewayPort + "/hooks/amocrm/bench/bench-secret",
                connections,
                measure));
    }

    private static void verdict(String target, boolean met) {
        System.out.println((met ? "MET     " : "MISSED  ") + target);
    }
}
