package io.slotbridge.local;

import io.slotbridge.local.infra.LocalDatabase;
import io.slotbridge.local.infra.LocalKafka;
import io.slotbridge.platform.time.AdjustableClock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LoggingSystem;

/**
 * Starts the whole Slotbridge in this JVM — the same wiring for {@code java -jar slotbridge-local.jar}, the end-to-end
 * tests and the e2e bench:
 *
 * <ol>
 *   <li>embedded KRaft Kafka, embedded PostgreSQL and the sandbox emulators, side by side;
 *   <li>every service as its own Spring context, side by side (each reads its own {@code <service>.yml});
 *   <li>provisioning through the admin APIs, as an administrator would;
 *   <li>the demo traffic, when asked for.
 * </ol>
 *
 * A part that fails to start stops everything already started and is named in the exception.
 */
public final class SlotbridgeLocal {

    private static final Logger log = LoggerFactory.getLogger(SlotbridgeLocal.class);

    private SlotbridgeLocal() {}

    public static RunningSlotbridge start(LocalOptions options) {
        useLauncherLogging();
        long started = System.nanoTime();
        Path dataDir = options.dataDirPath();
        Ports ports = resolvePorts(options.ports());
        LocalSecrets secrets = LocalSecrets.loadOrCreate(dataDir);
        Path tenantsFile = TenantsFile.resolve(options, dataDir);
        AdjustableClock clock = AdjustableClock.system();
        RunningSlotbridge.Parts parts = new RunningSlotbridge.Parts();
        ExecutorService starter = Executors.newFixedThreadPool(6, new NamedThreads("slotbridge-start"));
        try {
            CompletableFuture<LocalKafka> kafka = CompletableFuture.supplyAsync(
                    () -> LocalKafka.start(options.kafkaPort(), options.partitions()), starter);
            CompletableFuture<LocalDatabase> database = CompletableFuture.supplyAsync(
                    () -> LocalDatabase.start(
                            databaseDirectory(options, dataDir), options.sandboxTenants(), options.postgresPort()),
                    starter);
            Wiring sandboxOnly = new Wiring(options, ports, secrets, tenantsFile, null, null, null);
            ServiceInstance sandbox =
                    new ServiceInstance(Service.SANDBOX, ServiceProperties.of(Service.SANDBOX, sandboxOnly), clock);
            CompletableFuture<ServiceInstance> sandboxStarted = CompletableFuture.supplyAsync(
                    () -> {
                        sandbox.start();
                        return sandbox;
                    },
                    starter);
            List<RuntimeException> failures = new ArrayList<>();
            parts.kafka = collect(kafka, failures);
            parts.database = collect(database, failures);
            ServiceInstance sandboxUp = collect(sandboxStarted, failures);
            if (sandboxUp != null) {
                parts.instances.put(Service.SANDBOX, sandboxUp);
            }
            throwFirst(failures);

            String publicBaseUrl = options.publicBaseUrl() != null
                    ? options.publicBaseUrl()
                    : options.sandboxTenants() ? "http://localhost:" + ports.gateway() : null;
            Wiring wiring = new Wiring(
                    options,
                    ports,
                    secrets,
                    tenantsFile,
                    parts.kafka.bootstrapServers(),
                    parts.database.jdbcUrl(),
                    publicBaseUrl);
            startServices(wiring, clock, parts, starter);

            Map<String, TenantOverview> tenants = TenantOverview.from(
                    parts.instances.get(Service.SYNC).context().getEnvironment());
            List<Provisioning.Step> provisioned = new Provisioning(wiring).provision(tenants.values());
            RunningSlotbridge running =
                    new RunningSlotbridge(options, wiring, clock, parts, tenants, provisioned, started);
            log.info("Slotbridge started in {} s", (System.nanoTime() - started) / 1_000_000_000);
            return running;
        } catch (RuntimeException e) {
            log.error("Slotbridge did not start: {}", e.getMessage());
            parts.stopAll();
            throw e;
        } finally {
            starter.shutdownNow();
        }
    }

    private static void startServices(
            Wiring wiring, AdjustableClock clock, RunningSlotbridge.Parts parts, ExecutorService starter) {
        Map<Service, CompletableFuture<ServiceInstance>> starting = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            if (service.isSlotbridgeService()) {
                ServiceInstance instance = new ServiceInstance(service, ServiceProperties.of(service, wiring), clock);
                starting.put(
                        service,
                        CompletableFuture.supplyAsync(
                                () -> {
                                    instance.start();
                                    log.info("{} is up on {}", service, wiring.url(service));
                                    return instance;
                                },
                                starter));
            }
        }
        List<RuntimeException> failures = new ArrayList<>();
        starting.forEach((service, future) -> {
            ServiceInstance up = collect(future, failures);
            if (up != null) {
                parts.instances.put(service, up);
            }
        });
        throwFirst(failures);
    }

    private static <T> T collect(CompletableFuture<T> future, List<RuntimeException> failures) {
        try {
            return future.join();
        } catch (CompletionException e) {
            RuntimeException failure = e.getCause() instanceof RuntimeException r ? r : e;
            log.error("{}", failure.getMessage());
            failures.add(failure);
            return null;
        }
    }

    private static void throwFirst(List<RuntimeException> failures) {
        if (failures.isEmpty()) {
            return;
        }
        RuntimeException first = failures.get(0);
        failures.subList(1, failures.size()).forEach(first::addSuppressed);
        throw first;
    }

    /** The sandbox demo starts from an empty database, like the sandbox itself; real accounts keep theirs. */
    static Path databaseDirectory(LocalOptions options, Path dataDir) {
        return dataDir.resolve(options.sandboxTenants() ? "postgres-demo" : "postgres");
    }

    /** Port 0 means any free port; it is fixed before start so a restarted service keeps its address. */
    private static Ports resolvePorts(Ports given) {
        Supplier<Integer> free = Ports::freePort;
        return new Ports(
                given.sandbox() == 0 ? free.get() : given.sandbox(),
                given.gateway() == 0 ? free.get() : given.gateway(),
                given.crmConnector() == 0 ? free.get() : given.crmConnector(),
                given.calendarConnector() == 0 ? free.get() : given.calendarConnector(),
                given.sync() == 0 ? free.get() : given.sync(),
                given.followup() == 0 ? free.get() : given.followup(),
                given.console() == 0 ? free.get() : given.console());
    }

    /**
     * Seven Spring contexts share one Logback: Boot's per-context logging system would re-initialise it at every
     * start and tear it down when any one context closes (a restarted service would silence the others). The
     * launcher's logback.xml configures it once instead.
     */
    static void useLauncherLogging() {
        if (System.getProperty(LoggingSystem.SYSTEM_PROPERTY) == null) {
            System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
        }
    }

    private static final class NamedThreads implements java.util.concurrent.ThreadFactory {
        private final String prefix;
        private final AtomicInteger next = new AtomicInteger();

        NamedThreads(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public Thread newThread(Runnable task) {
            return new Thread(task, prefix + "-" + next.incrementAndGet());
        }
    }
}
