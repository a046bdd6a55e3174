package io.slotbridge.calendarconnector.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;

/** The demo tenants file of the local launcher binds to the connector's view and passes its validation. */
class DemoTenantsTest {

    @Test
    void the_demo_tenants_are_google_tenants_without_configuration_problems() throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        List<PropertySource<?>> sources = new YamlPropertySourceLoader()
                .load("demo", new FileSystemResource(Path.of("../../deploy/tenants/demo.yml")));
        sources.forEach(environment.getPropertySources()::addFirst);

        TenantDirectory tenants = Binder.get(environment)
                .bind("slotbridge", TenantDirectory.class)
                .get();
        TenantValidation validation = new TenantValidation(tenants, null);

        assertThat(tenants.googleTenants()).containsExactly("demo", "demo-b24");
        assertThat(tenants.get("demo").calendar().calendarId()).isEqualTo("kev-demo@group.calendar.google.com");
        assertThat(tenants.get("demo").calendar().rootUrlOrDefault()).isEqualTo("http://localhost:8070/google/");
        assertThat(tenants.hookAddress("demo")).isEqualTo("http://localhost:8080/hooks/google/demo");
        assertThat(validation.problems("demo")).isEmpty();
        assertThat(validation.problems("demo-b24")).isEmpty();
    }
}
