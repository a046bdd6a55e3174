package io.slotbridge.sandbox;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The sandbox: amoCRM, Bitrix24, Google Calendar and Wazzup emulated in memory on http://localhost:8070. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SandboxApplication {

    public static void main(String[] args) {
        application().run(args);
    }

    /** Own config file name, so the local launcher can run the sandbox beside the services in one JVM. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(SandboxApplication.class)
                .properties("spring.config.name=sandbox", "spring.main.web-application-type=servlet");
    }
}
