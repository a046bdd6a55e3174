package io.slotbridge.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotbridge.gateway.config.GatewayTenants;
import io.slotbridge.platform.test.SharedKafka;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * An administrator names the tenants file with an environment variable. Spring reads environment variables with
 * relaxed names, so a variable starting with {@code SLOTBRIDGE_TENANTS_} would become a tenant; the documented
 * {@code SLOTBRIDGE_TENANT_CONFIG} must load the file and nothing else.
 */
class TenantConfigLocationIT {

    @Test
    void the_tenants_file_named_by_the_environment_is_loaded_and_the_variable_is_not_a_tenant() {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .replace(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(
                                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                                Map.of("SLOTBRIDGE_TENANT_CONFIG", "src/test/resources/gateway-test-tenants.yml")));

        try (ConfigurableApplicationContext gateway = GatewayApplication.application()
                .environment(environment)
                .run(
                        "--server.port=0",
                        "--spring.kafka.bootstrap-servers=" + SharedKafka.bootstrapServers(),
                        "--slotbridge.kafka.partitions=" + SharedKafka.PARTITIONS)) {
            GatewayTenants tenants = gateway.getBean(GatewayTenants.class);

            assertThat(tenants.find("fixtures")).isPresent();
            assertThat(tenants.tenants()).doesNotContainKeys("config", "file");
        }
    }
}
