package io.slotbridge.platform.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/** Applies {@link EmbeddedInfra} to Spring test contexts (registered in META-INF/spring.factories). */
public class EmbeddedInfraContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return MergedAnnotations.search(MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
                .withEnclosingClasses(c -> true)
                .from(testClass)
                .get(EmbeddedInfra.class)
                .synthesize(a -> a.isPresent())
                .map(a -> new Customizer(a.kafka(), a.postgres()))
                .orElse(null);
    }

    private static final class Customizer implements ContextCustomizer {

        private final boolean kafka;
        private final boolean postgres;

        Customizer(boolean kafka, boolean postgres) {
            this.kafka = kafka;
            this.postgres = postgres;
        }

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            List<String> properties = new ArrayList<>();
            if (kafka) {
                properties.add("spring.kafka.bootstrap-servers=" + SharedKafka.bootstrapServers());
                properties.add("slotbridge.kafka.partitions=" + SharedKafka.PARTITIONS);
            }
            if (postgres) {
                properties.add("spring.datasource.url=" + SharedPostgres.jdbcUrl());
                properties.add("spring.datasource.username=" + SharedPostgres.USER);
                properties.add("spring.datasource.password=");
            }
            TestPropertyValues.of(properties).applyTo(context);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Customizer c && c.kafka == kafka && c.postgres == postgres;
        }

        @Override
        public int hashCode() {
            return Objects.hash(kafka, postgres);
        }
    }
}
