package io.slotbridge.crmconnector;

import java.util.Arrays;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The crm-connector: the only code that talks to a CRM (amoCRM now, Bitrix24 beside it). */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CrmConnectorApplication {

    static final String CLI_PROPERTY = "slotbridge.crm-connector.cli";

    public static void main(String[] args) {
        application(args).run(args);
    }

    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(CrmConnectorApplication.class)
                .properties("spring.config.name=crm-connector", "spring.main.web-application-type=servlet");
    }

    /** A CLI run (e.g. {@code --slotbridge.crm-connector.cli=install-webhooks}) starts no web server and no listeners. */
    static SpringApplicationBuilder application(String[] args) {
        boolean cli = Arrays.stream(args).anyMatch(a -> a.startsWith("--" + CLI_PROPERTY + "="));
        if (!cli) {
            return application();
        }
        return new SpringApplicationBuilder(CrmConnectorApplication.class)
                .properties(
                        "spring.config.name=crm-connector",
                        "spring.main.web-application-type=none",
                        "slotbridge.crm-connector.listeners-enabled=false",
                        "slotbridge.crm-connector.sweep.enabled=false",
                        "slotbridge.crm-connector.report-interval=P3650D");
    }
}
