package io.slotbridge.local;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.boot.web.embedded.netty.NettyReactiveWebServerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * One service as one Spring context in the launcher's JVM: built by the service's own {@code application()}, given
 * its properties as command-line arguments (above its {@code <service>.yml}), the shared clock, and a class loader
 * that shows it only its own database migrations. It can be stopped and started again on the same port.
 */
final class ServiceInstance {

    private final Service service;
    private final Map<String, String> properties;
    private final Clock sharedClock;
    private volatile ConfigurableApplicationContext context;

    ServiceInstance(Service service, Map<String, String> properties, Clock sharedClock) {
        this.service = service;
        this.properties = new LinkedHashMap<>(properties);
        this.sharedClock = sharedClock;
    }

    Service service() {
        return service;
    }

    synchronized void start() {
        if (context != null) {
            throw new IllegalStateException(service + " is already running");
        }
        ClassLoader parent = ServiceInstance.class.getClassLoader();
        SpringApplicationBuilder builder = service.application()
                .resourceLoader(new DefaultResourceLoader(new ServiceClassLoader(parent, service.mainClass())))
                .initializers(ctx -> {
                    // one clock for the whole system, so tests and the demo can move time for every service at once
                    ctx.getBeanFactory().registerSingleton("slotbridgeSharedClock", sharedClock);
                    if (service == Service.GATEWAY && ctx instanceof GenericApplicationContext generic) {
                        // Tomcat (there for the servlet services) would otherwise win over Netty for the gateway
                        generic.registerBean(NettyReactiveWebServerFactory.class);
                    }
                });
        try {
            context = builder.run(arguments());
        } catch (RuntimeException e) {
            throw new ServiceStartException(service, e);
        }
    }

    synchronized void stop() {
        ConfigurableApplicationContext running = context;
        context = null;
        if (running != null) {
            running.close();
        }
    }

    boolean isRunning() {
        ConfigurableApplicationContext running = context;
        return running != null && running.isActive();
    }

    /** The port the web server listens on. */
    int port() {
        ConfigurableApplicationContext running = context;
        if (running instanceof WebServerApplicationContext web && web.getWebServer() != null) {
            return web.getWebServer().getPort();
        }
        throw new IllegalStateException(service + " is not running");
    }

    ConfigurableApplicationContext context() {
        ConfigurableApplicationContext running = context;
        if (running == null) {
            throw new IllegalStateException(service + " is not running");
        }
        return running;
    }

    private String[] arguments() {
        return properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
    }

    @Override
    public String toString() {
        return service.id();
    }
}
