package io.slotbridge.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Services keep their defaults in {@code <service>.yml} (not application.yml) so several can share one classpath in
 * the local launcher; their main classes select the file with {@code spring.config.name} as a default property.
 */
class ConfigNameIT {

    @Test
    void spring_config_name_as_a_default_property_selects_the_service_file() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PlatformItApplication.class)
                .properties(
                        "spring.config.name=platform-it",
                        "spring.kafka.bootstrap-servers=" + SharedKafka.bootstrapServers(),
                        "spring.datasource.url=" + SharedPostgres.jdbcUrl(),
                        "spring.datasource.username=postgres",
                        "spring.datasource.password=",
                        "slotbridge.kafka.partitions=" + SharedKafka.PARTITIONS)
                .run()) {
            assertThat(context.getEnvironment().getProperty("spring.application.name"))
                    .isEqualTo("platform-it");
        }
    }
}
