package io.slotbridge.local;

import io.slotbridge.calendarconnector.CalendarConnectorApplication;
import io.slotbridge.console.ConsoleApplication;
import io.slotbridge.crmconnector.CrmConnectorApplication;
import io.slotbridge.followup.FollowupApplication;
import io.slotbridge.gateway.GatewayApplication;
import io.slotbridge.sandbox.SandboxApplication;
import io.slotbridge.sync.SyncApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * What the launcher runs, in start order: the sandbox emulators, then every Slotbridge service, each as its own
 * Spring context built by the service's own {@code application()} (so it reads its own {@code <service>.yml}).
 *
 * <p>All of them share one classpath here, so auto-configurations a service never meant to use are excluded: the
 * console brings Spring Security (which would lock every other service's endpoints), the services bring JDBC and
 * Kafka (which the sandbox and the stateless gateway must not try to reach).
 */
public enum Service {
    SANDBOX("sandbox", SandboxApplication.class, SandboxApplication::application, false, false),
    GATEWAY("gateway", GatewayApplication.class, GatewayApplication::application, true, false),
    CRM_CONNECTOR("crm-connector", CrmConnectorApplication.class, CrmConnectorApplication::application, true, true),
    CALENDAR_CONNECTOR(
            "calendar-connector",
            CalendarConnectorApplication.class,
            CalendarConnectorApplication::application,
            true,
            true),
    SYNC("sync", SyncApplication.class, SyncApplication::application, true, true),
    FOLLOWUP("followup", FollowupApplication.class, FollowupApplication::application, true, true),
    CONSOLE("console", ConsoleApplication.class, ConsoleApplication::application, true, true);

    private static final List<String> SERVLET_SECURITY = List.of(
            "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration",
            "org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration",
            "org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration",
            "org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration");
    private static final List<String> REACTIVE_SECURITY = List.of(
            "org.springframework.boot.autoconfigure.security.reactive.ReactiveSecurityAutoConfiguration",
            "org.springframework.boot.autoconfigure.security.reactive.ReactiveUserDetailsServiceAutoConfiguration",
            "org.springframework.boot.actuate.autoconfigure.security.reactive"
                    + ".ReactiveManagementWebSecurityAutoConfiguration");
    /**
     * WebFlux is on the shared classpath for the gateway, so every context would also build a reactive HTTP client
     * whose Reactor Netty resources are JVM-global: closing any one context (a restart) would dispose the event loops
     * the gateway's server runs on, and the gateway would stop answering. No other service uses WebClient.
     */
    private static final List<String> REACTIVE_CLIENT = List.of(
            "org.springframework.boot.autoconfigure.http.client.reactive.ClientHttpConnectorAutoConfiguration",
            "org.springframework.boot.autoconfigure.web.reactive.function.client.ClientHttpConnectorAutoConfiguration",
            "org.springframework.boot.autoconfigure.web.reactive.function.client.WebClientAutoConfiguration");

    private static final List<String> DATABASE = List.of(
            "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
            "org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration",
            "org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration",
            "org.springframework.boot.autoconfigure.jdbc.JdbcClientAutoConfiguration",
            "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration");
    private static final List<String> KAFKA = List.of(
            "org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration",
            "io.slotbridge.platform.kafka.PlatformKafkaAutoConfiguration");

    private final String id;
    private final Class<?> mainClass;
    private final Supplier<SpringApplicationBuilder> application;
    private final boolean usesKafka;
    private final boolean usesDatabase;

    Service(
            String id,
            Class<?> mainClass,
            Supplier<SpringApplicationBuilder> application,
            boolean usesKafka,
            boolean usesDatabase) {
        this.id = id;
        this.mainClass = mainClass;
        this.application = application;
        this.usesKafka = usesKafka;
        this.usesDatabase = usesDatabase;
    }

    /** The service's name as in its config file, logs and URLs ({@code crm-connector}). */
    public String id() {
        return id;
    }

    Class<?> mainClass() {
        return mainClass;
    }

    SpringApplicationBuilder application() {
        return application.get();
    }

    boolean usesKafka() {
        return usesKafka;
    }

    boolean usesDatabase() {
        return usesDatabase;
    }

    boolean isSlotbridgeService() {
        return this != SANDBOX;
    }

    /** Auto-configurations this service gets from the shared classpath but must not run. */
    List<String> excludedAutoConfigurations() {
        List<String> excluded = new ArrayList<>();
        if (this != CONSOLE) {
            excluded.addAll(SERVLET_SECURITY);
            excluded.addAll(REACTIVE_SECURITY);
        }
        if (this != GATEWAY) {
            excluded.addAll(REACTIVE_CLIENT);
        }
        if (!usesDatabase) {
            excluded.addAll(DATABASE);
        }
        if (!usesKafka) {
            excluded.addAll(KAFKA);
        }
        return excluded;
    }

    public static Service byId(String id) {
        for (Service service : values()) {
            if (service.id.equals(id)) {
                return service;
            }
        }
        throw new IllegalArgumentException("no service '" + id + "'; known: " + List.of(values()));
    }

    @Override
    public String toString() {
        return id;
    }
}
