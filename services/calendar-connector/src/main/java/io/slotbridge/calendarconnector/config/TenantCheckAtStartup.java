package io.slotbridge.calendarconnector.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Says at startup, tenant by tenant and key by key, what is wrong with the calendar configuration. Problems are
 * warnings, not a failed start: one tenant's missing key must not stop the calendars of the others.
 */
public class TenantCheckAtStartup implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(TenantCheckAtStartup.class);

    private final TenantDirectory tenants;
    private final TenantValidation validation;

    public TenantCheckAtStartup(TenantDirectory tenants, TenantValidation validation) {
        this.tenants = tenants;
        this.validation = validation;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (tenants.googleTenants().isEmpty()) {
            log.warn("no tenant with a Google calendar is configured (SLOTBRIDGE_TENANT_CONFIG)");
        }
        for (String tenant : tenants.googleTenants()) {
            var problems = validation.problems(tenant);
            if (problems.isEmpty()) {
                log.info(
                        "tenant {}: calendar {} configured ({})",
                        tenant,
                        tenants.get(tenant).calendar().calendarId(),
                        tenants.get(tenant).calendar().authMode());
            }
            problems.forEach(problem -> log.warn("tenant {}: {}: {}", tenant, problem.key(), problem.message()));
        }
    }
}
