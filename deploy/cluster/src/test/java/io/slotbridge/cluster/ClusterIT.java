package io.slotbridge.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotbridge.contracts.TopicSpec;
import io.slotbridge.contracts.Topics;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.util.FileSystemUtils;

/**
 * Slotbridge scaled out and crashed (issue #9): a three-node KRaft Kafka cluster (RF 3, min.insync.replicas 2), one
 * PostgreSQL, the sandbox, and two replicas of every service, each its own JVM. Demo people drive {@code
 * -Dcluster.leads} leads (default 300) through the sandbox's amoCRM and Google Calendar while one replica of each
 * service after the other is killed with SIGKILL and one broker is killed and restarted. Afterwards every lead's
 * stage and slots must match the rules, with no duplicate slot, WhatsApp message, call task or applied command, and
 * every consumer group must have caught up.
 *
 * <p>Run with {@code ./mvnw -B verify -Pcluster} (docs/operations.md); it loads a machine for a quarter of an hour.
 */
class ClusterIT {

    private static final int LEADS = Integer.getInteger("cluster.leads", 300);
    private static final Duration DOWNTIME = Duration.ofSeconds(5);
    private static final Duration PACE = Duration.ofSeconds(10);
    private static final Set<String> CONSUMER_GROUPS =
            Set.of("crm-connector", "calendar-connector", "sync", "followup", "console");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void everyLeadConvergesOnceWhileReplicasAndABrokerCrash() throws Exception {
        Path repository = Path.of(System.getProperty("cluster.repository"))
                .toAbsolutePath()
                .normalize();
        Path work = Path.of(System.getProperty("cluster.workDir"));
        FileSystemUtils.deleteRecursively(work);
        Path logs = work.resolve("logs");
        String brokerClasspath = Files.readString(Path.of(System.getProperty("cluster.brokerClasspathFile")))
                .strip();
        Path tenants =
                Path.of(ClusterIT.class.getResource("/cluster-tenants.yml").toURI());

        try (KafkaCluster kafka = new KafkaCluster(work, brokerClasspath, logs);
                EmbeddedPostgres postgres = startPostgres(work.resolve("postgres"));
                SandboxProcess sandboxProcess = SandboxProcess.start(repository, logs)) {
            kafka.start();
            kafka.createTopics(Topics.allNamesWithDlts(), partitions());
            String sandboxUrl = sandboxProcess.url();
            SandboxApi sandbox = new SandboxApi(sandboxUrl);
            // the driver's own CRM calls and two connector replicas share the account: room for both, no blocking
            sandbox.setAmoCrmRateLimit(100);

            int proxyPort = Ports.free();
            String adminToken = randomToken();
            ReplicaSettings settings = new ReplicaSettings(
                    kafka.bootstrapServers(),
                    postgres.getJdbcUrl("postgres", "postgres"),
                    adminToken,
                    "k1:" + Base64.getEncoder().encodeToString(randomBytes(32)),
                    new BCryptPasswordEncoder(10).encode(randomToken()),
                    Map.of(
                            "SLOTBRIDGE_TENANTS_FILE",
                            tenants.toString(),
                            "SLOTBRIDGE_SANDBOX_URL",
                            sandboxUrl,
                            "SLOTBRIDGE_PUBLIC_BASE_URL",
                            "http://127.0.0.1:" + proxyPort));
            try (Fleet fleet = new Fleet(repository, logs, settings);
                    FailoverProxy gateway = new FailoverProxy(
                            proxyPort,
                            fleet.of("gateway").stream().map(Replica::port).toList())) {
                Instant started = Instant.now();
                fleet.start(Duration.ofMinutes(10));
                System.out.printf(
                        "[cluster] 3 brokers, %d service JVMs healthy after %d s%n",
                        fleet.all().size(),
                        Duration.between(started, Instant.now()).toSeconds());
                new AdminApi(adminToken).connectTenant(fleet, SandboxApi.TENANT);

                DemoPeople people = new DemoPeople(sandbox);
                Chaos chaos = new Chaos(fleet, kafka, DOWNTIME);
                Instant driveStart = Instant.now();
                Thread crashes = new Thread(chaos, "chaos");
                drive(people, crashes);
                Instant driven = Instant.now();
                people.actUntilDone(Duration.ofMinutes(10));

                LeadAudit audit = awaitConvergence(people, sandbox, Duration.ofMinutes(15));
                Instant converged = Instant.now();
                Map<String, Long> lag = awaitNoLag(kafka, Duration.ofMinutes(5));
                Map<String, Integer> appliedTwice = KafkaAudit.commandsAppliedTwice(
                        kafka.bootstrapServers(),
                        List.of(Topics.CRM_COMMAND_RESULTS.name(), Topics.CALENDAR_COMMAND_RESULTS.name()));

                System.out.printf(
                        "[cluster] leads=%d kills=%d people's actions=%d gateway failovers=%d%n"
                                + "[cluster] drive %d s, converged %d s after the last lead and the last crash%n"
                                + "[cluster] %s%n[cluster] commands applied twice=%d lag=%s%n[cluster] sandbox %s%n",
                        LEADS,
                        chaos.kills(),
                        people.actions(),
                        gateway.failovers(),
                        Duration.between(driveStart, driven).toSeconds(),
                        Duration.between(driven, converged).toSeconds(),
                        audit.summary(),
                        appliedTwice.size(),
                        lag,
                        sandbox.stats());
                chaos.log().forEach(line -> System.out.println("[cluster] " + line));

                assertThat(chaos.failure()).as("crashes and restarts").isNull();
                assertThat(chaos.kills()).isEqualTo(Fleet.SERVICES.size() + 1);
                assertThat(audit.leads()).isEqualTo(LEADS);
                assertThat(audit.wrong())
                        .as("leads whose CRM stage or slots break the rules")
                        .isEmpty();
                assertThat(audit.duplicateSlots()).as("duplicate slots").isZero();
                assertThat(audit.duplicateWhatsApp())
                        .as("duplicate WhatsApp messages")
                        .isZero();
                assertThat(audit.duplicateTasks()).as("duplicate call tasks").isZero();
                assertThat(appliedTwice).as("commands applied twice").isEmpty();
                assertThat(lag.values()).as("consumer lag").allMatch(behind -> behind == 0);
            }
        }
    }

    /**
     * New leads every {@link #PACE} while the crashes run, so every crash meets traffic; the people act on the slots
     * that appeared in between. Returns when every lead exists and the last crash has recovered.
     */
    private static void drive(DemoPeople people, Thread crashes) {
        int batch = Math.max(10, LEADS / 30);
        int created = 0;
        while (created < LEADS || crashes.isAlive()) {
            if (created < LEADS) {
                int count = Math.min(batch, LEADS - created);
                people.createAndBook(created + 1, count);
                created += count;
                if (!crashes.isAlive() && created == count) {
                    crashes.start();
                }
            }
            people.actOnNewSlots();
            JvmProcess.sleep(PACE);
        }
        join(crashes);
    }

    private static LeadAudit awaitConvergence(DemoPeople people, SandboxApi sandbox, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        LeadAudit audit = LeadAudit.of(people.leads(), sandbox);
        while (!audit.converged() && Instant.now().isBefore(deadline)) {
            System.out.println("[cluster] not converged yet: " + audit.summary());
            JvmProcess.sleep(Duration.ofSeconds(20));
            people.actOnNewSlots();
            audit = LeadAudit.of(people.leads(), sandbox);
        }
        return audit;
    }

    private static Map<String, Long> awaitNoLag(KafkaCluster kafka, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        try (Admin admin = kafka.admin()) {
            Map<String, Long> lag = KafkaAudit.lag(admin, CONSUMER_GROUPS);
            while (lag.values().stream().anyMatch(behind -> behind > 0)
                    && Instant.now().isBefore(deadline)) {
                JvmProcess.sleep(Duration.ofSeconds(5));
                lag = KafkaAudit.lag(admin, CONSUMER_GROUPS);
            }
            return lag;
        }
    }

    private static Map<String, Integer> partitions() {
        Map<String, Integer> partitions = new HashMap<>();
        for (TopicSpec<?> topic : Topics.ALL) {
            partitions.put(topic.name(), topic.partitions());
            partitions.put(topic.dlt(), topic.partitions());
        }
        return partitions;
    }

    private static EmbeddedPostgres startPostgres(Path dataDirectory) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(true)
                // a dozen service JVMs with small pools, Flyway and the follow-up scheduler
                .setServerConfig("max_connections", "300")
                // a throw-away database: durability buys nothing here, the shared CPU does
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .start();
    }

    /** The sandbox in its own JVM, from its executable jar; a resource of the try block so it always stops. */
    private record SandboxProcess(JvmProcess process, String url) implements AutoCloseable {

        static SandboxProcess start(Path repository, Path logs) {
            Path jar = Fleet.snapshot(
                    repository.resolve("deploy/sandbox/target/sandbox-0.1.0-SNAPSHOT-exec.jar"),
                    logs.resolveSibling("jars"));
            int port = Ports.free();
            String url = "http://127.0.0.1:" + port;
            JvmProcess sandbox = new JvmProcess(
                    "sandbox",
                    List.of(
                            "-Xmx384m",
                            "-XX:+UseSerialGC",
                            "-XX:TieredStopAtLevel=1",
                            "-jar",
                            jar.toString(),
                            "--server.port=" + port,
                            "--slotbridge.sandbox.public-url=" + url,
                            "--spring.main.banner-mode=off"),
                    Map.of(),
                    logs,
                    JvmProcess.httpOk(url + "/actuator/health"));
            sandbox.start();
            try {
                sandbox.awaitHealthy(Duration.ofMinutes(4));
            } catch (RuntimeException e) {
                sandbox.stop();
                throw e;
            }
            return new SandboxProcess(sandbox, url);
        }

        @Override
        public void close() {
            process.stop();
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String randomToken() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(24));
    }
}
