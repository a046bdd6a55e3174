package io.slotbridge.console;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The operations console: lead timelines, meetings, dead letters with replay, connections, alerts. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ConsoleApplication {

    public static void main(String[] args) {
        application().run(args);
    }

    /** The console with its own {@code console.yml}, so it can share a JVM with the other services. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(ConsoleApplication.class)
                .properties("spring.config.name=console", "spring.main.web-application-type=servlet");
    }
}
