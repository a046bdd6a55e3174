package io.slotbridge.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;

/**
 * A real three-node KRaft Kafka cluster: each node is broker and controller in its own JVM running {@code kafka.Kafka}
 * from the distribution's jars (Maven Central), with generated server.properties. Topics are replicated three times
 * with min.insync.replicas 2, so acks=all producers keep working while one node is down.
 */
final class KafkaCluster implements AutoCloseable {

    static final int NODES = 3;

    private final List<JvmProcess> nodes = new ArrayList<>();
    private final List<Integer> brokerPorts = new ArrayList<>();

    KafkaCluster(Path workDir, String classpath, Path logDir) {
        List<Integer> controllerPorts = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            brokerPorts.add(Ports.free());
            controllerPorts.add(Ports.free());
        }
        String voters = java.util.stream.IntStream.range(0, NODES)
                .mapToObj(i -> (i + 1) + "@localhost:" + controllerPorts.get(i))
                .collect(Collectors.joining(","));
        String clusterId = Uuid.randomUuid().toString();
        for (int i = 0; i < NODES; i++) {
            int id = i + 1;
            Path dir = workDir.resolve("kafka-" + id);
            Path config = dir.resolve("server.properties");
            writeConfig(config, id, brokerPorts.get(i), controllerPorts.get(i), voters, dir.resolve("data"));
            format(classpath, config, clusterId, logDir.resolve("kafka-" + id + "-format.log"));
            nodes.add(new JvmProcess(
                    "kafka-" + id,
                    List.of(
                            "-Xms320m",
                            "-Xmx320m",
                            "-XX:+UseSerialGC",
                            "-Dlog4j.configuration=file:" + workDir.resolve("kafka-log4j.properties"),
                            "-Dlogback.configurationFile=" + workDir.resolve("kafka-logback.xml"),
                            "-cp",
                            classpath,
                            "kafka.Kafka",
                            config.toString()),
                    Map.of(),
                    logDir,
                    JvmProcess.portOpen(brokerPorts.get(i))));
        }
        writeLogConfig(workDir.resolve("kafka-log4j.properties"));
    }

    String bootstrapServers() {
        return brokerPorts.stream().map(p -> "localhost:" + p).collect(Collectors.joining(","));
    }

    JvmProcess node(int index) {
        return nodes.get(index);
    }

    void start() {
        nodes.forEach(JvmProcess::start);
        nodes.forEach(node -> node.awaitHealthy(Duration.ofMinutes(3)));
        awaitBrokers(NODES, Duration.ofMinutes(2));
    }

    /** Creates the catalogue's topics and their dead-letter topics as an installation's one-shot step would. */
    void createTopics(List<String> names, Map<String, Integer> partitions) {
        try (Admin admin = admin()) {
            List<NewTopic> topics = names.stream()
                    .map(name -> new NewTopic(name, partitions.get(name), (short) NODES)
                            .configs(Map.of("min.insync.replicas", "2")))
                    .toList();
            admin.createTopics(topics).all().get(2, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException("topic creation failed", e);
        }
    }

    void awaitBrokers(int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try (Admin admin = admin()) {
                if (admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).size() == count) {
                    return;
                }
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                // not yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            JvmProcess.sleep(Duration.ofSeconds(2));
        }
        throw new IllegalStateException(count + " brokers not up within " + timeout);
    }

    Admin admin() {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000);
        return Admin.create(properties);
    }

    @Override
    public void close() {
        nodes.forEach(JvmProcess::stop);
    }

    private static void writeConfig(Path file, int id, int brokerPort, int controllerPort, String voters, Path data) {
        String properties = String.join(
                "\n",
                "process.roles=broker,controller",
                "node.id=" + id,
                "controller.quorum.voters=" + voters,
                "listeners=PLAINTEXT://localhost:" + brokerPort + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners=PLAINTEXT://localhost:" + brokerPort,
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + data,
                "auto.create.topics.enable=false",
                "default.replication.factor=3",
                "min.insync.replicas=2",
                "offsets.topic.replication.factor=3",
                "transaction.state.log.replication.factor=3",
                "transaction.state.log.min.isr=2",
                "unclean.leader.election.enable=false",
                "group.initial.rebalance.delay.ms=0",
                "num.network.threads=2",
                "num.io.threads=4",
                "log.cleaner.dedupe.buffer.size=8388608",
                "");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, properties);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void format(String classpath, Path config, String clusterId, Path log) {
        try {
            Files.createDirectories(log.getParent());
            Process format = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            classpath,
                            "kafka.tools.StorageTool",
                            "format",
                            "-t",
                            clusterId,
                            "-c",
                            config.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!format.waitFor(2, TimeUnit.MINUTES) || format.exitValue() != 0) {
                throw new IllegalStateException("kafka-storage format failed; see " + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void writeLogConfig(Path file) {
        try {
            Files.writeString(
                    file,
                    String.join(
                            "\n",
                            "log4j.rootLogger=WARN, stdout",
                            "log4j.appender.stdout=org.apache.log4j.ConsoleAppender",
                            "log4j.appender.stdout.layout=org.apache.log4j.PatternLayout",
                            "log4j.appender.stdout.layout.ConversionPattern=%d %p %c{1} %m%n",
                            "log4j.logger.kafka.server.KafkaServer=INFO",
                            "log4j.logger.kafka.server.BrokerServer=INFO",
                            ""));
            Files.writeString(
                    file.resolveSibling("kafka-logback.xml"),
                    String.join(
                            "\n",
                            "<configuration>",
                            "  <appender name=\"out\" class=\"ch.qos.logback.core.ConsoleAppender\">",
                            "    <encoder><pattern>%d %level %logger{20} %msg%n</pattern></encoder>",
                            "  </appender>",
                            "  <logger name=\"kafka.server.BrokerServer\" level=\"INFO\"/>",
                            "  <root level=\"WARN\"><appender-ref ref=\"out\"/></root>",
                            "</configuration>",
                            ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
