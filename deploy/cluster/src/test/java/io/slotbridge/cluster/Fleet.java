package io.slotbridge.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every Slotbridge service, {@link #REPLICAS} copies each, each copy its own JVM started from the service's
 * executable jar ({@code services/<name>/target/<name>-0.1.0-SNAPSHOT-exec.jar}) with the settings an installation
 * gives it: the shared Kafka cluster and PostgreSQL, topics created beforehand, the tenants file, secrets.
 */
final class Fleet implements AutoCloseable {

    static final int REPLICAS = 2;

    /** Start order: consumers first, the gateway (which lets traffic in) last. */
    static final List<String> SERVICES =
            List.of("crm-connector", "calendar-connector", "sync", "followup", "console", "gateway");

    private final List<Replica> replicas = new ArrayList<>();

    Fleet(Path repository, Path logDir, ReplicaSettings settings) {
        for (String service : SERVICES) {
            Path jar = snapshot(
                    repository.resolve("services/" + service + "/target/" + service + "-0.1.0-SNAPSHOT-exec.jar"),
                    logDir.resolveSibling("jars"));
            for (int index = 1; index <= REPLICAS; index++) {
                int port = Ports.free();
                List<String> command = new ArrayList<>(settings.jvmOptions());
                command.add("-jar");
                command.add(jar.toString());
                command.addAll(settings.arguments(service, index, port));
                JvmProcess process = new JvmProcess(
                        service + "-" + index,
                        command,
                        Map.of(),
                        logDir,
                        JvmProcess.httpOk("http://127.0.0.1:" + port + "/actuator/health"));
                replicas.add(new Replica(service, index, port, process));
            }
        }
    }

    /**
     * A copy of the executable jar for the run: a rebuild of the module while the test runs must not change what a
     * restarted replica executes (nor pull the file from under a running JVM).
     */
    static Path snapshot(Path jar, Path dir) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the services first (./mvnw -B -DskipTests "
                    + "install, or ./mvnw -B verify -Pcluster which builds them before this module)");
        }
        try {
            Files.createDirectories(dir);
            return Files.copy(jar, dir.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + jar, e);
        }
    }

    void start(Duration timeout) {
        replicas.forEach(replica -> replica.process().start());
        replicas.forEach(replica -> replica.process().awaitHealthy(timeout));
    }

    List<Replica> all() {
        return List.copyOf(replicas);
    }

    List<Replica> of(String service) {
        return replicas.stream().filter(r -> r.service().equals(service)).toList();
    }

    Replica replica(String service, int index) {
        return of(service).stream().filter(r -> r.index() == index).findFirst().orElseThrow();
    }

    @Override
    public void close() {
        replicas.forEach(replica -> replica.process().stop());
    }
}
