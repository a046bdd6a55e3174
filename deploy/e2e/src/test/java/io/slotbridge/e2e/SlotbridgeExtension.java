package io.slotbridge.e2e;

import io.slotbridge.local.LocalOptions;
import io.slotbridge.local.RunningSlotbridge;
import io.slotbridge.local.SlotbridgeLocal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Starts the whole Slotbridge once for the suite (the first test class that asks for it) through the local launcher's
 * Java API — free ports everywhere, no demo traffic — and stops it when the JUnit run ends. Test classes get it as a
 * {@link DemoTenant} parameter: the tenant their {@link OnTenant} names, else the amoCRM demo tenant.
 *
 * <p>Anti-entropy sweeps run every few seconds instead of minutes, so a webhook the fault test drops is made up for
 * within the test's patience rather than the production default.
 */
public final class SlotbridgeExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(SlotbridgeExtension.class);

    /** How often the connectors re-read both sides on their own (production: minutes). */
    static final String SWEEP_INTERVAL = "10s";

    /**
     * How often the calendar-connector checks its Google watch channels (production: 15 min, renewing a day before the
     * 7-day expiry). The follow-up tests move the shared clock by days within seconds, past that expiry: without a
     * quick check the calendar's push notifications stop until then, and every later calendar change waits for a
     * sweep.
     */
    static final String WATCH_CHECK_INTERVAL = "3s";

    /** How often the follow-up looks for leads idle in the qualified stage (scenario A; production: a minute). */
    static final String QUALIFIED_IDLE_SWEEP_INTERVAL = "2s";

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == DemoTenant.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        String tenant = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), OnTenant.class)
                .map(OnTenant::value)
                .orElse(DemoTenant.AMOCRM);
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent("slotbridge", key -> new Started(start()), Started.class)
                .tenant(tenant);
    }

    private static RunningSlotbridge start() {
        LocalOptions options = LocalOptions.forTests(dataDirectory())
                .withProperty("slotbridge.crm-connector.sweep.interval", SWEEP_INTERVAL)
                .withProperty("slotbridge.calendar-connector.sync.sweep-interval", SWEEP_INTERVAL)
                .withProperty("slotbridge.calendar-connector.watch.check-interval", WATCH_CHECK_INTERVAL)
                .withProperty("slotbridge.followup.sweep-interval", QUALIFIED_IDLE_SWEEP_INTERVAL);
        return SlotbridgeLocal.start(options);
    }

    private static Path dataDirectory() {
        try {
            Path target = Path.of("target");
            Files.createDirectories(target);
            return Files.createTempDirectory(target.toAbsolutePath(), "e2e-data-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closed by JUnit at the end of the run: stops every service, Kafka and PostgreSQL. */
    private static final class Started implements ExtensionContext.Store.CloseableResource {
        private final RunningSlotbridge running;
        private final Map<String, DemoTenant> tenants = new ConcurrentHashMap<>();

        Started(RunningSlotbridge running) {
            this.running = running;
        }

        /** One per tenant for the whole run, so its people sign in once. */
        DemoTenant tenant(String name) {
            return tenants.computeIfAbsent(name, tenant -> DemoTenant.of(tenant, running));
        }

        @Override
        public void close() {
            running.close();
        }
    }
}
