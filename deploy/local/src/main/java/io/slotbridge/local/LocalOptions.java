package io.slotbridge.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * How the local Slotbridge starts: {@code --slotbridge.local.<option>=…} arguments or {@code SLOTBRIDGE_LOCAL_<OPTION>}
 * environment variables. Any other {@code --key=value} argument is handed to every service (e.g.
 * {@code --slotbridge.crm-connector.sweep.interval=1m}).
 *
 * @param dataDir where the generated secrets and the PostgreSQL data live
 * @param tenantsFile a tenants file with real accounts (docs/tenant-configuration.md); none = the demo tenants on the
 *     sandbox
 * @param demoTraffic people acting in the sandbox's amoCRM, Google Calendar and WhatsApp (demo tenants only)
 * @param demoPace the pause between two actions of the demo traffic
 * @param publicBaseUrl where amoCRM, Google and Wazzup reach the gateway; default http://localhost:&lt;gateway port&gt;
 *     for the sandbox, the tenants file's {@code slotbridge.public-base-url} otherwise
 * @param kafkaPort the embedded broker's port (0 = any free port)
 * @param postgresPort the embedded PostgreSQL's port (0 = any free port)
 * @param partitions partitions of every topic on the embedded broker
 * @param ports HTTP ports of the sandbox and the services
 * @param properties extra properties for every service context
 */
public record LocalOptions(
        @DefaultValue(".slotbridge") String dataDir,
        String tenantsFile,
        @DefaultValue("true") boolean demoTraffic,
        @DefaultValue("15s") Duration demoPace,
        String publicBaseUrl,
        @DefaultValue("9092") int kafkaPort,
        @DefaultValue("0") int postgresPort,
        @DefaultValue("2") int partitions,
        @DefaultValue Ports ports,
        @DefaultValue Map<String, String> properties) {

    static final String PREFIX = "slotbridge.local";

    public LocalOptions {
        properties = Map.copyOf(properties == null ? Map.of() : properties);
        ports = ports == null ? Ports.defaults() : ports;
        if (partitions < 1) {
            throw new IllegalArgumentException("slotbridge.local.partitions must be at least 1, was " + partitions);
        }
        if (demoPace == null || demoPace.isNegative() || demoPace.isZero()) {
            throw new IllegalArgumentException("slotbridge.local.demo-pace must be positive, was " + demoPace);
        }
    }

    /** The defaults of the command line: DESIGN §8 ports, {@code ./.slotbridge}, demo traffic on. */
    public static LocalOptions defaults() {
        return parse();
    }

    /** For tests and benches: free ports everywhere (Kafka included), the given data directory, no demo traffic. */
    public static LocalOptions forTests(Path dataDir) {
        return defaults()
                .withDataDir(dataDir)
                .withPorts(Ports.free())
                .withKafkaPort(Ports.freePort())
                .withDemoTraffic(false);
    }

    /** Reads {@code --key=value} arguments and {@code SLOTBRIDGE_LOCAL_*} environment variables. */
    public static LocalOptions parse(String... args) {
        Map<String, Object> own = new LinkedHashMap<>();
        Map<String, String> forServices = new LinkedHashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 3) {
                throw new IllegalArgumentException(
                        "unexpected argument '" + arg + "': options look like --slotbridge.local.data-dir=/some/dir");
            }
            String key = arg.substring(2, equals);
            String value = arg.substring(equals + 1);
            if (key.startsWith(PREFIX + ".")) {
                own.put(key, value);
            } else {
                forServices.put(key, value);
            }
        }
        MutablePropertySources sources = new MutablePropertySources();
        sources.addLast(new MapPropertySource("arguments", own));
        sources.addLast(new SystemEnvironmentPropertySource("environment", Map.copyOf(filteredEnvironment())));
        Binder binder = new Binder(ConfigurationPropertySources.from(sources));
        LocalOptions bound = binder.bindOrCreate(
                PREFIX, Bindable.of(LocalOptions.class), new NoUnboundElementsBindHandler(BindHandler.DEFAULT));
        Map<String, String> properties = new LinkedHashMap<>(bound.properties());
        properties.putAll(forServices);
        return bound.withProperties(properties);
    }

    /** Only our own variables: the binder must not trip over unrelated ones. */
    private static Map<String, Object> filteredEnvironment() {
        Map<String, Object> ours = new LinkedHashMap<>();
        System.getenv().forEach((name, value) -> {
            if (name.startsWith("SLOTBRIDGE_LOCAL_")) {
                ours.put(name, value);
            }
        });
        return ours;
    }

    public Path dataDirPath() {
        return Path.of(dataDir).toAbsolutePath().normalize();
    }

    /** True when the demo tenants on the sandbox are used (no tenants file of real accounts). */
    public boolean sandboxTenants() {
        return tenantsFile == null || tenantsFile.isBlank();
    }

    public LocalOptions withDataDir(Path dir) {
        return new LocalOptions(
                dir.toString(),
                tenantsFile,
                demoTraffic,
                demoPace,
                publicBaseUrl,
                kafkaPort,
                postgresPort,
                partitions,
                ports,
                properties);
    }

    public LocalOptions withDemoTraffic(boolean on) {
        return new LocalOptions(
                dataDir,
                tenantsFile,
                on,
                demoPace,
                publicBaseUrl,
                kafkaPort,
                postgresPort,
                partitions,
                ports,
                properties);
    }

    public LocalOptions withPorts(Ports newPorts) {
        return new LocalOptions(
                dataDir,
                tenantsFile,
                demoTraffic,
                demoPace,
                publicBaseUrl,
                kafkaPort,
                postgresPort,
                partitions,
                newPorts,
                properties);
    }

    public LocalOptions withKafkaPort(int port) {
        return new LocalOptions(
                dataDir,
                tenantsFile,
                demoTraffic,
                demoPace,
                publicBaseUrl,
                port,
                postgresPort,
                partitions,
                ports,
                properties);
    }

    public LocalOptions withProperties(Map<String, String> newProperties) {
        return new LocalOptions(
                dataDir,
                tenantsFile,
                demoTraffic,
                demoPace,
                publicBaseUrl,
                kafkaPort,
                postgresPort,
                partitions,
                ports,
                newProperties);
    }

    /** One more property for every service context. */
    public LocalOptions withProperty(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(properties);
        more.put(key, value);
        return withProperties(more);
    }
}
