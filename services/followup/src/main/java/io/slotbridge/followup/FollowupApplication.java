package io.slotbridge.followup;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The follow-up service: ОП-2 outreach sequences, Wazzup WhatsApp templates, call tasks. */
@SpringBootApplication
public class FollowupApplication {

    public static void main(String[] args) {
        application().run(args);
    }

    /** Selects {@code followup.yml}, so the service can share a JVM with the others (deploy/local). */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(FollowupApplication.class).properties("spring.config.name=followup");
    }
}
