package io.slotbridge.bench.ingest;

import io.slotbridge.contracts.Topics;
import io.slotbridge.gateway.GatewayApplication;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import reactor.netty.DisposableServer;

/**
 * The main class of each server JVM the bench starts ({@link ChildJvm}):
 *
 * <ul>
 *   <li>{@code broker}: the embedded KRaft broker with every catalogue topic (6 partitions); announces its bootstrap
 *       servers;
 *   <li>{@code bare}: the ceiling, {@link BareEndpoint};
 *   <li>{@code gateway <bootstrap> <producer-file>}: the gateway with its real {@code gateway.yml} and a bench tenant;
 *       writes its producer settings to the file for the floor;
 *   <li>{@code floor <bootstrap> <producer-file> <records-file>}: {@link KafkaFloor} replaying the gateway's records
 *       with the gateway's producer settings.
 * </ul>
 *
 * Each prints {@link #READY} and its bootstrap servers or port once it serves, and stops when its standard input
 * closes.
 */
public final class BenchServer {

    static final String READY = "READY ";

    static final String TENANT = "bench";
    static final String SECRET = "bench-secret";

    private BenchServer() {}

    public static void main(String[] args) throws IOException {
        switch (args[0]) {
            case "broker" -> broker();
            case "bare" -> bare();
            case "gateway" -> gateway(args[1], Path.of(args[2]));
            case "floor" -> floor(args[1], Path.of(args[2]), Path.of(args[3]));
            default -> throw new IllegalArgumentException("no such bench server: " + args[0]);
        }
        System.exit(0);
    }

    private static void broker() throws IOException {
        EmbeddedKafkaKraftBroker kafka =
                new EmbeddedKafkaKraftBroker(1, 6, Topics.allNamesWithDlts().toArray(String[]::new));
        kafka.afterPropertiesSet();
        try {
            ready(kafka.getBrokersAsString());
        } finally {
            kafka.destroy();
        }
    }

    private static void bare() throws IOException {
        DisposableServer bare = BareEndpoint.start();
        try {
            ready(bare.port());
        } finally {
            bare.disposeNow();
        }
    }

    private static void gateway(String bootstrap, Path producerFile) throws IOException {
        try (ConfigurableApplicationContext gateway = GatewayApplication.application()
                .properties(
                        "server.port=0",
                        "slotbridge.kafka.create-topics=false",
                        "slotbridge.tenants." + TENANT + ".crm.kind=amocrm",
                        "slotbridge.tenants." + TENANT + ".crm.account=anyor",
                        "slotbridge.tenants." + TENANT + ".crm.webhook-secret=" + SECRET,
                        // the request log goes to a file, as in production
                        "logging.file.name=target/bench-gateway.log",
                        "logging.threshold.console=WARN")
                // an argument, not a default: gateway.yml sets the bootstrap servers itself
                .run("--spring.kafka.bootstrap-servers=" + bootstrap)) {
            Properties producer = new Properties();
            Map<String, Object> settings =
                    gateway.getBean(ProducerFactory.class).getConfigurationProperties();
            settings.forEach((key, value) -> {
                if (!key.equals(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG)
                        && !key.endsWith(".serializer")
                        && !key.equals(ProducerConfig.CLIENT_ID_CONFIG)) {
                    producer.setProperty(String.valueOf(key), String.valueOf(value));
                }
            });
            try (Writer out = Files.newBufferedWriter(producerFile, StandardCharsets.UTF_8)) {
                producer.store(out, "the gateway's producer settings");
            }
            ready(((WebServerApplicationContext) gateway).getWebServer().getPort());
        }
    }

    private static void floor(String bootstrap, Path producerFile, Path recordsFile) throws IOException {
        Properties producer = new Properties();
        try (Reader in = Files.newBufferedReader(producerFile, StandardCharsets.UTF_8)) {
            producer.load(in);
        }
        Map<String, Object> config = new HashMap<>();
        producer.forEach((key, value) -> config.put(String.valueOf(key), value));
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaFloor floor = KafkaFloor.replaying(config, FloorRecords.read(recordsFile))) {
            ready(floor.port());
        }
    }

    /** Announces the value, then serves until the bench closes this JVM's standard input. */
    private static void ready(Object announced) throws IOException {
        System.out.println(READY + announced);
        System.out.flush();
        try {
            while (System.in.read() != -1) {
                // nothing is sent; end of input is the signal
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
