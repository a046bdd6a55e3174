package io.slotbridge.local;

import io.slotbridge.local.infra.LocalDatabase;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The properties each context gets on top of its own {@code <service>.yml}: where Kafka, PostgreSQL, the tenants
 * file, the sandbox and the other services are, the shared secrets, and what must stay off in a shared JVM.
 */
final class ServiceProperties {

    private static final Logger log = LoggerFactory.getLogger(ServiceProperties.class);

    private ServiceProperties() {}

    static Map<String, String> of(Service service, Wiring wiring) {
        Map<String, String> managed = new LinkedHashMap<>();
        managed.put("server.port", String.valueOf(wiring.ports().of(service)));
        managed.put("spring.main.banner-mode", "off");
        // the launcher closes the contexts itself, in reverse start order, before Kafka and PostgreSQL
        managed.put("spring.main.register-shutdown-hook", "false");
        // each service keeps its own meters, as it would in its own JVM
        managed.put("management.metrics.use-global-registry", "false");
        managed.put("spring.autoconfigure.exclude", String.join(",", service.excludedAutoConfigurations()));
        if (service == Service.SANDBOX) {
            managed.put("slotbridge.sandbox.public-url", wiring.url(Service.SANDBOX));
        } else {
            slotbridgeService(service, wiring, managed);
        }
        Map<String, String> properties = new LinkedHashMap<>(wiring.options().properties());
        managed.forEach((key, value) -> {
            String given = properties.put(key, value);
            if (given != null && !given.equals(value)) {
                log.warn("{}: --{} is set by the launcher; the given value is ignored", service, key);
            }
        });
        return properties;
    }

    private static void slotbridgeService(Service service, Wiring wiring, Map<String, String> managed) {
        managed.put("SLOTBRIDGE_TENANTS_FILE", wiring.tenantsFile().toString());
        // placeholders of deploy/tenants/demo.yml
        managed.put("SLOTBRIDGE_SANDBOX_URL", wiring.url(Service.SANDBOX));
        if (wiring.publicBaseUrl() != null) {
            managed.put("SLOTBRIDGE_PUBLIC_BASE_URL", wiring.publicBaseUrl());
            managed.put("slotbridge.public-base-url", wiring.publicBaseUrl());
        }
        managed.put("slotbridge.admin.token", wiring.secrets().adminToken());
        managed.put("slotbridge.crypto.keys", wiring.secrets().cryptoKeys());
        if (service.usesKafka()) {
            managed.put("spring.kafka.bootstrap-servers", wiring.kafkaBootstrapServers());
            managed.put(
                    "slotbridge.kafka.partitions",
                    String.valueOf(wiring.options().partitions()));
        }
        if (service.usesDatabase()) {
            managed.put("spring.datasource.url", wiring.jdbcUrl());
            managed.put("spring.datasource.username", LocalDatabase.USER);
            managed.put("spring.datasource.password", "");
        }
        if (service == Service.CONSOLE) {
            for (Service other : Service.values()) {
                if (other.isSlotbridgeService() && other != Service.CONSOLE) {
                    managed.put("slotbridge.console.services." + other.id(), wiring.url(other));
                }
            }
            if (wiring.options().sandboxTenants()) {
                // the console's own demo users (operator / demo-operator, viewer / demo-viewer): sandbox only
                managed.put("spring.profiles.active", "demo");
            } else {
                managed.put("slotbridge.console.users[0].username", LocalSecrets.CONSOLE_USER);
                managed.put(
                        "slotbridge.console.users[0].password-hash",
                        wiring.secrets().consolePasswordHash());
                managed.put("slotbridge.console.users[0].role", "OPERATOR");
            }
        }
    }
}
