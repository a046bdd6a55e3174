package io.slotbridge.local;

import io.slotbridge.local.infra.LocalDatabase;
import io.slotbridge.local.infra.LocalKafka;
import io.slotbridge.platform.time.AdjustableClock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running local Slotbridge: its addresses, the clock every service shares, and the controls tests need (restart a
 * service, stop everything). {@link #close()} stops the services in reverse start order, then Kafka and PostgreSQL.
 */
public final class RunningSlotbridge implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RunningSlotbridge.class);

    /** What has been started so far, so a failed start can stop exactly that. */
    static final class Parts {
        LocalKafka kafka;
        LocalDatabase database;
        final Map<Service, ServiceInstance> instances = Collections.synchronizedMap(new EnumMap<>(Service.class));
        final List<AutoCloseable> extras = new ArrayList<>();

        synchronized void stopAll() {
            for (int i = extras.size() - 1; i >= 0; i--) {
                quietly("demo traffic", extras.get(i));
            }
            extras.clear();
            List<Service> order = new ArrayList<>(List.of(Service.values()));
            Collections.reverse(order);
            for (Service service : order) {
                ServiceInstance instance = instances.remove(service);
                if (instance != null) {
                    quietly(service.id(), instance::stop);
                }
            }
            if (kafka != null) {
                quietly("Kafka", kafka);
                kafka = null;
            }
            if (database != null) {
                quietly("PostgreSQL", database);
                database = null;
            }
        }

        private static void quietly(String what, AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                log.warn("{} did not stop cleanly: {}", what, e.toString());
            }
        }
    }

    private final LocalOptions options;
    private final Wiring wiring;
    private final AdjustableClock clock;
    private final Parts parts;
    private final Map<String, TenantOverview> tenants;
    private final List<Provisioning.Step> provisioning;
    private final long startedNanos;
    private volatile boolean closed;

    RunningSlotbridge(
            LocalOptions options,
            Wiring wiring,
            AdjustableClock clock,
            Parts parts,
            Map<String, TenantOverview> tenants,
            List<Provisioning.Step> provisioning,
            long startedNanos) {
        this.options = options;
        this.wiring = wiring;
        this.clock = clock;
        this.parts = parts;
        this.tenants = Map.copyOf(tenants);
        this.provisioning = List.copyOf(provisioning);
        this.startedNanos = startedNanos;
    }

    /** {@code http://localhost:<port>} of a service or the sandbox. */
    public String url(Service service) {
        return wiring.url(service);
    }

    public String sandboxUrl() {
        return url(Service.SANDBOX);
    }

    /** The one clock of every context: {@link AdjustableClock#advance} moves time for the whole system. */
    public AdjustableClock clock() {
        return clock;
    }

    /** The bearer token of every service's admin API. */
    public String adminToken() {
        return wiring.secrets().adminToken();
    }

    public String kafkaBootstrapServers() {
        return wiring.kafkaBootstrapServers();
    }

    public String jdbcUrl() {
        return wiring.jdbcUrl();
    }

    public Path dataDir() {
        return options.dataDirPath();
    }

    public LocalOptions options() {
        return options;
    }

    Wiring wiring() {
        return wiring;
    }

    /** The tenants of the tenants file, by id. */
    public List<String> tenants() {
        return List.copyOf(tenants.keySet());
    }

    /** A tenant of the tenants file. */
    public TenantOverview tenant(String id) {
        TenantOverview tenant = tenants.get(id);
        if (tenant == null) {
            throw new IllegalArgumentException("no tenant " + id + " (known: " + tenants.keySet() + ")");
        }
        return tenant;
    }

    /** Whether the crm-connector of this build serves the tenant's CRM (its webhooks could be installed). */
    public boolean crmConnected(String tenant) {
        return provisioning.stream()
                .anyMatch(step -> step.tenant().equals(tenant)
                        && step.task() == Provisioning.Task.CRM_WEBHOOKS
                        && step.outcome() == Provisioning.Outcome.DONE);
    }

    public List<Provisioning.Step> provisioning() {
        return provisioning;
    }

    long startedNanos() {
        return startedNanos;
    }

    void attach(AutoCloseable extra) {
        synchronized (parts) {
            parts.extras.add(extra);
        }
    }

    /**
     * Stops a service's context and starts it again on the same port with the same settings, as a crash and a
     * restart of that one service would. Work in flight is redelivered from Kafka and the outboxes.
     */
    public void restart(Service service) {
        ServiceInstance instance = parts.instances.get(service);
        if (instance == null) {
            throw new IllegalArgumentException(service + " is not running");
        }
        log.info("restarting {}", service);
        instance.stop();
        instance.start();
        log.info("{} is up again on {}", service, url(service));
    }

    public boolean isRunning(Service service) {
        ServiceInstance instance = parts.instances.get(service);
        return instance != null && instance.isRunning();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        log.info("stopping Slotbridge");
        parts.stopAll();
        log.info("Slotbridge stopped");
    }
}
