package io.slotbridge.calendarconnector;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The calendar-connector: the only code that talks to Google Calendar. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CalendarConnectorApplication {

    public static void main(String[] args) {
        application().run(args);
    }

    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(CalendarConnectorApplication.class)
                .properties("spring.config.name=calendar-connector", "spring.main.web-application-type=servlet");
    }
}
