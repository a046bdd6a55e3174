package io.slotbridge.sync;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** sync: the meeting state of every lead and the decider that keeps CRM and calendar telling the same story. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class SyncApplication {

    public static void main(String[] args) {
        application().run(args);
    }

    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(SyncApplication.class)
                .properties("spring.config.name=sync", "spring.main.web-application-type=servlet");
    }
}
