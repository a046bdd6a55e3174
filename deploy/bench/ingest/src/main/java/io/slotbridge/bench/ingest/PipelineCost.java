package io.slotbridge.bench.ingest;

import io.slotbridge.contracts.CloudEvents;
import io.slotbridge.contracts.Envelope;
import io.slotbridge.contracts.MessageIds;
import io.slotbridge.contracts.ProviderFixtures;
import io.slotbridge.contracts.ingress.IngressSource;
import io.slotbridge.gateway.amocrm.domain.AmoCrmSource;
import io.slotbridge.gateway.ingest.domain.HookHeaders;
import io.slotbridge.gateway.ingest.domain.HookRequest;
import io.slotbridge.gateway.ingest.domain.Outbound;
import io.slotbridge.gateway.ingest.domain.Parsed;
import io.slotbridge.gateway.ingest.domain.RawArchive;
import io.slotbridge.gateway.ingest.domain.TenantCredentials;
import io.slotbridge.platform.kafka.ContractSerializer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the gateway's own domain work costs per webhook when nothing else runs: the same fixture as the ingest bench
 * through header copy, parsing, the archive record, JSON serialisation of both records and their CloudEvents headers,
 * in a hot loop on one thread. Set against the gateway JVM's CPU per request in the ingest bench, it shows how much
 * of that is the gateway's own code and how much the HTTP, reactive and Kafka client layers around it.
 *
 * <pre>java -Dloader.main=io.slotbridge.bench.ingest.PipelineCost -cp target/bench-ingest-0.1.0-SNAPSHOT-exec.jar \
 *     org.springframework.boot.loader.launch.PropertiesLauncher</pre>
 */
public final class PipelineCost {

    private static final int ROUNDS = 8;
    private static final int PER_ROUND = 200_000;

    private PipelineCost() {}

    public static void main(String[] args) {
        byte[] body = ProviderFixtures.body(IngestBench.FIXTURE).getBytes(StandardCharsets.UTF_8);
        AmoCrmSource source = new AmoCrmSource();
        TenantCredentials tenant = new TenantCredentials(
                new TenantCredentials.Crm("amocrm", "anyor", BenchServer.SECRET, null, null, null), null, null);
        Map<String, List<String>> sent = new LinkedHashMap<>();
        sent.put("Host", List.of("127.0.0.1:8080"));
        sent.put("Content-Length", List.of(Integer.toString(body.length)));
        sent.put("Content-Type", List.of("application/x-www-form-urlencoded"));
        ContractSerializer json = new ContractSerializer();
        long bytesWritten = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            long parse = 0;
            long archive = 0;
            long serialise = 0;
            long headers = 0;
            for (int i = 0; i < PER_ROUND; i++) {
                long t0 = System.nanoTime();
                HookRequest request = new HookRequest(
                        IngressSource.AMOCRM,
                        BenchServer.TENANT,
                        "POST",
                        "/hooks/amocrm/bench/***",
                        HookHeaders.of(sent),
                        "application/x-www-form-urlencoded",
                        body,
                        Instant.now(),
                        MessageIds.random(),
                        null);
                Parsed.Understood parsed = (Parsed.Understood) source.parse(tenant, request);
                long t1 = System.nanoTime();
                List<Envelope> records = new ArrayList<>();
                records.add(RawArchive.record(request, source.archivable(body), null));
                parsed.records().stream().map(Outbound::record).forEach(records::add);
                long t2 = System.nanoTime();
                for (Envelope record : records) {
                    bytesWritten += json.serialize("bench", record).length;
                }
                long t3 = System.nanoTime();
                for (Envelope record : records) {
                    bytesWritten += CloudEvents.headers(record, "gateway").size();
                }
                long t4 = System.nanoTime();
                parse += t1 - t0;
                archive += t2 - t1;
                serialise += t3 - t2;
                headers += t4 - t3;
            }
            System.out.printf(
                    Locale.ROOT,
                    "round %d: %.1f µs per webhook (request and parse %.1f, archive record %.1f, JSON %.1f,"
                            + " CloudEvents headers %.1f)%n",
                    round,
                    (parse + archive + serialise + headers) / 1000.0 / PER_ROUND,
                    parse / 1000.0 / PER_ROUND,
                    archive / 1000.0 / PER_ROUND,
                    serialise / 1000.0 / PER_ROUND,
                    headers / 1000.0 / PER_ROUND);
        }
        // printed so that the JIT cannot drop the work as unused
        System.out.println("bytes and headers produced: " + bytesWritten);
    }
}
