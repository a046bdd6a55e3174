package io.slotbridge.crmconnector;

import io.slotbridge.crmconnector.app.WebhookInstaller;
import io.slotbridge.crmconnector.config.CrmConnectorProperties;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar crm-connector-exec.jar --slotbridge.crm-connector.cli=install-webhooks --tenant=demo} (or
 * {@code list-webhooks}, {@code remove-webhooks}): runs once against the tenant's CRM, prints the result and exits
 * (status 0 on success, 1 on failure).
 */
@Component
public class WebhookCli implements ApplicationRunner {

    private final CrmConnectorProperties properties;
    private final WebhookInstaller installer;
    private final ConfigurableApplicationContext context;

    public WebhookCli(
            CrmConnectorProperties properties, WebhookInstaller installer, ConfigurableApplicationContext context) {
        this.properties = properties;
        this.installer = installer;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        String command = properties.cli();
        if (command == null || command.isBlank()) {
            return;
        }
        List<String> tenants = args.getOptionValues("tenant");
        int status = 0;
        try {
            if (tenants == null || tenants.isEmpty()) {
                throw new IllegalArgumentException("--tenant=<tenant id> is required");
            }
            String tenant = tenants.get(0);
            switch (command) {
                case "install-webhooks" -> {
                    WebhookInstaller.Installed installed = installer.install(tenant);
                    System.out.println((installed.created() ? "installed" : "already installed") + ": "
                            + installer.maskedDestination(tenant) + " "
                            + installed.webhook().events());
                }
                case "list-webhooks" ->
                    installer
                            .ours(tenant)
                            .forEach(w -> System.out.println(installer.maskedDestination(tenant) + " " + w.events()
                                    + (w.disabled() ? " (disabled)" : "")));
                case "remove-webhooks" ->
                    System.out.println("removed " + installer.remove(tenant) + " subscription(s)");
                default ->
                    throw new IllegalArgumentException(
                            "unknown command '" + command + "' (install-webhooks, list-webhooks, remove-webhooks)");
            }
        } catch (RuntimeException e) {
            System.err.println("failed: " + e.getMessage());
            status = 1;
        }
        int exit = status;
        System.exit(SpringApplication.exit(context, (ExitCodeGenerator) () -> exit));
    }
}
